//! `load`: the organization read through the client into the access model, as the package's
//! loader reads it (`pkg-template/src/access/load.ts` and `load-projects.ts`): the four lists
//! first (users 100 a page, groups and roles 1,000, projects 100, with archived ones only when
//! [`LoadOptions::include_archived`] says so), side by side; then one `groups.users.list` and
//! one `groups.roles.list` per group, one `users.roles.list` per user, and one
//! `projects.users.list`, `projects.groups.list` and `projects.roles.list` per active project,
//! in one lane per endpoint, the lanes side by side, each at its endpoint's pace; and once the
//! projects' groups are read, one `projects.groups.roles.list` per project and group with access,
//! in a lane of its own. An archived project's lists are never read (the API refuses them).
//!
//! A member's own project roles (`projects.users.roles.list`, one read per user and project) are
//! not read by [`load`]: they are read only when asked, by
//! [`load_project_user_roles`](super::load_project_user_roles) and
//! [`load_user_project_roles`](super::load_user_project_roles), as the package reads them for a
//! project's or a person's view.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use futures_util::future::{select, try_join, try_join4, try_join_all, Either};
use futures_util::{Future, Stream, TryStreamExt};
use openai_admin::models::{ListParams, UserListParams};
use openai_admin::Client;
use openai_admin_wasm::projects::ProjectListParams;
use serde::Serialize;

use super::load_progress::{LoadPhase, ProgressCallback};
use super::load_projects::active_projects;
use super::{call_error, DeadlinePassed, Error, Scheduler, SchedulerOptions};
use crate::Model;

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
    /// Whether the projects list is read with `include_archived` (default false, as the
    /// package's): archived projects are then in the model, marked archived (never planned,
    /// their own lists never read).
    pub include_archived: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            concurrency: 8,
            scheduler: None,
            deadline: None,
            on_progress: None,
            include_archived: false,
        }
    }
}

impl std::fmt::Debug for LoadOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadOptions")
            .field("concurrency", &self.concurrency)
            .field("scheduler", &self.scheduler)
            .field("deadline", &self.deadline)
            .field("include_archived", &self.include_archived)
            .finish_non_exhaustive()
    }
}

/// The per-entity reads' places in `KINDS`.
pub(super) const MEMBERS: usize = 4;
pub(super) const GROUP_ROLES: usize = 5;
pub(super) const USER_ROLES: usize = 6;
pub(super) const PROJECT_MEMBERS: usize = 7;
pub(super) const PROJECT_GROUPS: usize = 8;
pub(super) const PROJECT_ROLES: usize = 9;
pub(super) const PROJECT_GROUP_ROLES: usize = 10;
pub(super) const PROJECT_USER_ROLES: usize = 11;

pub(super) const KINDS: [&str; 12] = [
    "users.list",
    "groups.list",
    "roles.list",
    "projects.list",
    "groups.users.list",
    "groups.roles.list",
    "users.roles.list",
    "projects.users.list",
    "projects.groups.list",
    "projects.roles.list",
    "projects.groups.roles.list",
    "projects.users.roles.list",
];

/// Done and total per kind, in `KINDS` order, and the phase.
pub(super) type Counts = ([u64; KINDS.len()], [u64; KINDS.len()], LoadPhase);

/// A lane: the reads of one kind still to make, each an entity id and, for the reads of a
/// project's group or member, the group's or user's id (else empty).
pub(super) type Lane = Mutex<VecDeque<(String, String)>>;

pub(super) struct Run {
    pub(super) client: Client,
    pub(super) scheduler: Scheduler,
    pub(super) model: Mutex<Model>,
    pub(super) counts: Mutex<Counts>,
    pub(super) on_progress: Option<Arc<ProgressCallback>>,
}

/// Reads users, groups, roles and projects, every group's members and roles, every user's
/// roles, and every active project's members, groups with access, roles and groups' project
/// roles through `client` into a new model (a member's own project roles are left to
/// [`load_project_user_roles`](super::load_project_user_roles)), every request paced by the
/// scheduler: a 429 is waited out and sent again, never an error. Fails with the first read that failed (after the client's retries),
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
    let scheduler = scheduler_of(&options)?;
    let run = Run::new(client, &scheduler, Model::new(), &options);
    until_deadline(
        options.deadline,
        &scheduler,
        run.go(options.concurrency, options.include_archived),
    )
    .await?;
    Ok(run.into_model())
}

/// The options' scheduler (a new one by default), once `concurrency` is known to be valid.
pub(super) fn scheduler_of(options: &LoadOptions) -> Result<Scheduler, Error> {
    if options.concurrency == 0 {
        return Err(Error::InvalidArgument {
            param: "concurrency".into(),
            message: "`concurrency` must be at least 1".into(),
        });
    }
    match options.scheduler.clone() {
        Some(scheduler) => Ok(scheduler),
        None => Scheduler::new(SchedulerOptions {
            deadline: options.deadline,
            ..SchedulerOptions::default()
        }),
    }
}

/// Runs `work` until it ends or the deadline passes (then [`Error::Deadline`]).
pub(super) async fn until_deadline(
    deadline: Option<f64>,
    scheduler: &Scheduler,
    work: impl Future<Output = Result<(), Error>>,
) -> Result<(), Error> {
    let work = Box::pin(work);
    match deadline {
        None => work.await,
        Some(deadline) => {
            let clock = scheduler.clock();
            let timer = clock.sleep((deadline - clock.now_ms()).max(0.0));
            match select(work, timer).await {
                Either::Left((done, _)) => done,
                Either::Right(_) => Err(Error::Deadline(DeadlinePassed {
                    endpoint: None,
                    after_ms: 0.0,
                })),
            }
        }
    }
}

pub(super) fn page(limit: u32) -> Option<ListParams> {
    Some(ListParams {
        limit: Some(limit),
        ..ListParams::default()
    })
}

impl Run {
    pub(super) fn new(
        client: &Client,
        scheduler: &Scheduler,
        model: Model,
        options: &LoadOptions,
    ) -> Run {
        Run {
            client: client.with_pacer(scheduler.pacer()),
            scheduler: scheduler.clone(),
            model: Mutex::new(model),
            counts: Mutex::new(([0; KINDS.len()], [0; KINDS.len()], LoadPhase::Lists)),
            on_progress: options.on_progress.clone(),
        }
    }

    pub(super) fn into_model(self) -> Model {
        self.model
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    async fn go(&self, concurrency: usize, include_archived: bool) -> Result<(), Error> {
        self.report();
        self.lists(include_archived).await?;
        self.entities(concurrency).await?;
        self.counts_mut(|c| c.2 = LoadPhase::Done);
        Ok(())
    }

    pub(super) fn counts_mut(&self, change: impl FnOnce(&mut Counts)) {
        change(&mut self.counts.lock().unwrap_or_else(|p| p.into_inner()));
        self.report();
    }

    pub(super) fn feed(
        &self,
        add: impl FnOnce(&mut Model) -> Result<(), crate::model::ItemError>,
    ) -> Result<(), Error> {
        let mut model = self.model.lock().unwrap_or_else(|p| p.into_inner());
        add(&mut model).map_err(|e| Error::Model(e.0))
    }

    fn error(&self, e: openai_admin::Error) -> Error {
        call_error(e, &self.scheduler)
    }

    /// Every item of an entity's list (a group's members or roles, a user's roles, a project's
    /// lists) as JSON; an entity deleted since the lists were read (its read answered 404) has
    /// none, and the load goes on, as the package's loader does.
    pub(super) async fn entity_json<T: Serialize>(
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

    async fn lists(&self, include_archived: bool) -> Result<(), Error> {
        self.counts_mut(|c| c.1[..4].copy_from_slice(&[1, 1, 1, 1]));
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
        let projects = async {
            let params = ProjectListParams {
                limit: Some(100),
                include_archived: Some(include_archived),
                ..ProjectListParams::default()
            };
            let text = self.all_json(org.projects().list_all(Some(params))).await?;
            self.feed(|m| m.add_projects_json(&text))?;
            self.counts_mut(|c| c.0[3] = 1);
            Ok(())
        };
        try_join4(users, groups, roles, projects).await?;
        Ok(())
    }

    async fn entities(&self, concurrency: usize) -> Result<(), Error> {
        let (groups, users, projects): (Vec<String>, Vec<String>, Vec<String>) = {
            let model = self.model.lock().unwrap_or_else(|p| p.into_inner());
            (
                model.groups().map(|g| g.id.clone()).collect(),
                model.users().map(|u| u.id.clone()).collect(),
                active_projects(&model),
            )
        };
        let lane = |ids: &[String]| -> Lane {
            Mutex::new(ids.iter().map(|id| (id.clone(), String::new())).collect())
        };
        let lanes: [(usize, Lane); 6] = [
            (MEMBERS, lane(&groups)),
            (GROUP_ROLES, lane(&groups)),
            (USER_ROLES, lane(&users)),
            (PROJECT_MEMBERS, lane(&projects)),
            (PROJECT_GROUPS, lane(&projects)),
            (PROJECT_ROLES, lane(&projects)),
        ];
        self.counts_mut(|c| {
            c.2 = LoadPhase::Entities;
            for (kind, lane) in &lanes {
                c.1[*kind] = lane.lock().map_or(0, |q| q.len()) as u64;
            }
        });
        // The groups' project roles are known to read once the projects' groups are.
        let (project_groups, others): (Vec<_>, Vec<_>) = self
            .workers(&lanes, concurrency)
            .into_iter()
            .partition(|(kind, _)| *kind == PROJECT_GROUPS);
        let group_roles = async {
            try_join_all(project_groups.into_iter().map(|(_, w)| w)).await?;
            self.project_group_roles(&projects, concurrency).await
        };
        try_join(
            try_join_all(others.into_iter().map(|(_, w)| w)),
            group_roles,
        )
        .await?;
        Ok(())
    }

    /// The workers of these lanes, `concurrency` in all, shared by the lanes as their reads
    /// are (each lane with reads at least one), each with its lane's kind.
    pub(super) fn workers<'a>(
        &'a self,
        lanes: &'a [(usize, Lane)],
        concurrency: usize,
    ) -> Vec<(usize, impl Future<Output = Result<(), Error>> + 'a)> {
        let sizes: Vec<usize> = lanes
            .iter()
            .map(|(_, q)| q.lock().map_or(0, |q| q.len()))
            .collect();
        let pending: usize = sizes.iter().sum();
        let mut workers = Vec::new();
        for ((kind, lane), size) in lanes.iter().zip(&sizes) {
            if *size == 0 {
                continue;
            }
            let share = (concurrency * size + pending / 2) / pending.max(1);
            for _ in 0..share.clamp(1, *size) {
                workers.push((*kind, self.worker(*kind, lane)));
            }
        }
        workers
    }

    async fn worker(&self, kind: usize, lane: &Lane) -> Result<(), Error> {
        loop {
            let Some((id, other)) = lane.lock().unwrap_or_else(|p| p.into_inner()).pop_front()
            else {
                return Ok(());
            };
            self.read(kind, &id, &other).await?;
            self.counts_mut(|c| c.0[kind] += 1);
        }
    }

    /// One read of `kind` about entity `id` (and the project's group or member `other`), into
    /// the model.
    async fn read(&self, kind: usize, id: &str, other: &str) -> Result<(), Error> {
        let org = self.client.admin().organization();
        match kind {
            MEMBERS => {
                let text = self
                    .entity_json(org.groups().users(id).list_all(page(1000)))
                    .await?;
                self.feed(|m| m.set_group_members_json(id, &text))
            }
            GROUP_ROLES => {
                let text = self
                    .entity_json(org.groups().roles(id).list_all(page(1000)))
                    .await?;
                self.feed(|m| m.set_group_roles_json(id, &text))
            }
            USER_ROLES => {
                let text = self
                    .entity_json(org.users().roles(id).list_all(page(1000)))
                    .await?;
                self.feed(|m| m.set_user_roles_json(id, &text))
            }
            _ => self.read_project(kind, id, other).await,
        }
    }
}
