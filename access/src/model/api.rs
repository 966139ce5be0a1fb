//! The fields of the API's items that the model keeps, read leniently: the client has already
//! checked each answer against the spec, and a field the model does not keep must not make it
//! refuse an item (the spec's own `groups.list` example leaves out `group_type`).

use crate::json::{FromJson, Object, Value};

pub(super) struct ApiUser {
    pub id: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub role: Option<String>,
    pub is_scim_managed: Option<bool>,
    pub user: Option<ApiUserDetails>,
}

pub(super) struct ApiUserDetails {
    pub name: Option<String>,
    pub email: Option<String>,
}

pub(super) struct ApiGroup {
    pub id: String,
    pub name: String,
    pub is_scim_managed: Option<bool>,
}

pub(super) struct ApiGroupUser {
    pub id: String,
    pub name: Option<String>,
    pub email: Option<String>,
}

pub(crate) struct ApiRole {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub permissions: Vec<String>,
    pub predefined_role: bool,
    /// Only in assignment lists: where the assignment comes from, when available.
    pub assignment_sources: Option<Vec<ApiSource>>,
}

pub(crate) struct ApiSource {
    pub principal_id: String,
    pub principal_type: String,
}

impl FromJson for ApiUser {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        Ok(ApiUser {
            id: o.req("id")?,
            name: o.opt("name")?,
            email: o.opt("email")?,
            role: o.opt("role")?,
            is_scim_managed: o.opt("is_scim_managed")?,
            user: o.opt("user")?,
        })
    }
}

impl FromJson for ApiUserDetails {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        Ok(ApiUserDetails {
            name: o.opt("name")?,
            email: o.opt("email")?,
        })
    }
}

impl FromJson for ApiGroup {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        Ok(ApiGroup {
            id: o.req("id")?,
            name: o.req("name")?,
            is_scim_managed: o.opt("is_scim_managed")?,
        })
    }
}

impl FromJson for ApiGroupUser {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        Ok(ApiGroupUser {
            id: o.req("id")?,
            name: o.opt("name")?,
            email: o.opt("email")?,
        })
    }
}

impl FromJson for ApiRole {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        Ok(ApiRole {
            id: o.req("id")?,
            name: o.req("name")?,
            description: o.opt("description")?,
            permissions: o.opt("permissions")?,
            predefined_role: o.opt("predefined_role")?,
            assignment_sources: o.opt("assignment_sources")?,
        })
    }
}

impl FromJson for ApiSource {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        Ok(ApiSource {
            principal_id: o.req("principal_id")?,
            principal_type: o.req("principal_type")?,
        })
    }
}
