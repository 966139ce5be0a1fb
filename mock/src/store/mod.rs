//! The in-memory organization: groups, users, roles, projects and the links between them.
//!
//! Every collection is a `BTreeMap` keyed by id (ids sort in creation order), and every link is
//! kept in both directions as ordered sets, so pages are `range` scans and cleanup on delete
//! touches only the linked records.

mod links;
pub mod page;
pub mod projects;
mod twoway;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::error::{ApiError, ApiResult};
use crate::store::page::PageQuery;

use crate::ids::IdGen;

/// The `role` field of an organization user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgRole {
    /// `owner`
    Owner,
    /// `reader`
    Reader,
}

impl OrgRole {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            OrgRole::Owner => "owner",
            OrgRole::Reader => "reader",
        }
    }

    /// Parses the wire name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "owner" => Some(OrgRole::Owner),
            "reader" => Some(OrgRole::Reader),
            _ => None,
        }
    }
}

/// A group of users.
#[derive(Debug, Clone)]
pub struct Group {
    /// `group_...`
    pub id: String,
    /// Display name.
    pub name: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Managed by SCIM.
    pub is_scim_managed: bool,
    /// Member user ids, ordered.
    pub members: BTreeSet<String>,
    /// Assigned role ids, ordered.
    pub roles: BTreeSet<String>,
}

/// An organization user.
#[derive(Debug, Clone)]
pub struct User {
    /// `user_...`
    pub id: String,
    /// Display name.
    pub name: String,
    /// Email; `None` for service accounts.
    pub email: Option<String>,
    /// `owner` or `reader`.
    pub role: OrgRole,
    /// Unix seconds.
    pub added_at: i64,
    /// Whether this is a service account.
    pub is_service_account: bool,
    /// Free-form metadata set through modify user.
    pub technical_level: Option<String>,
    /// Free-form metadata set through modify user.
    pub developer_persona: Option<String>,
    /// Groups this user belongs to, ordered.
    pub groups: BTreeSet<String>,
    /// Directly assigned role ids, ordered.
    pub roles: BTreeSet<String>,
}

/// An organization role, predefined or custom.
#[derive(Debug, Clone)]
pub struct Role {
    /// `role_...`
    pub id: String,
    /// Unique name.
    pub name: String,
    /// Optional description.
    pub description: Option<String>,
    /// Permission strings such as `api.groups.read`.
    pub permissions: Vec<String>,
    /// `api.organization`, or `api.project` for a project's roles.
    pub resource_type: String,
    /// Predefined roles cannot be updated or deleted.
    pub predefined: bool,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub updated_at: i64,
    /// Id of the user that created it, if any.
    pub created_by: Option<String>,
    /// Groups holding this role.
    pub groups: BTreeSet<String>,
    /// Users holding this role directly.
    pub users: BTreeSet<String>,
}

impl Role {
    /// A custom role made now (`created_at`, `updated_at`) on `resource_type`
    /// (`api.organization` or `api.project`), held by no one yet.
    pub fn custom(
        id: String,
        name: String,
        description: Option<String>,
        permissions: Vec<String>,
        resource_type: &str,
        now: i64,
    ) -> Self {
        Role {
            id,
            name,
            description,
            permissions,
            resource_type: resource_type.to_owned(),
            predefined: false,
            created_at: now,
            updated_at: now,
            created_by: None,
            groups: BTreeSet::new(),
            users: BTreeSet::new(),
        }
    }
}

/// Where a user's role comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleSource {
    /// Assigned to the user itself.
    Direct,
    /// Inherited through membership of this group.
    Group(String),
}

/// Refuses an `after` cursor that names no record of `kind` in `map`: the API reads `after` as an
/// object id and looks it up to find its place, so an id that names nothing is a 400 with
/// `param: "after"` (see mock/README.md).
pub fn known_after<V>(map: &BTreeMap<String, V>, q: &PageQuery, kind: &str) -> ApiResult<()> {
    match &q.after {
        Some(a) if !map.contains_key(a) => Err(ApiError::bad(
            "after",
            format!("Invalid 'after': no {kind} found with id '{a}'."),
        )
        .with_code("invalid_cursor")),
        _ => Ok(()),
    }
}

/// The whole organization.
#[derive(Debug, Default)]
pub struct Store {
    /// Id generator shared by every kind.
    pub ids: IdGen,
    /// Groups by id.
    pub groups: BTreeMap<String, Group>,
    /// Users by id.
    pub users: BTreeMap<String, User>,
    /// Roles by id.
    pub roles: BTreeMap<String, Role>,
    /// Lower-cased email to user id, for the `emails` filter.
    pub emails: HashMap<String, String>,
    /// Projects by id (see [`projects`]).
    pub projects: BTreeMap<String, projects::Project>,
}

impl Store {
    /// Adds a user record and indexes its email.
    pub fn insert_user(&mut self, user: User) {
        if let Some(email) = &user.email {
            self.emails.insert(email.to_lowercase(), user.id.clone());
        }
        self.users.insert(user.id.clone(), user);
    }

    /// Every role `user_id` holds, directly or through a group, with where it comes from: the
    /// direct assignment first, then the groups in id order. Empty for an unknown user.
    pub fn user_roles(&self, user_id: &str) -> BTreeMap<String, Vec<RoleSource>> {
        let mut out: BTreeMap<String, Vec<RoleSource>> = BTreeMap::new();
        let Some(u) = self.users.get(user_id) else {
            return out;
        };
        for r in &u.roles {
            out.entry(r.clone()).or_default().push(RoleSource::Direct);
        }
        for gid in &u.groups {
            if let Some(g) = self.groups.get(gid) {
                for r in &g.roles {
                    out.entry(r.clone())
                        .or_default()
                        .push(RoleSource::Group(gid.clone()));
                }
            }
        }
        out
    }

    /// Finds a role by exact name.
    pub fn role_named(&self, name: &str) -> Option<&Role> {
        self.roles.values().find(|r| r.name == name)
    }
}
