//! The loader's reads of projects, as the package's (`pkg-template/src/access/load-projects.ts`):
//! per active project its members (100 a page), groups with access (100 a page) and roles (1,000
//! a page), three lanes read for every project by [`load`](super::load); per group with access
//! its project roles (1,000 a page), a lane read once the projects' groups are known; and per
//! member the member's own project roles (1,000 a page), one read per user and project, read only
//! when asked: [`load_project_user_roles`] (a project's view) and [`load_user_project_roles`] (a
//! person's).
//!
//! What the reads give goes into the model through the core's one owner of project facts
//! (`Model::set_project_members_json` and its kin, `crate::projects`), the calls the package's
//! `AccessModel` exports make.

use std::sync::Mutex;

use futures_util::future::try_join_all;
use openai_admin::Client;
use openai_admin_wasm::projects::groups::ProjectGroupListParams;
use openai_admin_wasm::projects::users::ProjectUserListParams;

use super::load::{
    page, scheduler_of, until_deadline, Lane, LoadOptions, Run, PROJECT_GROUPS,
    PROJECT_GROUP_ROLES, PROJECT_MEMBERS, PROJECT_ROLES, PROJECT_USER_ROLES,
};
use super::load_progress::LoadPhase;
use super::{Error, Scheduler};
use crate::projects::answers;
use crate::Model;

/// The projects whose own lists can be read: the active ones, by name (the API refuses an
/// archived project's lists), as the package's loader asks the model.
pub(super) fn active_projects(model: &Model) -> Vec<String> {
    answers::projects(model, false)
        .into_iter()
        .map(|row| row.project.id)
        .collect()
}

impl Run {
    /// One read of a project's list: its members, groups or roles (`project`), a group's project
    /// roles or a member's own (`project` and `other`, the group's or the user's id).
    pub(super) async fn read_project(
        &self,
        kind: usize,
        project: &str,
        other: &str,
    ) -> Result<(), Error> {
        let projects = self.client.admin().organization().projects();
        match kind {
            PROJECT_MEMBERS => {
                let params = ProjectUserListParams {
                    limit: Some(100),
                    ..ProjectUserListParams::default()
                };
                let read = projects.users(project).list_all(Some(params));
                let text = self.entity_json(read).await?;
                self.feed(|m| m.set_project_members_json(project, &text))
            }
            PROJECT_GROUPS => {
                let params = ProjectGroupListParams {
                    limit: Some(100),
                    ..ProjectGroupListParams::default()
                };
                let read = projects.groups(project).list_all(Some(params));
                let text = self.entity_json(read).await?;
                self.feed(|m| m.set_project_groups_json(project, &text))
            }
            PROJECT_ROLES => {
                let read = projects.roles(project).list_all(page(1000));
                let text = self.entity_json(read).await?;
                self.feed(|m| m.set_project_roles_json(project, &text))
            }
            PROJECT_GROUP_ROLES => {
                let read = projects.groups(project).roles(other).list_all(page(1000));
                let text = self.entity_json(read).await?;
                self.feed(|m| m.set_project_group_roles_json(project, other, &text))
            }
            PROJECT_USER_ROLES => {
                let read = projects.users(project).roles(other).list_all(page(1000));
                let text = self.entity_json(read).await?;
                self.feed(|m| m.set_project_user_roles_json(project, other, &text))
            }
            _ => Err(Error::Model(format!("no read of kind {kind}"))),
        }
    }

    /// Reads the project roles of every group with access to these projects, as their groups
    /// were read, in one lane (`concurrency` workers at most).
    pub(super) async fn project_group_roles(
        &self,
        projects: &[String],
        concurrency: usize,
    ) -> Result<(), Error> {
        let pairs: Vec<(String, String)> = {
            let model = self.model.lock().unwrap_or_else(|p| p.into_inner());
            projects
                .iter()
                .filter_map(|id| model.projects.get(id))
                .flat_map(|p| p.groups().map(|g| (p.project.id.clone(), g.clone())))
                .collect()
        };
        self.lane(PROJECT_GROUP_ROLES, pairs, concurrency).await
    }

    /// Reads `reads` of `kind`, one lane of `concurrency` workers at most.
    async fn lane(
        &self,
        kind: usize,
        reads: Vec<(String, String)>,
        concurrency: usize,
    ) -> Result<(), Error> {
        self.counts_mut(|c| c.1[kind] += reads.len() as u64);
        let lanes: [(usize, Lane); 1] = [(kind, Mutex::new(reads.into_iter().collect()))];
        try_join_all(
            self.workers(&lanes, concurrency)
                .into_iter()
                .map(|(_, worker)| worker),
        )
        .await?;
        Ok(())
    }
}

/// Reads the own project roles (`projects.users.roles.list`) of every member of one project
/// (its id or name) whose roles `model` has not read yet, into `model`, and answers how many
/// role lists it read: what the package reads when a project's view asks for them. A member's
/// own project roles are one read per user and project, so [`load`](super::load) leaves them out.
///
/// The project's member list is read first when the model has not read it; an archived project
/// has no list to read (the API refuses them), and nothing is read. The reads go in one lane at
/// the endpoint's pace through `options`' scheduler (share the load's to keep what it learned),
/// `concurrency` at most, and a member who left meanwhile (404) has none. What was read stays in
/// `model` when a read fails or the deadline passes; dropping the future leaves `model` as it
/// was.
///
/// Fails with [`Error::InvalidArgument`] naming `project` when the model has no project of that
/// id or name, before anything is sent.
///
/// ```no_run
/// use openai_admin_access::remote::{load, load_project_user_roles, LoadOptions, Scheduler};
///
/// # async fn run() -> Result<(), openai_admin_access::remote::Error> {
/// let client = openai_admin::Client::new()?;
/// let scheduler = Scheduler::default();
/// let options = || LoadOptions { scheduler: Some(scheduler.clone()), ..LoadOptions::default() };
/// let mut model = load(&client, options()).await?;
/// let read = load_project_user_roles(&client, &mut model, "billing-bot", options()).await?;
/// let holders = openai_admin_access::projects::answers::holders_of_project(&model, "billing-bot");
/// println!("{read} role lists read: {holders:?}");
/// # Ok(())
/// # }
/// ```
pub async fn load_project_user_roles(
    client: &Client,
    model: &mut Model,
    project: &str,
    options: LoadOptions,
) -> Result<usize, Error> {
    let scheduler = scheduler_of(&options)?;
    let Some(found) = model.find_project(project) else {
        return Err(Error::InvalidArgument {
            param: "project".into(),
            message: format!("`project`: the model has no project with the id or name `{project}`"),
        });
    };
    if found.project.archived {
        return Ok(0);
    }
    let id = found.project.id.clone();
    let unread = (found.members.is_none()).then(|| id.clone());
    lazy_reads(
        client,
        model,
        unread.into_iter().collect(),
        None,
        Some(id),
        options,
        scheduler,
    )
    .await
}

/// Reads the own project roles (`projects.users.roles.list`) of one user (id or email) in every
/// active project the user is a member of, those `model` has not read yet, into `model`, and
/// answers how many role lists it read: what the package reads when a person's view asks for
/// the person's projects. Every active project's member list is read first where the model has
/// not read it (to know the user's projects). Paced, bounded and kept as in
/// [`load_project_user_roles`].
///
/// Fails with [`Error::InvalidArgument`] naming `user` when the model has no user of that id or
/// email, before anything is sent.
///
/// ```no_run
/// use openai_admin_access::remote::{load, load_user_project_roles, LoadOptions};
///
/// # async fn run() -> Result<(), openai_admin_access::remote::Error> {
/// let client = openai_admin::Client::new()?;
/// let mut model = load(&client, LoadOptions::default()).await?;
/// let user = "grace.hopper@example.com";
/// load_user_project_roles(&client, &mut model, user, LoadOptions::default()).await?;
/// let id = model.find_user(user).map(|u| u.id.clone()).unwrap_or_default();
/// for p in openai_admin_access::projects::answers::projects_of_user(&model, &id) {
///     println!("{}: {:?}", p.project.name, p.access.roles);
/// }
/// # Ok(())
/// # }
/// ```
pub async fn load_user_project_roles(
    client: &Client,
    model: &mut Model,
    user: &str,
    options: LoadOptions,
) -> Result<usize, Error> {
    let scheduler = scheduler_of(&options)?;
    let Some(found) = model.find_user(user) else {
        return Err(Error::InvalidArgument {
            param: "user".into(),
            message: format!("`user`: the model has no user with the id or email `{user}`"),
        });
    };
    let id = found.id.clone();
    let unread = active_projects(model)
        .into_iter()
        .filter(|p| model.projects.get(p).is_some_and(|p| p.members.is_none()))
        .collect();
    lazy_reads(client, model, unread, Some(id), None, options, scheduler).await
}

/// The member lists of `unread` projects, then the member role lists the core's `role_reads`
/// names for `user` and/or `project`, into `model`; how many role lists were read.
async fn lazy_reads(
    client: &Client,
    model: &mut Model,
    unread: Vec<String>,
    user: Option<String>,
    project: Option<String>,
    options: LoadOptions,
    scheduler: Scheduler,
) -> Result<usize, Error> {
    let run = Run::new(client, &scheduler, model.clone(), &options);
    let read = Mutex::new(0);
    let work = async {
        run.counts_mut(|c| c.2 = LoadPhase::Entities);
        let members = unread.into_iter().map(|p| (p, String::new())).collect();
        run.lane(PROJECT_MEMBERS, members, options.concurrency)
            .await?;
        let reads: Vec<(String, String)> = {
            let model = run.model.lock().unwrap_or_else(|p| p.into_inner());
            answers::role_reads(&model, user.as_deref(), project.as_deref())
                .into_iter()
                .map(|r| (r.project_id, r.user_id))
                .collect()
        };
        *read.lock().unwrap_or_else(|p| p.into_inner()) = reads.len();
        run.lane(PROJECT_USER_ROLES, reads, options.concurrency)
            .await?;
        run.counts_mut(|c| c.2 = LoadPhase::Done);
        Ok(())
    };
    let result = until_deadline(options.deadline, &scheduler, work).await;
    *model = run.into_model();
    result.map(|()| read.into_inner().unwrap_or_else(|p| p.into_inner()))
}
