//! `load`: the organization read through the client into the access model, as the package's
//! loader reads it (`pkg-template/src/access/load.ts`): the three lists first (users 100 a page,
//! groups and roles 1,000), side by side; then one `groups.users.list` and one
//! `groups.roles.list` per group and one `users.roles.list` per user, in one lane per endpoint,
//! the lanes side by side, each at its endpoint's pace.
//!
//! It does not read projects yet: the model it returns has no project (`Model::projects` is
//! empty), so its answers and plans cover the organization's users, groups and roles only. The
//! package's loader reads them (`pkg-template/src/access/load-projects.ts`).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use futures_util::future::{select, try_join3, try_join_all, Either};
use futures_util::{Stream, TryStreamExt};
use openai_admin::models::{ListParams, UserListParams};
use openai_admin::Client;
use serde::Serialize;

use super::{call_error, DeadlinePassed, EndpointProgress, Error, Scheduler, SchedulerOptions};
use crate::Model;

/// Called with the load's progress after each read, and as each phase starts and ends.
///
/// ```
/// let callback: std::sync::Arc<openai_admin_access::remote::ProgressCallback> =
///     std::sync::Arc::new(|p| eprintln!("{:?}", p.phase));
/// # let _ = callback;
/// ```
pub type ProgressCallback = dyn Fn(&LoadProgress) + Send + Sync;

/// How [`load`] runs.
///
/// ```
/// use openai_admin_access::remote::{LoadOptions, Scheduler};
/// let options = LoadOptions {
///     concurrency: 4,
///     scheduler: Some(Scheduler::default()),
///     deadline: Some(openai_admin::pace::now_ms() + 15.0 * 60_000.0), // 15 minutes
///     ..LoadOptions::default()
/// };
/// # let _ = options;
/// ```
#[derive(Clone)]
pub struct LoadOptions {
    /// Reads in flight at most, shared by the lanes as their pending reads are (each at least
    /// one). Default 8.
    pub concurrency: usize,
    /// The scheduler to pace with (one shared with an [`apply`](super::apply) keeps what was
    /// learned); default: a new one with [`SchedulerOptions::default`] and this `deadline`.
    pub scheduler: Option<Scheduler>,
    /// Epoch ms by which the load ends: a request that would have to wait past it is refused,
    /// and the load stops there ([`Error::Deadline`]).
    pub deadline: Option<f64>,
    /// Told the progress: per read kind, done and total, and its endpoint's pace and ETA.
    pub on_progress: Option<Arc<ProgressCallback>>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            concurrency: 8,
            scheduler: None,
            deadline: None,
            on_progress: None,
        }
    }
}

impl std::fmt::Debug for LoadOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadOptions")
            .field("concurrency", &self.concurrency)
            .field("scheduler", &self.scheduler)
            .field("deadline", &self.deadline)
            .finish_non_exhaustive()
    }
}

/// Where a load is.
///
/// ```
/// # fn show(p: &openai_admin_access::remote::LoadProgress) {
/// use openai_admin_access::remote::LoadPhase;
/// if p.phase == LoadPhase::Done {
///     println!("loaded");
/// }
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadPhase {
    /// Reading the users, groups and roles lists.
    Lists,
    /// Reading each group's members and roles and each user's roles.
    Entities,
    /// Finished.
    Done,
}

/// One kind of read: an operation of the table and its endpoint.
///
/// ```
/// # fn show(read: &openai_admin_access::remote::ReadProgress) {
/// let left = read.eta_ms.map_or(String::from("not limited"), |ms| format!("about {:.0} s left", ms / 1000.0));
/// println!("{} {}/{} · {left}", read.operation, read.done, read.total);
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ReadProgress {
    /// `users.roles.list`.
    pub operation: &'static str,
    /// Reads done (a list read to its last page is one).
    pub done: u64,
    /// Reads known so far.
    pub total: u64,
    /// The time the rest takes at the endpoint's learned pace, in ms; `None` while it is not
    /// limited.
    pub eta_ms: Option<f64>,
    /// Its endpoint: requests sent, 429s, the learned rate, the wait.
    pub endpoint: EndpointProgress,
}

/// A load's progress ([`LoadOptions::on_progress`]; an example at [`load`]).
///
/// ```
/// # fn show(p: &openai_admin_access::remote::LoadProgress) {
/// let waiting: Vec<_> = p.reads.iter().filter(|r| r.endpoint.waiting_ms > 0.0).collect();
/// # let _ = waiting;
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LoadProgress {
    /// Where it is.
    pub phase: LoadPhase,
    /// Per kind of read, in the order they start: the three lists, then groups' members,
    /// groups' roles and users' roles.
    pub reads: Vec<ReadProgress>,
}

/// The per-entity reads' places in `KINDS`.
const MEMBERS: usize = 3;
const GROUP_ROLES: usize = 4;
const USER_ROLES: usize = 5;

const KINDS: [&str; 6] = [
    "users.list",
    "groups.list",
    "roles.list",
    "groups.users.list",
    "groups.roles.list",
    "users.roles.list",
];

struct Run {
    client: Client,
    scheduler: Scheduler,
    model: Mutex<Model>,
    /// Done and total per kind, in `KINDS` order.
    counts: Mutex<([u64; 6], [u64; 6], LoadPhase)>,
    on_progress: Option<Arc<ProgressCallback>>,
}

/// Reads users, groups, roles, every group's members and roles, and every user's roles through
/// `client` into a new model, every request paced by the scheduler: a 429 is waited out and sent
/// again, never an error. Fails with the first read that failed (after the client's retries),
/// an answer the model refuses, or the deadline. Dropping the future cancels the load.
///
/// ```no_run
/// use std::sync::Arc;
/// use openai_admin_access::remote::{load, LoadOptions};
///
/// # async fn run() -> Result<(), openai_admin_access::remote::Error> {
/// let client = openai_admin::Client::new()?;
/// let options = LoadOptions {
///     on_progress: Some(Arc::new(|p: &openai_admin_access::remote::LoadProgress| {
///         for read in &p.reads {
///             eprintln!("{} {}/{} {:?}/min", read.operation, read.done, read.total, read.endpoint.per_minute);
///         }
///     })),
///     ..LoadOptions::default()
/// };
/// let model = load(&client, options).await?;
/// println!("{}", openai_admin_access::file::dump(&model, openai_admin_access::file::Format::Yaml));
/// # Ok(())
/// # }
/// ```
pub async fn load(client: &Client, options: LoadOptions) -> Result<Model, Error> {
    if options.concurrency == 0 {
        return Err(Error::InvalidArgument {
            param: "concurrency".into(),
            message: "`concurrency` must be at least 1".into(),
        });
    }
    let scheduler = match options.scheduler.clone() {
        Some(scheduler) => scheduler,
        None => Scheduler::new(SchedulerOptions {
            deadline: options.deadline,
            ..SchedulerOptions::default()
        })?,
    };
    let run = Run {
        client: client.with_pacer(scheduler.pacer()),
        scheduler: scheduler.clone(),
        model: Mutex::new(Model::new()),
        counts: Mutex::new(([0; 6], [0; 6], LoadPhase::Lists)),
        on_progress: options.on_progress.clone(),
    };
    let work = Box::pin(run.go(options.concurrency.max(1)));
    match options.deadline {
        None => work.await?,
        Some(deadline) => {
            let clock = scheduler.clock();
            let timer = clock.sleep((deadline - clock.now_ms()).max(0.0));
            match select(work, timer).await {
                Either::Left((done, _)) => done?,
                Either::Right(_) => {
                    return Err(Error::Deadline(DeadlinePassed {
                        endpoint: None,
                        after_ms: 0.0,
                    }))
                }
            }
        }
    }
    Ok(run
        .model
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner()))
}

fn page(limit: u32) -> Option<ListParams> {
    Some(ListParams {
        limit: Some(limit),
        ..ListParams::default()
    })
}

impl Run {
    async fn go(&self, concurrency: usize) -> Result<(), Error> {
        self.report();
        self.lists().await?;
        self.entities(concurrency).await?;
        self.counts_mut(|c| c.2 = LoadPhase::Done);
        Ok(())
    }

    fn counts_mut(&self, change: impl FnOnce(&mut ([u64; 6], [u64; 6], LoadPhase))) {
        change(&mut self.counts.lock().unwrap_or_else(|p| p.into_inner()));
        self.report();
    }

    fn feed(
        &self,
        add: impl FnOnce(&mut Model) -> Result<(), crate::model::ItemError>,
    ) -> Result<(), Error> {
        let mut model = self.model.lock().unwrap_or_else(|p| p.into_inner());
        add(&mut model).map_err(|e| Error::Model(e.0))
    }

    fn error(&self, e: openai_admin::Error) -> Error {
        call_error(e, &self.scheduler)
    }

    /// Every item of an entity's list (a group's members or roles, a user's roles) as JSON; an
    /// entity deleted since the lists were read (its read answered 404) has none, and the load
    /// goes on, as the package's loader does.
    async fn entity_json<T: Serialize>(
        &self,
        items: impl Stream<Item = Result<T, openai_admin::Error>>,
    ) -> Result<String, Error> {
        match self.all_json(items).await {
            Err(Error::Client(e)) if e.kind() == openai_admin::ErrorKind::NotFound => {
                Ok("[]".to_owned())
            }
            other => other,
        }
    }

    /// Every item of a list, read to its end, as JSON.
    async fn all_json<T: Serialize>(
        &self,
        items: impl Stream<Item = Result<T, openai_admin::Error>>,
    ) -> Result<String, Error> {
        let items: Vec<T> = items.try_collect().await.map_err(|e| self.error(e))?;
        serde_json::to_string(&items).map_err(|e| Error::Model(e.to_string()))
    }

    async fn lists(&self) -> Result<(), Error> {
        self.counts_mut(|c| c.1[..3].copy_from_slice(&[1, 1, 1]));
        let org = self.client.admin().organization();
        let users = async {
            let params = UserListParams {
                limit: Some(100),
                ..UserListParams::default()
            };
            let text = self.all_json(org.users().list_all(Some(params))).await?;
            self.feed(|m| m.add_users_json(&text))?;
            self.counts_mut(|c| c.0[0] = 1);
            Ok::<(), Error>(())
        };
        let groups = async {
            let text = self.all_json(org.groups().list_all(page(1000))).await?;
            self.feed(|m| m.add_groups_json(&text))?;
            self.counts_mut(|c| c.0[1] = 1);
            Ok(())
        };
        let roles = async {
            let text = self.all_json(org.roles().list_all(page(1000))).await?;
            self.feed(|m| m.add_roles_json(&text))?;
            self.counts_mut(|c| c.0[2] = 1);
            Ok(())
        };
        try_join3(users, groups, roles).await?;
        Ok(())
    }

    async fn entities(&self, concurrency: usize) -> Result<(), Error> {
        let (groups, users): (Vec<String>, Vec<String>) = {
            let model = self.model.lock().unwrap_or_else(|p| p.into_inner());
            (
                model.groups().map(|g| g.id.clone()).collect(),
                model.users().map(|u| u.id.clone()).collect(),
            )
        };
        let lanes: [(usize, Mutex<VecDeque<String>>); 3] = [
            (MEMBERS, Mutex::new(groups.iter().cloned().collect())),
            (GROUP_ROLES, Mutex::new(groups.into_iter().collect())),
            (USER_ROLES, Mutex::new(users.into_iter().collect())),
        ];
        let sizes: Vec<usize> = lanes
            .iter()
            .map(|(_, q)| q.lock().map_or(0, |q| q.len()))
            .collect();
        let pending: usize = sizes.iter().sum();
        self.counts_mut(|c| {
            c.2 = LoadPhase::Entities;
            for ((kind, _), size) in lanes.iter().zip(&sizes) {
                c.1[*kind] = *size as u64;
            }
        });
        let mut workers = Vec::new();
        for ((kind, lane), size) in lanes.iter().zip(&sizes) {
            if *size == 0 {
                continue;
            }
            // `concurrency` workers in all, shared by the lanes as their reads are.
            let share = (concurrency * size + pending / 2) / pending.max(1);
            for _ in 0..share.clamp(1, *size) {
                workers.push(self.worker(*kind, lane));
            }
        }
        try_join_all(workers).await?;
        Ok(())
    }

    async fn worker(&self, kind: usize, lane: &Mutex<VecDeque<String>>) -> Result<(), Error> {
        let org = self.client.admin().organization();
        loop {
            let Some(id) = lane.lock().unwrap_or_else(|p| p.into_inner()).pop_front() else {
                return Ok(());
            };
            match kind {
                MEMBERS => {
                    let text = self
                        .entity_json(org.groups().users(&id).list_all(page(1000)))
                        .await?;
                    self.feed(|m| m.set_group_members_json(&id, &text))?;
                }
                GROUP_ROLES => {
                    let text = self
                        .entity_json(org.groups().roles(&id).list_all(page(1000)))
                        .await?;
                    self.feed(|m| m.set_group_roles_json(&id, &text))?;
                }
                _ => {
                    let text = self
                        .entity_json(org.users().roles(&id).list_all(page(1000)))
                        .await?;
                    self.feed(|m| m.set_user_roles_json(&id, &text))?;
                }
            }
            self.counts_mut(|c| c.0[kind] += 1);
        }
    }

    fn report(&self) {
        let Some(callback) = &self.on_progress else {
            return;
        };
        let (done, total, phase) = *self.counts.lock().unwrap_or_else(|p| p.into_inner());
        let paces = self.scheduler.progress();
        let reads = KINDS
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let endpoint = openai_admin_wasm::ops::find(name)
                    .map(openai_admin_wasm::pace::endpoint)
                    .unwrap_or_default();
                let pace = paces.iter().find(|p| p.endpoint == endpoint).cloned();
                ReadProgress {
                    operation: name,
                    done: done[i],
                    total: total[i],
                    eta_ms: self
                        .scheduler
                        .eta_ms(&endpoint, total[i].saturating_sub(done[i])),
                    endpoint: pace.unwrap_or(EndpointProgress {
                        endpoint,
                        sent: 0,
                        ok: 0,
                        rate_limited: 0,
                        per_minute: None,
                        waiting_ms: 0.0,
                        wait_reason: None,
                        asked_ms: None,
                    }),
                }
            })
            .collect();
        callback(&LoadProgress { phase, reads });
    }
}
