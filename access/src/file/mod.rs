//! The access file: the organization as text (YAML, or JSON, which is YAML).
//!
//! ```yaml
//! roles:                  # custom roles by name (predefined roles are never listed)
//!   Auditor:
//!     id: role_abc        # optional for a new role
//!     description: Reads groups and users
//!     permissions: [api.groups.read, api.users.read]
//! groups:                 # by name
//!   Engineering:
//!     id: group_abc
//!     members: [ada@example.com]
//!     roles: [Auditor]
//! users:                  # by email
//!   ada@example.com:
//!     role: owner         # owner | reader
//!     roles: [Auditor]    # direct assignments only
//! projects:               # by name; never created or archived here
//!   billing-bot:
//!     id: proj_abc        # pins identity
//!     members:            # email: project role (owner | member)
//!       ada@example.com: owner
//!     groups:             # the groups with access: their project roles
//!       Engineering: [Project Member, Key Reader]
//!     users:              # members' own project roles (a member not listed has none)
//!       ada@example.com: [Key Reader]
//!     roles:              # custom project roles, as `roles:` above
//!       Key Reader:
//!         permissions: [api.organization.projects.api_keys.read]
//! ```
//!
//! [`read`] checks the text into an [`AccessFile`], with a line and column for every error;
//! [`dump`] writes the model in the same shape.

mod dump;
mod fast;
mod read;
pub mod tree;
mod yaml;

pub use dump::{dump, user_key};
pub use read::{read, read_all};
pub use tree::Pos;

/// The largest file read: 10 MB.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// The output format of `dump`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// YAML, for people.
    Yaml,
    /// JSON.
    Json,
}

/// A bad file: what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// What is wrong.
    pub message: String,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1 (0 when the whole line is meant).
    pub column: usize,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// A value and where the file wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it is.
    pub pos: Pos,
}

/// A custom role as the file describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRole {
    /// Its name (the key).
    pub name: Spanned<String>,
    /// Its id, which pins identity (a changed name with the same id is a rename).
    pub id: Option<Spanned<String>>,
    /// Its description, when managed.
    pub description: Option<Spanned<String>>,
    /// Its permissions, when managed.
    pub permissions: Option<Vec<Spanned<String>>>,
}

/// A group as the file describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileGroup {
    /// Its name (the key).
    pub name: Spanned<String>,
    /// Its id.
    pub id: Option<Spanned<String>>,
    /// Exactly its members (emails), when managed.
    pub members: Option<Vec<Spanned<String>>>,
    /// Exactly the roles assigned to it (names), when managed.
    pub roles: Option<Vec<Spanned<String>>>,
}

/// A user as the file describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileUser {
    /// The email (the key).
    pub email: Spanned<String>,
    /// The organization role (`owner` or `reader`), when managed.
    pub role: Option<Spanned<String>>,
    /// Exactly the roles assigned to the user directly (names), when managed.
    pub roles: Option<Vec<Spanned<String>>>,
}

/// A project member as the file lists one: the email and the project role.
pub type FileProjectMember = (Spanned<String>, Spanned<String>);

/// A group with access to a project as the file lists one: its name (or id) and project roles.
pub type FileProjectGroup = (Spanned<String>, Vec<Spanned<String>>);

/// A member's own project roles as the file lists them: the email and the project roles (by name
/// or id), those given to the user directly.
pub type FileProjectUser = (Spanned<String>, Vec<Spanned<String>>);

/// A project as the file describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProject {
    /// Its name (the key).
    pub name: Spanned<String>,
    /// Its id, which pins identity.
    pub id: Option<Spanned<String>>,
    /// Exactly its members (email, project role `owner` or `member`), when managed.
    pub members: Option<Vec<FileProjectMember>>,
    /// Exactly the groups with access (name, its project roles by name or id), when managed.
    pub groups: Option<Vec<FileProjectGroup>>,
    /// Exactly the project roles given to members directly (email, its project roles by name or
    /// id), when managed: a member not listed has none.
    pub users: Option<Vec<FileProjectUser>>,
    /// Its custom project roles by name, when managed (created or changed; those not named are
    /// deleted only by `prune`).
    pub roles: Option<Vec<FileRole>>,
}

/// The access file, as read. A section left out (`None`) is not managed at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccessFile {
    /// `roles:`.
    pub roles: Option<Vec<FileRole>>,
    /// `groups:`.
    pub groups: Option<Vec<FileGroup>>,
    /// `users:`.
    pub users: Option<Vec<FileUser>>,
    /// `projects:`.
    pub projects: Option<Vec<FileProject>>,
}

#[cfg(test)]
mod tests;
