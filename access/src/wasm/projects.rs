//! The projects' exports of `AccessModel`: the project lists a loader fills in, and the answers
//! about projects (`crate::projects`). Kept apart from the organization's exports in `mod.rs`.

use wasm_bindgen::prelude::*;

use super::{item_error, to_js, to_json, AccessModel};
use crate::projects::answers;

#[wasm_bindgen]
impl AccessModel {
    /// Adds `projects.list` items (archived ones too, when listed with `include_archived`).
    #[wasm_bindgen(js_name = addProjects)]
    pub fn add_projects(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "projects")?;
        self.org
            .change(|m| m.add_projects_json(&json))
            .map_err(item_error)
    }

    /// Sets a project's members: every `projects.users.list` item of that project.
    #[wasm_bindgen(js_name = setProjectMembers)]
    pub fn set_project_members(
        &mut self,
        #[wasm_bindgen(js_name = projectId)] project_id: &str,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "project members")?;
        self.org
            .fill(|m| m.set_project_members_json(project_id, &json))
            .map_err(item_error)
    }

    /// Sets the groups with access to a project: every `projects.groups.list` item.
    #[wasm_bindgen(js_name = setProjectGroups)]
    pub fn set_project_groups(
        &mut self,
        #[wasm_bindgen(js_name = projectId)] project_id: &str,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "project groups")?;
        // A group the group list had not brought is a new search key: a change.
        self.org
            .change(|m| m.set_project_groups_json(project_id, &json))
            .map_err(item_error)
    }

    /// Sets a project's roles: every `projects.roles.list` item.
    #[wasm_bindgen(js_name = setProjectRoles)]
    pub fn set_project_roles(
        &mut self,
        #[wasm_bindgen(js_name = projectId)] project_id: &str,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "project roles")?;
        self.org
            .fill(|m| m.set_project_roles_json(project_id, &json))
            .map_err(item_error)
    }

    /// Sets a group's project roles: every `projects.groups.roles.list` item.
    #[wasm_bindgen(js_name = setProjectGroupRoles)]
    pub fn set_project_group_roles(
        &mut self,
        #[wasm_bindgen(js_name = projectId)] project_id: &str,
        #[wasm_bindgen(js_name = groupId)] group_id: &str,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "project group roles")?;
        self.org
            .fill(|m| m.set_project_group_roles_json(project_id, group_id, &json))
            .map_err(item_error)
    }

    /// Sets a member's project roles: every `projects.users.roles.list` item.
    #[wasm_bindgen(js_name = setProjectUserRoles)]
    pub fn set_project_user_roles(
        &mut self,
        #[wasm_bindgen(js_name = projectId)] project_id: &str,
        #[wasm_bindgen(js_name = userId)] user_id: &str,
        #[wasm_bindgen(unchecked_param_type = "readonly unknown[]")] items: JsValue,
    ) -> Result<(), JsValue> {
        let json = to_json(&items, "project user roles")?;
        self.org
            .fill(|m| m.set_project_user_roles_json(project_id, user_id, &json))
            .map_err(item_error)
    }

    /// Who can use the project with this id or name, and how; its members, groups and custom
    /// roles; `null` when there is none.
    #[wasm_bindgen(
        js_name = holdersOfProject,
        unchecked_return_type = "ProjectHoldersAnswer | null"
    )]
    pub fn holders_of_project(&self, project: &str) -> Result<JsValue, JsValue> {
        to_js(&answers::holders_of_project(self.model(), project))
    }

    /// The projects by name: the active ones, and the archived ones with `includeArchived`.
    #[wasm_bindgen(unchecked_return_type = "AccessProjectRow[]")]
    pub fn projects(
        &self,
        #[wasm_bindgen(js_name = includeArchived)] include_archived: Option<bool>,
    ) -> Result<JsValue, JsValue> {
        to_js(&answers::projects(
            self.model(),
            include_archived.unwrap_or(false),
        ))
    }

    /// The members' project role lists not read yet that an answer about this user (id or
    /// email) and/or this project (id or name) needs: what a loader reads when asked.
    #[wasm_bindgen(js_name = projectRoleReads, unchecked_return_type = "ProjectRoleRead[]")]
    pub fn project_role_reads(
        &self,
        user: Option<String>,
        project: Option<String>,
    ) -> Result<JsValue, JsValue> {
        to_js(&answers::role_reads(
            self.model(),
            user.as_deref(),
            project.as_deref(),
        ))
    }

    /// How many projects are known, and of how many each part has been read.
    #[wasm_bindgen(js_name = projectsRead, unchecked_return_type = "ProjectsRead")]
    pub fn projects_read(&self) -> Result<JsValue, JsValue> {
        to_js(&answers::projects_read(self.model()))
    }
}
