//! The project answers as the boundary writes them (`ProjectHolders`, `ProjectRow`, … in
//! `wasm/types.rs`).

use super::{
    ProjectAccess, ProjectGroup, ProjectHolder, ProjectHolders, ProjectMember, ProjectRead,
    ProjectRef, ProjectRow, ProjectUse, ProjectsRead, RoleRead,
};
use crate::json::json_object;

json_object!(ProjectRef { "id" => id, "name" => name, "archived" => archived });
json_object!(ProjectUse {
    "membership" => membership,
    "groups" => groups,
    "roles" => roles,
    "rolesRead" => roles_read,
});
json_object!(ProjectAccess { "project" => project, "access" => access });
json_object!(ProjectHolder { "user" => user, "access" => access });
json_object!(ProjectMember { "user" => user, "role" => role });
json_object!(ProjectGroup {
    "group" => group,
    "memberCount" => member_count,
    "scim" => scim,
    "roles" => roles,
});
json_object!(ProjectRead {
    "members" => members,
    "groups" => groups,
    "roles" => roles,
    "memberRoles" => member_roles,
    "memberCount" => member_count,
});
json_object!(ProjectHolders {
    "project" => project,
    "holders" => holders,
    "members" => members,
    "groups" => groups,
    "roles" => roles,
    "read" => read,
});
json_object!(ProjectRow { "project" => project, "read" => read });
json_object!(RoleRead { "projectId" => project_id, "userId" => user_id });
json_object!(ProjectsRead {
    "projects" => projects,
    "members" => members,
    "groups" => groups,
    "roles" => roles,
    "memberRoles" => member_roles,
});
