//! The access module's wasm exports: one class, `AccessModel`, over [`crate::Model`]. Values
//! cross as JSON (`JSON.stringify` in, `JSON.parse` out); everything else is the plain-Rust core.
//! The TypeScript types are declared once, in [`types`].

#[cfg(feature = "edit")]
mod edits;
#[cfg(feature = "file")]
mod files;
mod projects;
mod types;

use js_sys::{Error as JsError, JSON};
use wasm_bindgen::prelude::*;

use crate::assignment::{assignment_of, Subject};
use crate::json::{FromJson, ToJson};
use crate::model::ItemError;
use crate::organization::Organization;
use crate::{answers, Model};

fn error(message: &str) -> JsValue {
    JsError::new(message).into()
}

fn to_json(value: &JsValue, what: &str) -> Result<String, JsValue> {
    JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| error(&format!("{what} must be JSON values")))
}

fn to_js(value: &dyn ToJson) -> Result<JsValue, JsValue> {
    let mut text = String::new();
    value.write_json(&mut text);
    JSON::parse(&text)
}

/// The organization in memory, and the answers, access file, plans and CSV computed from it.
///
/// ```js
/// const model = new AccessModel();
/// model.addUsers(users); model.addGroups(groups); model.addRoles(roles);
/// model.setGroupMembers(groupId, members); model.setGroupRoles(groupId, roles);
/// model.setUserRoles(userId, roles);
/// model.accessOf('ada@example.com').permissions;
/// ```
#[wasm_bindgen]
pub struct AccessModel {
    /// The model and its caches (which change makes which stale is decided there).
    org: Organization,
}

impl Default for AccessModel {
    fn default() -> Self {
        Self::new()
    }
}

fn item_error(e: ItemError) -> JsValue {
    error(&e.0)
}

fn from_json<T: FromJson>(value: &JsValue, what: &str) -> Result<T, JsValue> {
    crate::json::from_str(&to_json(value, what)?).map_err(|e| not_read(what, e))
}

/// The error of an argument [`from_json`] could not read: one function, not a `format!` in each
/// argument type's copy.
#[inline(never)]
fn not_read(what: &str, e: String) -> JsValue {
    error(&format!("{what}: {e}"))
}

#[wasm_bindgen]
impl AccessModel {
    /// An empty organization; the loader fills it.
    #[wasm_bindgen(constructor)]
    pub fn new() -> AccessModel {
        AccessModel {
            org: Organization::new(),
        }
    }

    fn model(&self) -> &Model {
        self.org.model()
    }

    /// Adds `users.list` items.
    #[wasm_bindgen(js_name = addUsers)]
    pub fn add_users(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "users")?;
        self.org
            .change(|m| m.add_users_json(&json))
            .map_err(item_error)
    }

    /// Adds `groups.list` items.
    #[wasm_bindgen(js_name = addGroups)]
    pub fn add_groups(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "groups")?;
        self.org
            .change(|m| m.add_groups_json(&json))
            .map_err(item_error)
    }

    /// Adds `roles.list` items.
    #[wasm_bindgen(js_name = addRoles)]
    pub fn add_roles(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "roles")?;
        self.org
            .change(|m| m.add_roles_json(&json))
            .map_err(item_error)
    }

    /// Sets a group's members: every `groups.users.list` item of that group.
    #[wasm_bindgen(js_name = setGroupMembers)]
    pub fn set_group_members(
        &mut self,
        group_id: &str,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "group members")?;
        self.org
            .fill(|m| m.set_group_members_json(group_id, &json))
            .map_err(item_error)
    }

    /// Sets a group's roles: every `groups.roles.list` item of that group.
    #[wasm_bindgen(js_name = setGroupRoles)]
    pub fn set_group_roles(
        &mut self,
        group_id: &str,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "group roles")?;
        self.org
            .fill(|m| m.set_group_roles_json(group_id, &json))
            .map_err(item_error)
    }

    /// Sets a user's roles: every `users.roles.list` item of that user. An item whose
    /// `assignment_sources` name only groups is inherited; null or absent sources mean direct.
    #[wasm_bindgen(js_name = setUserRoles)]
    pub fn set_user_roles(
        &mut self,
        user_id: &str,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "user roles")?;
        self.org
            .fill(|m| m.set_user_roles_json(user_id, &json))
            .map_err(item_error)
    }

    /// The organization role, every role with its sources and the union of permissions of the
    /// user with this id or email; `null` when there is no such user.
    #[wasm_bindgen(js_name = accessOf, unchecked_return_type = "AccessOfAnswer | null")]
    pub fn access_of(&self, user: &str) -> Result<JsValue, JsValue> {
        to_js(&answers::access_of(self.model(), user))
    }

    /// Every user who holds the role with this id or name, and how; `null` when there is none.
    #[wasm_bindgen(js_name = holdersOf, unchecked_return_type = "HoldersOfAnswer | null")]
    pub fn holders_of(&self, role: &str) -> Result<JsValue, JsValue> {
        to_js(&answers::holders_of(self.model(), role))
    }

    /// The group with this id or name: members, roles, SCIM flag; `null` when there is none.
    #[wasm_bindgen(unchecked_return_type = "GroupAnswer | null")]
    pub fn group(&self, group: &str) -> Result<JsValue, JsValue> {
        to_js(&answers::group(self.model(), group))
    }

    /// Users by name or email, groups and roles by name; case- and accent-insensitive, best
    /// first (exact, prefix, word prefix, substring). `limit` defaults to 20.
    #[wasm_bindgen(unchecked_return_type = "AccessHit[]")]
    pub fn search(&mut self, text: &str, limit: Option<u32>) -> Result<JsValue, JsValue> {
        to_js(&self.org.search(text, limit.map_or(20, |l| l as usize)))
    }

    /// Builds the search keys now, if stale (a page calls it when idle, so that the first
    /// keystroke does not pay for them).
    #[wasm_bindgen(js_name = buildIndex)]
    pub fn build_index(&mut self) {
        self.org.build_index();
    }

    /// The user with this id, or else this email (any case): the one user lookup.
    #[wasm_bindgen(unchecked_return_type = "AccessUserRow | null")]
    pub fn user(&self, reference: &str) -> Result<JsValue, JsValue> {
        to_js(&answers::user(self.model(), reference))
    }

    /// Whether `subject` (`{ user }` or `{ group }`) holds the role by a direct assignment, and
    /// through which groups.
    #[wasm_bindgen(js_name = assignmentOf, unchecked_return_type = "AssignmentOfAnswer")]
    pub fn assignment_of(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AssignmentSubject")] subject: JsValue,
        #[wasm_bindgen(js_name = roleId)] role_id: &str,
    ) -> Result<JsValue, JsValue> {
        let subject: Subject = from_json(&subject, "subject")?;
        to_js(&assignment_of(self.model(), &subject, role_id).map_err(|e| error(&e))?)
    }

    /// Every user, or those with the organization role `organizationRole`, sorted by name.
    #[wasm_bindgen(unchecked_return_type = "AccessUserRow[]")]
    pub fn users(
        &self,
        #[wasm_bindgen(js_name = organizationRole)] organization_role: Option<String>,
    ) -> Result<JsValue, JsValue> {
        to_js(&answers::users(self.model(), organization_role.as_deref()))
    }

    /// Counts over the organization.
    #[wasm_bindgen(unchecked_return_type = "AccessStats")]
    pub fn stats(&self) -> Result<JsValue, JsValue> {
        to_js(&answers::stats(self.model()))
    }

    /// The model's facts as the API's list items (what a snapshot keeps after an apply): a
    /// list's items (`users`, `groups`, `roles`; only `id`'s when given), or a group's `members`
    /// or `groupRoles`, or a user's `userRoles`.
    #[wasm_bindgen(unchecked_return_type = "unknown[]")]
    pub fn items(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "'users' | 'groups' | 'roles' | 'members' | 'groupRoles' | 'userRoles'"
        )]
        kind: &str,
        id: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let kind = crate::items::ItemKind::parse(kind)
            .ok_or_else(|| error(&format!("no such kind of items: {kind}")))?;
        to_js(&crate::items::items(self.model(), kind, id.as_deref()))
    }
}

/// Lowercase, accents folded: the one name folding, which search uses and every filter must.
#[wasm_bindgen]
pub fn fold(text: &str) -> String {
    crate::search::fold(text)
}
