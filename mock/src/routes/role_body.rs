//! The bodies of a role's create and update, read once for the organization's roles and a
//! project's (`role_name`, `permissions`, `description`).

use super::extract::{check_name, Body};
use crate::error::{ApiError, ApiResult};
use crate::store::Role;

/// A create's fields: `role_name` and `permissions` required, `description` optional.
pub struct NewRole {
    /// Checked like every name.
    pub name: String,
    /// Permission strings.
    pub permissions: Vec<String>,
    /// Optional description.
    pub description: Option<String>,
}

impl NewRole {
    /// Reads the body, naming the first field it refuses.
    pub fn read(body: &Body) -> ApiResult<Self> {
        let name = check_name("role_name", body.string("role_name")?)?;
        let permissions = body.opt_strings("permissions")?.ok_or_else(|| {
            ApiError::bad("permissions", "Missing required parameter: 'permissions'.")
        })?;
        let description = body.opt_string("description")?.map(str::to_owned);
        Ok(NewRole {
            name,
            permissions,
            description,
        })
    }

    /// The role made from these fields, now, on `resource_type`.
    pub fn into_role(self, id: String, resource_type: &str, now: i64) -> Role {
        Role::custom(
            id,
            self.name,
            self.description,
            self.permissions,
            resource_type,
            now,
        )
    }
}

/// An update's fields, each optional; `description: null` clears it.
pub struct RoleEdit {
    /// The new name, checked.
    pub name: Option<String>,
    /// The new permissions.
    pub permissions: Option<Vec<String>>,
    /// The new description (`Some(None)` clears it).
    pub description: Option<Option<String>>,
}

impl RoleEdit {
    /// Reads the body, naming the first field it refuses.
    pub fn read(body: &Body) -> ApiResult<Self> {
        let name = body
            .opt_string("role_name")?
            .map(|n| check_name("role_name", n))
            .transpose()?;
        Ok(RoleEdit {
            name,
            permissions: body.opt_strings("permissions")?,
            description: body.nullable_string("description")?,
        })
    }

    /// Writes the fields given into `role`, and moves its `updated_at` to `now` (never back).
    pub fn apply(self, role: &mut Role, now: i64) {
        if let Some(n) = self.name {
            role.name = n;
        }
        if let Some(p) = self.permissions {
            role.permissions = p;
        }
        if let Some(d) = self.description {
            role.description = d;
        }
        role.updated_at = now.max(role.updated_at);
    }
}
