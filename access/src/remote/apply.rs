//! `apply`: a plan's operations carried out through the client, as the package's `applyPlan`
//! (`pkg-template/src/access/apply.ts`) carries them out: additions and changes before removals
//! and deletions, each when the operations it depends on have succeeded, its `{ from }` ids
//! filled in by the core's `plan::resolve_operation`, every request paced by the scheduler (a
//! 429 is waited out and sent again, creates included: the API did nothing). Every operation
//! goes by its name in the core's table (`Client::call_operation`), the project ones a plan
//! holds (`projects.users.*`, `projects.roles.*`, `projects.groups.*`) as the organization's.
//!
//! The ambiguous-create rule, as the package has it: a create (`groups.create`, `roles.create`)
//! is sent with the client's retries off, and after an ambiguous failure (a 5xx, a timeout, a
//! dropped connection: it may have been carried out) the list is read first, and a group or
//! role of that name that now exists is the result, so a create is never made twice. A removal
//! whose target is already gone (404) is done.

use std::sync::{Arc, Mutex};

use futures_util::{StreamExt, TryStreamExt};
use openai_admin::models::ListParams;
use openai_admin::{Client, ErrorKind};
use serde_json::Value;

use super::{call_error, Error, Scheduler};
use crate::apply::{Outcome, Status};
use crate::plan::{resolve_operation, Change, Plan, PlanId, PlanOperation};

/// Attempts of a create after ambiguous failures, each after listing.
const CREATE_ATTEMPTS: usize = 4;

/// Called after each operation ends.
///
/// ```
/// let callback: std::sync::Arc<openai_admin_access::remote::ApplyCallback> =
///     std::sync::Arc::new(|p| eprintln!("{}/{}", p.done, p.total));
/// # let _ = callback;
/// ```
pub type ApplyCallback = dyn Fn(&ApplyProgress) + Send + Sync;

/// How [`apply`] runs.
///
/// ```
/// use openai_admin_access::remote::{ApplyOptions, Scheduler};
/// let options = ApplyOptions { stop_on_error: true, scheduler: Some(Scheduler::default()), ..Default::default() };
/// # let _ = options;
/// ```
#[derive(Clone)]
pub struct ApplyOptions {
    /// Operations in flight at most. Default 8.
    pub concurrency: usize,
    /// The scheduler to pace with (the one the [`load`](super::load) before used keeps what it
    /// learned); default: a new one.
    pub scheduler: Option<Scheduler>,
    /// Start no operation after one failed (those not started are skipped). Default false.
    pub stop_on_error: bool,
    /// Told each operation's end.
    pub on_progress: Option<Arc<ApplyCallback>>,
}

impl Default for ApplyOptions {
    fn default() -> Self {
        ApplyOptions {
            concurrency: 8,
            scheduler: None,
            stop_on_error: false,
            on_progress: None,
        }
    }
}

impl std::fmt::Debug for ApplyOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApplyOptions")
            .field("concurrency", &self.concurrency)
            .field("scheduler", &self.scheduler)
            .field("stop_on_error", &self.stop_on_error)
            .finish_non_exhaustive()
    }
}

/// An apply's progress: an operation ended.
///
/// ```
/// # fn show(p: &openai_admin_access::remote::ApplyProgress) {
/// println!("{}/{}: operation {} {:?}", p.done, p.total, p.index, p.status);
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ApplyProgress {
    /// Operations ended.
    pub done: usize,
    /// Operations in the plan.
    pub total: usize,
    /// The one that just ended.
    pub index: usize,
    /// How.
    pub status: Status,
}

/// How one operation ended.
///
/// ```
/// # fn show(plan: &openai_admin_access::plan::Plan, applied: &[openai_admin_access::remote::Applied]) {
/// use openai_admin_access::apply::Status;
/// for (op, a) in plan.operations.iter().zip(applied) {
///     match a.status {
///         Status::Done => println!("{}{}", op.summary, if a.already_done { " (already so)" } else { "" }),
///         Status::Failed => println!("{}: {:?}", op.summary, a.error),
///         Status::Skipped => println!("{}: skipped, {:?}", op.summary, a.reason),
///     }
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// Done, failed or skipped.
    pub status: Status,
    /// The API's answer (a created thing, with its `id`); for a create found by listing after
    /// an ambiguous failure, the item listed.
    pub result: Option<Value>,
    /// Done without this run changing it: a removal whose target was gone, or a create found
    /// made by an earlier attempt.
    pub already_done: bool,
    /// Why it failed: the call's error (after the client's retries), or the deadline.
    pub error: Option<Error>,
    /// Why it was skipped.
    pub reason: Option<String>,
}

impl Applied {
    /// The core's outcome, for [`crate::apply::apply`] (the model as the apply left it).
    ///
    /// ```
    /// # fn after(mut model: openai_admin_access::Model, plan: &openai_admin_access::plan::Plan, applied: &[openai_admin_access::remote::Applied]) -> Result<(), String> {
    /// let outcomes: Vec<_> = applied.iter().map(|a| a.outcome()).collect();
    /// openai_admin_access::apply::apply(&mut model, plan, Some(&outcomes))?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn outcome(&self) -> Outcome {
        Outcome {
            status: self.status,
            result: self
                .result
                .as_ref()
                .map(|r| crate::json::parse(&r.to_string()).unwrap_or(crate::json::Value::Null)),
        }
    }

    fn done(result: Option<Value>, already_done: bool) -> Self {
        Applied {
            status: Status::Done,
            result,
            already_done,
            error: None,
            reason: None,
        }
    }

    fn skipped(reason: String) -> Self {
        Applied {
            status: Status::Skipped,
            result: None,
            already_done: false,
            error: None,
            reason: Some(reason),
        }
    }
}

/// Carries out `plan.operations` and answers one [`Applied`] per operation, in the plan's order.
/// A failed operation does not stop the others (unless `stop_on_error`): its outcome says
/// `Failed`, with the error, and those depending on it are skipped. Fails only for a plan that
/// cannot be carried out (a dependency cycle, an id a row needs missing). Dropping the future
/// stops it; what was sent stays done.
///
/// ```no_run
/// use openai_admin_access::remote::{apply, ApplyOptions};
///
/// # async fn run(plan: openai_admin_access::plan::Plan) -> Result<(), openai_admin_access::remote::Error> {
/// let client = openai_admin::Client::new()?;
/// for (op, applied) in plan.operations.iter().zip(apply(&client, &plan, ApplyOptions::default()).await?) {
///     println!("{}: {:?}", op.summary, applied.status);
/// }
/// # Ok(())
/// # }
/// ```
pub async fn apply(
    client: &Client,
    plan: &Plan,
    options: ApplyOptions,
) -> Result<Vec<Applied>, Error> {
    if options.concurrency == 0 {
        return Err(Error::InvalidArgument {
            param: "concurrency".into(),
            message: "`concurrency` must be at least 1".into(),
        });
    }
    let ops = &plan.operations;
    for (i, op) in ops.iter().enumerate() {
        if let Some(d) = op.depends_on.iter().find(|d| **d >= ops.len()) {
            return Err(Error::Plan(format!(
                "operation {i} depends on {d}, not in the plan"
            )));
        }
    }
    let scheduler = options.scheduler.clone().unwrap_or_default();
    let paced = client.with_pacer(scheduler.pacer());
    let outcomes: Mutex<Vec<Option<Applied>>> = Mutex::new(vec![None; ops.len()]);
    let outcomes = &outcomes;
    let failed = Mutex::new(false);
    let finish = |i: usize, applied: Applied| {
        let status = applied.status;
        let done = {
            let mut all = outcomes.lock().unwrap_or_else(|p| p.into_inner());
            all[i] = Some(applied);
            all.iter().filter(|o| o.is_some()).count()
        };
        if status == Status::Failed {
            *failed.lock().unwrap_or_else(|p| p.into_inner()) = true;
        }
        if let Some(callback) = &options.on_progress {
            callback(&ApplyProgress {
                done,
                total: ops.len(),
                index: i,
                status,
            });
        }
    };
    // Additions and changes, then removals and deletions; within each, dependencies first.
    let stages = [
        (0..ops.len())
            .filter(|i| ops[*i].change != Change::Remove)
            .collect::<Vec<_>>(),
        (0..ops.len())
            .filter(|i| ops[*i].change == Change::Remove)
            .collect(),
    ];
    for stage in stages {
        let mut pending = stage;
        while !pending.is_empty() {
            let (ready, rest): (Vec<usize>, Vec<usize>) = pending
                .iter()
                .partition(|i| ops[**i].depends_on.iter().all(|d| !pending.contains(d)));
            if ready.is_empty() {
                return Err(Error::Plan("the plan has a dependency cycle".into()));
            }
            pending = rest;
            futures_util::stream::iter(ready)
                .map(|i| {
                    let paced = &paced;
                    let scheduler = &scheduler;
                    let finish = &finish;
                    let failed = &failed;
                    let stop = options.stop_on_error;
                    async move {
                        let op = &ops[i];
                        let blocked = {
                            let all = outcomes.lock().unwrap_or_else(|p| p.into_inner());
                            op.depends_on
                                .iter()
                                .find(|d| {
                                    all[**d].as_ref().is_none_or(|o| o.status != Status::Done)
                                })
                                .copied()
                        };
                        if let Some(d) = blocked {
                            return finish(
                                i,
                                Applied::skipped(format!(
                                    "operation {d} ({}) did not succeed",
                                    ops[d].summary
                                )),
                            );
                        }
                        if stop && *failed.lock().unwrap_or_else(|p| p.into_inner()) {
                            return finish(i, Applied::skipped("stopped after a failure".into()));
                        }
                        let resolved = {
                            let all = outcomes.lock().unwrap_or_else(|p| p.into_inner());
                            resolve_operation(op, |from| {
                                let id = all
                                    .get(from)?
                                    .as_ref()?
                                    .result
                                    .as_ref()?
                                    .get("id")?
                                    .as_str()?;
                                Some(PlanId::Known(id.to_owned()))
                            })
                        };
                        let applied = match resolved {
                            Err(u) => Applied::skipped(format!("operation {} gave no id", u.from)),
                            Ok(op) => run_one(paced, scheduler, &op).await,
                        };
                        finish(i, applied);
                    }
                })
                .buffer_unordered(options.concurrency.max(1))
                .collect::<Vec<()>>()
                .await;
        }
    }
    let all = std::mem::take(&mut *outcomes.lock().unwrap_or_else(|p| p.into_inner()));
    Ok(all
        .into_iter()
        .map(|o| o.unwrap_or_else(|| Applied::skipped("not started".into())))
        .collect())
}

fn failed(error: Error) -> Applied {
    Applied {
        status: Status::Failed,
        result: None,
        already_done: false,
        error: Some(error),
        reason: None,
    }
}

/// Whether the request may have been carried out: a 5xx, a timeout, a dropped connection.
fn ambiguous(e: &Error) -> bool {
    match e {
        Error::Client(e) => matches!(
            e.kind(),
            ErrorKind::InternalServer | ErrorKind::Timeout | ErrorKind::Connection
        ),
        _ => false,
    }
}

/// The operation's path parameters in URL order, as its row names them.
fn ids_of(op: &PlanOperation) -> Result<Vec<String>, Error> {
    let row = openai_admin_wasm::ops::find(&op.operation)
        .ok_or_else(|| Error::Plan(format!("no operation is named `{}`", op.operation)))?;
    row.path_params()
        .map(|name| match op.ids.get(name) {
            Some(PlanId::Known(id)) => Ok(id.clone()),
            _ => Err(Error::Plan(format!("`{}` has no `{name}`", op.operation))),
        })
        .collect()
}

async fn run_one(client: &Client, scheduler: &Scheduler, op: &PlanOperation) -> Applied {
    let ids = match ids_of(op) {
        Ok(ids) => ids,
        Err(e) => return failed(e),
    };
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let creates = match op.operation.as_str() {
        "groups.create" => Some(("name", true)),
        "roles.create" => Some(("role_name", false)),
        _ => None,
    };
    if let Some((field, groups)) = creates {
        return create(client, scheduler, op, &ids, field, groups).await;
    }
    match client
        .call_operation(&op.operation, &ids, op.body.as_ref().map(wire))
        .await
    {
        Ok(result) => Applied::done(Some(result), false),
        Err(e) if op.change == Change::Remove && e.kind() == ErrorKind::NotFound => {
            Applied::done(None, true)
        }
        Err(e) => failed(call_error(e, scheduler)),
    }
}

/// A create: no client retries; after an ambiguous failure, the list says whether it happened.
async fn create(
    client: &Client,
    scheduler: &Scheduler,
    op: &PlanOperation,
    ids: &[&str],
    field: &str,
    groups: bool,
) -> Applied {
    let name = op.body.as_ref().and_then(|b| b.get(field)).map(wire);
    let once = client.with_max_retries(0);
    let mut last: Option<Error> = None;
    for _ in 0..CREATE_ATTEMPTS {
        if let (Some(e), Some(name)) = (&last, &name) {
            if ambiguous(e) {
                match existing(client, groups, name).await {
                    Ok(Some(item)) => return Applied::done(Some(item), true),
                    Ok(None) => {}
                    Err(e) => return failed(call_error(e, scheduler)),
                }
            }
        }
        match once
            .call_operation(&op.operation, ids, op.body.as_ref().map(wire))
            .await
        {
            Ok(result) => return Applied::done(Some(result), false),
            Err(e) => {
                let e = call_error(e, scheduler);
                if !ambiguous(&e) {
                    return failed(e);
                }
                last = Some(e);
            }
        }
    }
    failed(last.unwrap_or_else(|| Error::Plan("no attempt was made".into())))
}

/// A plan's JSON as the client's: the access core's writer writes JSON that `serde_json` reads.
fn wire(value: &crate::json::Value) -> Value {
    serde_json::from_str(&crate::json::to_string(value)).unwrap_or_default()
}

/// The group (or role) named `name`, as the list answers it, if there is one.
async fn existing(
    client: &Client,
    groups: bool,
    name: &Value,
) -> Result<Option<Value>, openai_admin::Error> {
    let org = client.admin().organization();
    let params = Some(ListParams {
        limit: Some(1000),
        ..ListParams::default()
    });
    let items: Vec<Value> = if groups {
        let all: Vec<_> = org.groups().list_all(params).try_collect().await?;
        all.iter()
            .filter_map(|g| serde_json::to_value(g).ok())
            .collect()
    } else {
        let all: Vec<_> = org.roles().list_all(params).try_collect().await?;
        all.iter()
            .filter_map(|r| serde_json::to_value(r).ok())
            .collect()
    };
    Ok(items
        .into_iter()
        .find(|item| item.get("name") == Some(name)))
}
