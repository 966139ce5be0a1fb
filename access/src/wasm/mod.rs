//! The access module's wasm exports: one class, `AccessModel`, over [`crate::Model`]. Values
//! cross as JSON (`JSON.stringify` in, `JSON.parse` out); everything else is the plain-Rust core.
//! The TypeScript types are declared once, in [`types`].

mod types;

use std::collections::BTreeMap;

use js_sys::{Error as JsError, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::apply::Outcome;
use crate::file::{self, FileError, Format};
use crate::model::ItemError;
use crate::plan::{Plan, PlanOptions};
use crate::search::SearchIndex;
use crate::{answers, csv, Model};

// The heap is Rust's default (dlmalloc), not the client's talc: `plan` allocates many small
// strings, and with talc it took twice as long in bench/access-plan.mjs (209 ms against 85-153
// ms median wall time on the same loaded machine), for 3 KB less gzip.

fn error(message: &str) -> JsValue {
    JsError::new(message).into()
}

fn file_error(e: &FileError) -> JsValue {
    let err = JsError::new(&e.message);
    err.set_name("AccessFileError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&err, &"line".into(), &(e.line as f64).into());
    let _ = Reflect::set(&err, &"column".into(), &(e.column as f64).into());
    err.into()
}

/// The first error, thrown, carrying every error found in `errors` (`{ message, line, column }`).
fn file_errors(errors: &[FileError]) -> JsValue {
    let err = file_error(&errors[0]);
    let all = js_sys::Array::new();
    for e in errors {
        let item = js_sys::Object::new();
        let _ = Reflect::set(&item, &"message".into(), &e.message.as_str().into());
        let _ = Reflect::set(&item, &"line".into(), &(e.line as f64).into());
        let _ = Reflect::set(&item, &"column".into(), &(e.column as f64).into());
        all.push(&item);
    }
    let _ = Reflect::set(&err, &"errors".into(), &all);
    err
}

fn to_json(value: &JsValue, what: &str) -> Result<String, JsValue> {
    JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| error(&format!("{what} must be JSON values")))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| error(&e.to_string()))?;
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
    model: Model,
    /// The search keys, built on the first search after a change of names: users, groups or
    /// roles added or replaced (not memberships or assignments, which hits read when returned).
    index: Option<SearchIndex>,
    /// Holders per role, for the search hits' details: counted on the first search after any
    /// change.
    holders: Option<BTreeMap<String, usize>>,
}

impl Default for AccessModel {
    fn default() -> Self {
        Self::new()
    }
}

#[wasm_bindgen]
impl AccessModel {
    /// An empty organization; the loader fills it.
    #[wasm_bindgen(constructor)]
    pub fn new() -> AccessModel {
        AccessModel {
            model: Model::new(),
            index: None,
            holders: None,
        }
    }

    fn changed(&mut self) -> &mut Model {
        self.index = None;
        self.holders = None;
        &mut self.model
    }

    /// For member and assignment lists: they add a user or a role only when no list named it
    /// yet (a new search key then); otherwise the keys stay.
    fn filled(
        &mut self,
        change: impl FnOnce(&mut Model) -> Result<(), ItemError>,
    ) -> Result<(), JsValue> {
        let before = (self.model.users.len(), self.model.roles.len());
        self.holders = None;
        let result = change(&mut self.model);
        if (self.model.users.len(), self.model.roles.len()) != before {
            self.index = None;
        }
        result.map_err(|e| error(&e.0))
    }

    /// Adds `users.list` items.
    #[wasm_bindgen(js_name = addUsers)]
    pub fn add_users(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "users")?;
        self.changed()
            .add_users_json(&json)
            .map_err(|e| error(&e.0))
    }

    /// Adds `groups.list` items.
    #[wasm_bindgen(js_name = addGroups)]
    pub fn add_groups(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "groups")?;
        self.changed()
            .add_groups_json(&json)
            .map_err(|e| error(&e.0))
    }

    /// Adds `roles.list` items.
    #[wasm_bindgen(js_name = addRoles)]
    pub fn add_roles(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "roles")?;
        self.changed()
            .add_roles_json(&json)
            .map_err(|e| error(&e.0))
    }

    /// Sets a group's members: every `groups.users.list` item of that group.
    #[wasm_bindgen(js_name = setGroupMembers)]
    pub fn set_group_members(
        &mut self,
        group_id: &str,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "group members")?;
        self.filled(|m| m.set_group_members_json(group_id, &json))
    }

    /// Sets a group's roles: every `groups.roles.list` item of that group.
    #[wasm_bindgen(js_name = setGroupRoles)]
    pub fn set_group_roles(
        &mut self,
        group_id: &str,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "group roles")?;
        self.filled(|m| m.set_group_roles_json(group_id, &json))
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
        self.filled(|m| m.set_user_roles_json(user_id, &json))
    }

    /// The organization role, every role with its sources and the union of permissions of the
    /// user with this id or email; `null` when there is no such user.
    #[wasm_bindgen(js_name = accessOf, unchecked_return_type = "AccessOfAnswer | null")]
    pub fn access_of(&self, user: &str) -> Result<JsValue, JsValue> {
        to_js(&answers::access_of(&self.model, user))
    }

    /// Every user who holds the role with this id or name, and how; `null` when there is none.
    #[wasm_bindgen(js_name = holdersOf, unchecked_return_type = "HoldersOfAnswer | null")]
    pub fn holders_of(&self, role: &str) -> Result<JsValue, JsValue> {
        to_js(&answers::holders_of(&self.model, role))
    }

    /// The group with this id or name: members, roles, SCIM flag; `null` when there is none.
    #[wasm_bindgen(unchecked_return_type = "GroupAnswer | null")]
    pub fn group(&self, group: &str) -> Result<JsValue, JsValue> {
        to_js(&answers::group(&self.model, group))
    }

    /// Users by name or email, groups and roles by name; case- and accent-insensitive, best
    /// first (exact, prefix, word prefix, substring). `limit` defaults to 20.
    #[wasm_bindgen(unchecked_return_type = "AccessSearchHit[]")]
    pub fn search(&mut self, text: &str, limit: Option<u32>) -> Result<JsValue, JsValue> {
        let model = &self.model;
        let index = self.index.get_or_insert_with(|| SearchIndex::new(model));
        let holders = self
            .holders
            .get_or_insert_with(|| answers::holder_counts(model));
        to_js(&index.search(model, holders, text, limit.map_or(20, |l| l as usize)))
    }

    /// Every user, or those with the organization role `organizationRole`, sorted by name.
    #[wasm_bindgen(unchecked_return_type = "AccessUserRow[]")]
    pub fn users(
        &self,
        #[wasm_bindgen(js_name = organizationRole)] organization_role: Option<String>,
    ) -> Result<JsValue, JsValue> {
        to_js(&answers::users(&self.model, organization_role.as_deref()))
    }

    /// Counts over the organization.
    #[wasm_bindgen(unchecked_return_type = "AccessStats")]
    pub fn stats(&self) -> Result<JsValue, JsValue> {
        to_js(&answers::stats(&self.model))
    }

    /// The access file of the organization, as YAML (`"yaml"`, the default) or JSON.
    pub fn dump(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "'yaml' | 'json'")] format: Option<String>,
    ) -> Result<String, JsValue> {
        let format = match format.as_deref() {
            None | Some("yaml") => Format::Yaml,
            Some("json") => Format::Json,
            Some(other) => {
                return Err(error(&format!(
                    "format must be 'yaml' or 'json', not '{other}'"
                )))
            }
        };
        Ok(file::dump(&self.model, format))
    }

    /// The plan that makes the organization match the access file `text` (YAML or JSON).
    /// Throws an `AccessFileError` (`line`, `column`) for a bad file, with every error found in
    /// `errors`.
    #[wasm_bindgen(unchecked_return_type = "AccessPlan")]
    pub fn plan(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "{ prune?: boolean }")] options: Option<
            js_sys::Object,
        >,
    ) -> Result<JsValue, JsValue> {
        let prune = options
            .and_then(|o| Reflect::get(&o, &"prune".into()).ok())
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        let access_file = file::read_all(text).map_err(|e| file_errors(&e))?;
        to_js(&crate::plan::plan(
            &self.model,
            &access_file,
            PlanOptions { prune },
        ))
    }

    /// `group,email` (`"memberships"`) or `role,principal_type,principal,source`
    /// (`"assignments"`) rows, with a header.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "'memberships' | 'assignments'")] kind: &str,
    ) -> Result<String, JsValue> {
        csv::export(&self.model, kind).map_err(|e| error(&e))
    }

    /// The plan of CSV rows `group,email[,action]` (action `add`, the default, or `remove`) over
    /// the groups they name. Throws an `AccessFileError` with the line of the first bad row.
    #[wasm_bindgen(js_name = planCsv, unchecked_return_type = "AccessPlan")]
    pub fn plan_csv(&self, text: &str) -> Result<JsValue, JsValue> {
        let plan = csv::plan_csv_all(&self.model, text).map_err(|e| file_errors(&e))?;
        to_js(&plan)
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
        to_js(&crate::items::items(&self.model, kind, id.as_deref()))
    }

    /// Applies a plan's operations to the model in memory: all of them, or those whose outcome
    /// (same index) is `done`, taking created ids from the outcomes' results.
    pub fn apply(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AccessPlan")] plan: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "readonly AccessOutcome[]")]
        outcomes: Option<js_sys::Array>,
    ) -> Result<(), JsValue> {
        let plan: Plan = serde_json::from_str(&to_json(&plan, "the plan")?)
            .map_err(|e| error(&format!("not a plan: {e}")))?;
        let outcomes: Option<Vec<Outcome>> = match outcomes {
            None => None,
            Some(outcomes) => Some(
                serde_json::from_str(&to_json(&outcomes, "outcomes")?)
                    .map_err(|e| error(&format!("not outcomes: {e}")))?,
            ),
        };
        crate::apply::apply(self.changed(), &plan, outcomes.as_deref()).map_err(|e| error(&e))
    }
}
