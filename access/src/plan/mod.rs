//! The plan that makes the organization match an access file: a pure function of the model
//! and the file, deterministic, and minimal (no operation that changes nothing).
//!
//! Every operation is a row of the core's operation table (`src/ops.rs`), named as there, with
//! that row's path parameters as `ids`. The order is safe: custom-role changes and creates, group
//! renames and creates, then everything added, then everything removed, then deletes. Ids of
//! things the plan creates are `{ from: i }`, the `id` of operation i's result.
//!
//! Rules: a list in the file is exactly what it belongs to; a key or section left out is not
//! managed; what the file does not name is listed as unmanaged (or deleted by `prune`: groups and
//! custom roles only, and only in a section the file has). Blocked, with a reason, and never
//! planned: any change to a SCIM-managed group or to a SCIM-managed user's organization role,
//! editing a predefined role, a reference to a role or group that neither exists nor is defined,
//! an email that is not a member of the organization. A plan that would leave the organization
//! with no owner is refused as a whole: no operations, and a first blocked entry that says so;
//! so is one that would leave a project that has an owner without one (`projects.rs`).

mod assign;
mod build;
pub(crate) mod edit;
mod groups;
mod project_roles;
mod project_users;
mod projects;
mod resolve;
mod roles;
mod users;
mod wire;

pub use edit::{
    plan_membership, plan_person, plan_project_membership, EditError, MembershipEdit, PersonEdit,
    ProjectMembershipEdit, UserRole,
};
pub use project_users::plan_role_reads;
pub use resolve::{resolve_operation, Unresolved};

use crate::file::{AccessFile, FileRole};
use crate::map::{Map, Set};
use crate::model::User;
use crate::Model;
use build::{Builder, Key, Ref};

/// An id in a planned operation: known, or the `id` of an earlier operation's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanId {
    /// An id that exists.
    Known(String),
    /// The `id` of the result of operation `from` of the same plan.
    From {
        /// The operation's index.
        from: usize,
    },
}

/// One operation: a row of the operation table with its ids and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanOperation {
    /// The row's name.
    pub operation: String,
    /// The path parameters.
    pub ids: Map<String, PlanId>,
    /// The JSON body.
    pub body: Option<crate::json::Value>,
    /// One line for people.
    pub summary: String,
    /// What kind of change it is (`+`, `-` or `~` on the wire).
    pub change: Change,
    /// Indices of the operations that must succeed first.
    pub depends_on: Vec<usize>,
}

/// What kind of change an operation makes. It decides how an apply treats it: additions and
/// changes run before removals, and a removal whose target is already gone (404) is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Creates or adds something (`+`).
    Add,
    /// Removes or deletes something (`-`).
    Remove,
    /// Changes something in place (`~`).
    Update,
}

/// Why a plan is refused as a whole (it then has no operations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The plan would leave the organization with no owner.
    NoOwnerLeft,
    /// The plan would leave a project that has an owner with none.
    NoProjectOwnerLeft,
}

/// What is not done, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    /// What it is about.
    pub subject: String,
    /// Why it is not done.
    pub reason: String,
}

/// Something the file does not name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmanaged {
    /// `user`, `group`, `role` or `project`.
    pub kind: String,
    /// Its name (a user's email).
    pub name: String,
    /// Its id.
    pub id: String,
}

/// A plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// The operations, in order.
    pub operations: Vec<PlanOperation>,
    /// What is blocked.
    pub blocked: Vec<Blocked>,
    /// What is left alone.
    pub unmanaged: Vec<Unmanaged>,
    /// Why the plan is refused as a whole, if it is (its first blocked entry then says so).
    pub refused: Option<Refusal>,
}

/// Options of [`plan`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanOptions {
    /// Delete the groups and custom roles the file does not name.
    pub prune: bool,
}

/// What a name in the file's `roles:` section refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum RoleTarget {
    /// An existing custom role (its id).
    Existing(String),
    /// A role the plan creates.
    New,
    /// Blocked; references to it are blocked with this reason.
    Unusable(String),
}

/// What the sections' planners share.
struct Context<'a> {
    model: &'a Model,
    builder: Builder,
    unmanaged: Vec<Unmanaged>,
    role_targets: Map<String, RoleTarget>,
    role_names: Map<&'a str, &'a str>,
    /// Organization roles after the plan, where it changes them (user id → role).
    org_roles: Map<String, String>,
    /// The groups the `groups:` section creates, by name (a project's `groups:` may name them).
    new_groups: Set<String>,
}

impl<'a> Context<'a> {
    fn new(model: &'a Model) -> Self {
        let mut role_names = Map::new();
        for role in model.roles.values() {
            role_names
                .entry(role.name.as_str())
                .or_insert(role.id.as_str());
        }
        Context {
            model,
            builder: Builder::default(),
            unmanaged: Vec::new(),
            role_targets: Map::new(),
            role_names,
            org_roles: Map::new(),
            new_groups: Set::new(),
        }
    }

    /// The user with this id or email ([`Model::find_user`]).
    fn user(&self, reference: &str) -> Option<&'a User> {
        self.model.find_user(reference)
    }

    /// The role a file names: defined in the file, or else existing (by name, then id).
    fn role_ref(&self, name: &str) -> Result<Ref, String> {
        match self.role_targets.get(name) {
            Some(RoleTarget::Existing(id)) => return Ok(Ref::Id(id.clone())),
            Some(RoleTarget::New) => return Ok(Ref::New(Key::Role(name.to_owned()))),
            Some(RoleTarget::Unusable(reason)) => {
                return Err(format!("role {name} is blocked: {reason}"))
            }
            None => {}
        }
        if let Some(id) = self.role_names.get(name) {
            return Ok(Ref::Id((*id).to_owned()));
        }
        if self.model.roles.contains_key(name) {
            return Ok(Ref::Id(name.to_owned()));
        }
        Err("the role neither exists nor is defined in the file".to_owned())
    }

    fn block_role(&mut self, role: &FileRole, reason: String) {
        self.builder
            .block(format!("role {}", role.name.value), reason.clone());
        self.role_targets
            .insert(role.name.value.clone(), RoleTarget::Unusable(reason));
    }
}

/// The plan for `file` against `model`.
pub fn plan(model: &Model, file: &AccessFile, options: PlanOptions) -> Plan {
    let mut cx = Context::new(model);
    // Custom roles the file assigns are named by it, even outside `roles:` (never pruned).
    let mut referenced: Set<&str> = Set::new();
    for group in file.groups.iter().flatten() {
        referenced.extend(group.roles.iter().flatten().map(|r| r.value.as_str()));
    }
    for user in file.users.iter().flatten() {
        referenced.extend(user.roles.iter().flatten().map(|r| r.value.as_str()));
    }
    match &file.roles {
        Some(roles) => roles::plan_roles(&mut cx, roles, options.prune, &referenced),
        None => {
            cx.unmanaged.extend(
                model
                    .roles
                    .values()
                    .filter(|r| !r.predefined)
                    .map(|r| Unmanaged {
                        kind: "role".into(),
                        name: r.name.clone(),
                        id: r.id.clone(),
                    }),
            )
        }
    }
    match &file.groups {
        Some(groups) => groups::plan_groups(&mut cx, groups, options.prune),
        None => cx
            .unmanaged
            .extend(model.groups.values().map(|g| Unmanaged {
                kind: "group".into(),
                name: g.name.clone(),
                id: g.id.clone(),
            })),
    }
    match &file.users {
        Some(users) => users::plan_users(&mut cx, users),
        None => cx.unmanaged.extend(model.users.values().map(|u| Unmanaged {
            kind: "user".into(),
            name: crate::file::user_key(u).to_owned(),
            id: u.id.clone(),
        })),
    }
    // Projects are planned only when the file has the section; then the active ones it does not
    // name are listed unmanaged.
    let ownerless = match &file.projects {
        Some(projects) => {
            let file_groups = file.groups.as_deref().unwrap_or(&[]);
            projects::plan_projects(&mut cx, projects, file_groups, options.prune)
        }
        None => None,
    };
    let owners_before = model
        .users
        .values()
        .filter(|u| u.role.as_deref() == Some("owner"))
        .count();
    let owners_after = model
        .users
        .values()
        .filter(|u| {
            cx.org_roles
                .get(&u.id)
                .map(String::as_str)
                .or(u.role.as_deref())
                == Some("owner")
        })
        .count();
    let unmanaged = cx.unmanaged;
    let (mut operations, mut blocked) = cx.builder.finish();
    let mut refused = None;
    if owners_after == 0 && owners_before > 0 {
        operations.clear();
        blocked.insert(
            0,
            Blocked {
                subject: "organization".into(),
                reason: "the plan would leave the organization with no owner: nothing is planned"
                    .into(),
            },
        );
        refused = Some(Refusal::NoOwnerLeft);
    } else if let Some(project) = ownerless {
        operations.clear();
        blocked.insert(
            0,
            Blocked {
                subject: format!("project {project}"),
                reason: "the plan would leave the project with no owner: nothing is planned".into(),
            },
        );
        refused = Some(Refusal::NoProjectOwnerLeft);
    }
    Plan {
        operations,
        blocked,
        unmanaged,
        refused,
    }
}

#[cfg(test)]
mod tests;
