//! The answers as the boundary writes them (`AccessOfAnswer`, `HoldersOfAnswer`, … in
//! `wasm/types.rs`).

use super::{
    AccessOf, AssignedGroup, GroupCount, GroupInfo, HeldRole, Holder, HoldersOf, NamedRef,
    RoleCount, RoleInfo, Source, Stats, UserRef, UserRow,
};
use crate::json::{json_object, ObjectWriter, ToJson};

json_object!(UserRef { "id" => id, "name" => name, "email" => email });
json_object!(NamedRef { "id" => id, "name" => name });
json_object!(RoleInfo {
    "id" => id,
    "name" => name,
    "description" => description,
    "permissions" => permissions,
    "predefined" => predefined,
});
json_object!(HeldRole { "role" => role, "sources" => sources });
json_object!(AccessOf {
    "user" => user,
    "organizationRole" => organization_role,
    "scim" => scim,
    "groups" => groups,
    "roles" => roles,
    "permissions" => permissions,
    "projects" => projects,
});
json_object!(Holder { "user" => user, "sources" => sources });
json_object!(AssignedGroup { "group" => group, "memberCount" => member_count });
json_object!(HoldersOf { "role" => role, "holders" => holders, "groups" => groups });
json_object!(GroupInfo {
    "group" => group,
    "members" => members,
    "roles" => roles,
    "scim" => scim,
});
json_object!(GroupCount { "group" => group, "members" => members });
json_object!(RoleCount { "role" => role, "holders" => holders });
json_object!(Stats {
    "users" => users,
    "groups" => groups,
    "roles" => roles,
    "customRoles" => custom_roles,
    "memberships" => memberships,
    "groupAssignments" => group_assignments,
    "userAssignments" => user_assignments,
    "organizationRoles" => organization_roles,
    "membersPerGroup" => members_per_group,
    "holdersPerRole" => holders_per_role,
});
json_object!(UserRow {
    ..user,
    "organizationRole" => organization_role,
    "scim" => scim,
});

impl ToJson for Source {
    fn write_json(&self, out: &mut String) {
        let mut o = ObjectWriter::new(out);
        match self {
            Source::Direct => o.field("kind", &"direct"),
            Source::Group { group } => {
                o.field("kind", &"group");
                o.field("group", group);
            }
        }
        o.end();
    }
}
