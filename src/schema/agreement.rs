//! Every model's schema against its serde derive, on a full example of each and on variants of
//! it.

use super::{check_response, validate, DriftKind, Model};

/// Test support: checks the schema against the model's serde derive on `example` and on every
/// variant of it with one field (at any depth) removed, set to `null`, or set to a value of each
/// other JSON type, or with an unknown field added:
/// - [`validate`] accepts exactly what serde accepts;
/// - [`check_response`] never fails but on a list page's envelope, never reports drift where
///   serde accepts (unknown fields and `null` in an `Option` that the spec does not make nullable
///   aside: those are drift the model reads anyway), and always reports some where serde refuses.
pub fn check_agreement<T: serde::de::DeserializeOwned + Model>(example: &str) {
    use serde_json::Value;

    /// What a variant did that serde and the schema are allowed to see differently.
    #[derive(Clone, Copy, PartialEq)]
    enum Quirk {
        None,
        /// An array where an object was: serde also reads a struct from a JSON array (its
        /// fields in order), which no API sends; the schema rejects it.
        ArrayForObject,
        /// `null` somewhere: serde reads it into any `Option`.
        Null,
        /// A field the model does not know.
        Unknown,
    }

    fn variants(value: &Value, out: &mut Vec<(Value, Quirk)>) {
        let replacements = [
            Value::Null,
            Value::Bool(true),
            serde_json::json!(7),
            serde_json::json!(-7),
            serde_json::json!(1.5),
            serde_json::json!("text"),
            serde_json::json!([]),
            serde_json::json!(["text"]),
            serde_json::json!({}),
        ];
        let quirk = |child: &Value, replacement: &Value| {
            if replacement.is_null() {
                Quirk::Null
            } else if child.is_object() && replacement.is_array() {
                Quirk::ArrayForObject
            } else {
                Quirk::None
            }
        };
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let mut removed = map.clone();
                    removed.remove(key);
                    out.push((Value::Object(removed), Quirk::None));
                    for replacement in &replacements {
                        let mut changed = map.clone();
                        changed.insert(key.clone(), replacement.clone());
                        out.push((Value::Object(changed), quirk(child, replacement)));
                    }
                    let mut nested = Vec::new();
                    variants(child, &mut nested);
                    for (variant, quirk) in nested {
                        let mut changed = map.clone();
                        changed.insert(key.clone(), variant);
                        out.push((Value::Object(changed), quirk));
                    }
                }
                let mut extra = map.clone();
                extra.insert("unknown_extra".into(), Value::Bool(true));
                out.push((Value::Object(extra), Quirk::Unknown));
            }
            Value::Array(items) => {
                if let Some(first) = items.first() {
                    for replacement in &replacements {
                        let mut changed = items.clone();
                        changed[0] = replacement.clone();
                        let quirk = match quirk(first, replacement) {
                            // `null` is no `Option` in an array.
                            Quirk::Null => Quirk::None,
                            other => other,
                        };
                        out.push((Value::Array(changed), quirk));
                    }
                    let mut nested = Vec::new();
                    variants(first, &mut nested);
                    for (variant, quirk) in nested {
                        let mut changed = items.clone();
                        changed[0] = variant;
                        out.push((Value::Array(changed), quirk));
                    }
                }
            }
            _ => {}
        }
    }

    let value: Value = serde_json::from_str(example).expect("the example is JSON");
    let mut cases = vec![(value.clone(), Quirk::None)];
    variants(&value, &mut cases);
    assert!(
        serde_json::from_value::<T>(value).is_ok(),
        "serde rejects the example"
    );
    let name = T::SCHEMA.name;
    let mut drift = Vec::new();
    check_response(T::SCHEMA, example, Some("next"), &mut drift).expect("the example is read");
    assert_eq!(drift, [], "{name}: drift on the example");
    for (case, quirk) in cases {
        let text = case.to_string();
        let by_serde = serde_json::from_str::<T>(&text).is_ok();
        let by_schema = validate(T::SCHEMA, &text);
        // `validate` reads past unknown fields, even where serde denies them.
        let denied = quirk == Quirk::Unknown && !by_serde && by_schema.is_ok();
        let array = quirk == Quirk::ArrayForObject && by_serde && by_schema.is_err();
        // A value outside an enum: the model keeps it (`Other`), the strict oracle refuses it.
        let other_value =
            by_serde && matches!(&by_schema, Err(invalid) if super::kept_enum_value(invalid));
        if !(denied || array || other_value) {
            assert_eq!(
                by_serde,
                by_schema.is_ok(),
                "{name}: serde and the schema disagree on {text}: {by_schema:?}"
            );
        }
        let mut drift = Vec::new();
        match check_response(T::SCHEMA, &text, Some("next"), &mut drift) {
            Ok(()) => {}
            // Only a list page's envelope may fail, and serde refuses it too.
            Err(invalid) => {
                assert!(
                    T::SCHEMA.is_list()
                        && ["data", "has_more", "next"].contains(&invalid.path.as_str()),
                    "{name}: the reader refuses {text}: {invalid}"
                );
                assert!(!by_serde, "{name}: the reader refuses {text}: {invalid}");
                continue;
            }
        }
        let unknown_only = drift.iter().all(|d| d.kind == DriftKind::Unknown);
        // What the model keeps but the spec does not describe: unknown fields and enum values;
        // and a missing field, which an answer model fills with its absent value.
        let kept_only = drift.iter().all(|d| {
            matches!(d.kind, DriftKind::Unknown | DriftKind::Enum(..))
                || (d.kind == DriftKind::Missing && T::SCHEMA.tolerant)
        });
        if by_serde {
            assert!(
                kept_only || matches!(quirk, Quirk::Null | Quirk::ArrayForObject),
                "{name}: drift where serde reads {text}: {drift:?}"
            );
        } else {
            assert!(
                // serde's `deny_unknown_fields` (parameters) is drift of the kind `Unknown`.
                !unknown_only || matches!(quirk, Quirk::ArrayForObject | Quirk::Unknown),
                "{name}: no drift where serde refuses {text}"
            );
        }
    }
}

use crate::groups::roles::{GroupRoleCreateParams, GroupRoleCreateResponse, GroupSummary};
use crate::groups::users::{
    GroupUserCreateParams, GroupUserCreateResponse, GroupUserDeleteResponse, GroupUserList,
    GroupUserRetrieveResponse, OrganizationGroupUser,
};
use crate::groups::{
    Group, GroupCreateParams, GroupDeleteResponse, GroupList, GroupUpdateParams,
    GroupUpdateResponse,
};
use crate::params::ListParams;
use crate::projects::groups::{
    ProjectGroup, ProjectGroupCreateParams, ProjectGroupDeleteResponse, ProjectGroupList,
    ProjectGroupListParams, ProjectGroupRetrieveParams,
};
use crate::projects::users::{
    ProjectUser, ProjectUserCreateParams, ProjectUserDeleteResponse, ProjectUserList,
    ProjectUserListParams, ProjectUserUpdateParams,
};
use crate::projects::{
    Project, ProjectCreateParams, ProjectList, ProjectListParams, ProjectUpdateParams,
};
use crate::roles::{
    AssignedRoleDetails, AssignedRoleList, Role, RoleAssignmentDeleteResponse, RoleCreateParams,
    RoleDeleteResponse, RoleList, RoleUpdateParams,
};
use crate::users::roles::{UserRoleCreateParams, UserRoleCreateResponse};
use crate::users::{
    OrganizationUser, UserDeleteResponse, UserList, UserListParams, UserUpdateParams,
};

const GROUP: &str = r#"{"id":"g1","name":"Support","created_at":1711471533,"is_scim_managed":false,"group_type":"group"}"#;
const ROLE: &str = r#"{"object":"role","id":"r1","name":"API Group Manager","description":"d","permissions":["api.groups.read"],"resource_type":"api.organization","predefined_role":false}"#;
const ASSIGNED: &str = r#"{"id":"r1","name":"n","permissions":["p"],"resource_type":"api.organization","predefined_role":false,"description":"d","created_at":1,"updated_at":2,"created_by":"u","created_by_user_obj":{"id":"u"},"metadata":{},"assignment_sources":[{"principal_id":"g1","principal_type":"group"}]}"#;
const USER: &str = r#"{"object":"organization.user","id":"u1","name":"Ada","email":"ada@example.com","role":"owner","added_at":1711470000,"is_default":false,"created":1,"user":{"object":"user","id":"u1","email":"e","name":"n","picture":"p","enabled":true,"banned":false,"banned_at":3},"is_service_account":false,"is_scale_tier_authorized_purchaser":null,"is_scim_managed":false,"api_key_last_used_at":4,"technical_level":"t","developer_persona":"d","projects":{"object":"list","data":[{"id":"p1","name":"P","role":"owner"}]}}"#;

#[test]
fn groups() {
    check_agreement::<Group>(GROUP);
    check_agreement::<GroupList>(&format!(
        r#"{{"object":"list","data":[{GROUP}],"has_more":true,"next":"g1"}}"#
    ));
    check_agreement::<GroupUpdateResponse>(
        r#"{"id":"g1","name":"n","created_at":1,"is_scim_managed":true}"#,
    );
    check_agreement::<GroupDeleteResponse>(
        r#"{"object":"group.deleted","id":"g1","deleted":true}"#,
    );
    check_agreement::<GroupCreateParams>(r#"{"name":"n"}"#);
    check_agreement::<GroupUpdateParams>(r#"{"name":"n"}"#);
}

#[test]
fn group_users_and_roles() {
    let user = r#"{"id":"u1","name":"Ada","email":"ada@example.com"}"#;
    check_agreement::<OrganizationGroupUser>(user);
    check_agreement::<GroupUserList>(&format!(
        r#"{{"object":"list","data":[{user}],"has_more":false,"next":null}}"#
    ));
    check_agreement::<GroupUserCreateResponse>(
        r#"{"object":"group.user","user_id":"u1","group_id":"g1"}"#,
    );
    check_agreement::<GroupUserRetrieveResponse>(
        r#"{"id":"u1","name":"Ada","email":"a@x","picture":"p","is_service_account":false,"user_type":"user"}"#,
    );
    check_agreement::<GroupUserDeleteResponse>(r#"{"object":"group.user.deleted","deleted":true}"#);
    check_agreement::<GroupUserCreateParams>(r#"{"user_id":"u1"}"#);
    let summary = r#"{"object":"group","id":"g1","name":"n","created_at":1,"scim_managed":false}"#;
    check_agreement::<GroupSummary>(summary);
    check_agreement::<GroupRoleCreateResponse>(&format!(
        r#"{{"object":"group.role","group":{summary},"role":{ROLE}}}"#
    ));
    check_agreement::<GroupRoleCreateParams>(r#"{"role_id":"r1"}"#);
}

#[test]
fn roles() {
    check_agreement::<Role>(ROLE);
    check_agreement::<RoleList>(&format!(
        r#"{{"object":"list","data":[{ROLE}],"has_more":false,"next":null}}"#
    ));
    check_agreement::<RoleDeleteResponse>(r#"{"object":"role.deleted","id":"r1","deleted":true}"#);
    check_agreement::<RoleCreateParams>(
        r#"{"role_name":"n","permissions":["p"],"description":"d"}"#,
    );
    check_agreement::<RoleUpdateParams>(
        r#"{"role_name":"n","permissions":["p"],"description":"d"}"#,
    );
    check_agreement::<AssignedRoleDetails>(ASSIGNED);
    check_agreement::<AssignedRoleList>(&format!(
        r#"{{"object":"list","data":[{ASSIGNED}],"has_more":true,"next":"r1"}}"#
    ));
    check_agreement::<RoleAssignmentDeleteResponse>(
        r#"{"object":"user.role.deleted","deleted":true}"#,
    );
}

#[test]
fn users() {
    check_agreement::<OrganizationUser>(USER);
    check_agreement::<UserList>(&format!(
        r#"{{"object":"list","data":[{USER}],"first_id":"u1","last_id":"u1","has_more":false}}"#
    ));
    check_agreement::<UserDeleteResponse>(
        r#"{"object":"organization.user.deleted","id":"u1","deleted":true}"#,
    );
    check_agreement::<UserUpdateParams>(
        r#"{"role":"reader","role_id":"r","technical_level":"t","developer_persona":"d"}"#,
    );
    check_agreement::<UserRoleCreateResponse>(&format!(
        r#"{{"object":"user.role","user":{USER},"role":{ROLE}}}"#
    ));
    check_agreement::<UserRoleCreateParams>(r#"{"role_id":"r1"}"#);
}

const PROJECT: &str = r#"{"id":"proj_1","object":"organization.project","name":"P","created_at":1711471533,"archived_at":null,"status":"active","external_key_id":null,"residency":"GLOBAL"}"#;
const PROJECT_USER: &str = r#"{"object":"organization.project.user","id":"u1","name":"Ada","email":"ada@example.com","role":"owner","added_at":1711470000}"#;
const PROJECT_GROUP: &str = r#"{"object":"project.group","project_id":"proj_1","group_id":"g1","group_name":"Support","group_type":"group","created_at":1711471533}"#;

#[test]
fn projects() {
    check_agreement::<Project>(PROJECT);
    check_agreement::<ProjectList>(&format!(
        r#"{{"object":"list","data":[{PROJECT}],"first_id":"proj_1","last_id":"proj_1","has_more":false}}"#
    ));
    check_agreement::<ProjectCreateParams>(
        r#"{"name":"n","residency":"GLOBAL","external_key_id":null,"geography":null}"#,
    );
    check_agreement::<ProjectUpdateParams>(r#"{"name":"n","external_key_id":"k"}"#);
    check_agreement::<ProjectListParams>(r#"{"after":"a","limit":10,"include_archived":true}"#);
    check_agreement::<ProjectUser>(PROJECT_USER);
    check_agreement::<ProjectUserList>(&format!(
        r#"{{"object":"list","data":[{PROJECT_USER}],"first_id":"u1","last_id":"u1","has_more":false}}"#
    ));
    check_agreement::<ProjectUserDeleteResponse>(
        r#"{"object":"organization.project.user.deleted","id":"u1","deleted":true}"#,
    );
    check_agreement::<ProjectUserCreateParams>(r#"{"user_id":"u1","email":null,"role":"member"}"#);
    check_agreement::<ProjectUserUpdateParams>(r#"{"role":"owner"}"#);
    check_agreement::<ProjectUserListParams>(r#"{"after":"a","limit":10}"#);
    check_agreement::<ProjectGroup>(PROJECT_GROUP);
    check_agreement::<ProjectGroupList>(&format!(
        r#"{{"object":"list","data":[{PROJECT_GROUP}],"has_more":false,"next":null}}"#
    ));
    check_agreement::<ProjectGroupDeleteResponse>(
        r#"{"object":"project.group.deleted","deleted":true}"#,
    );
    check_agreement::<ProjectGroupCreateParams>(r#"{"group_id":"g1","role":"r1"}"#);
    check_agreement::<ProjectGroupRetrieveParams>(r#"{"group_type":"tenant_group"}"#);
    check_agreement::<ProjectGroupListParams>(r#"{"after":"a","limit":10,"order":"asc"}"#);
}

#[test]
fn every_field_has_its_doc_comment() {
    use super::{Model, ModelDocs};
    fn check<T: Model + ModelDocs>() {
        let schema = T::SCHEMA;
        assert_eq!(T::DOCS.len(), schema.fields.len(), "{}", schema.name);
        for (field, doc) in schema.fields.iter().zip(T::DOCS) {
            assert!(
                !doc.is_empty(),
                "{}.{} has no doc comment",
                schema.name,
                field.name
            );
        }
    }
    check::<GroupCreateParams>();
    check::<GroupUpdateParams>();
    check::<GroupUserCreateParams>();
    check::<GroupRoleCreateParams>();
    check::<RoleCreateParams>();
    check::<RoleUpdateParams>();
    check::<UserUpdateParams>();
    check::<UserListParams>();
    check::<ListParams>();
    check::<OrganizationUser>();
    check::<AssignedRoleDetails>();
    check::<Project>();
    check::<ProjectCreateParams>();
    check::<ProjectUpdateParams>();
    check::<ProjectListParams>();
    check::<ProjectUserCreateParams>();
    check::<ProjectUserUpdateParams>();
    check::<ProjectUserListParams>();
    check::<ProjectGroupCreateParams>();
    check::<ProjectGroupRetrieveParams>();
    check::<ProjectGroupListParams>();
    assert_eq!(
        <ListParams as ModelDocs>::DOCS[1],
        "How many items a page holds (0 to 1000)."
    );
}

#[test]
fn list_params() {
    check_agreement::<ListParams>(r#"{"after":"a","limit":10,"order":"desc"}"#);
    check_agreement::<UserListParams>(r#"{"after":"a","limit":10,"emails":["a@x"]}"#);
}

#[test]
fn numbers_compare_with_bounds_exactly_without_floats() {
    use super::model::cmp_bound;
    use std::cmp::Ordering::{Equal, Greater, Less};
    let cases = [
        ("1000", 1000, Equal),
        ("1000.0", 1000, Equal),
        ("1000.5", 1000, Greater),
        ("1e3", 1000, Equal),
        ("1.0001e3", 1000, Greater),
        ("10E2", 1000, Equal),
        ("0.5", 0, Greater),
        ("-0.5", 0, Less),
        ("-0", 0, Equal),
        ("-1", 0, Less),
        ("0e5", 0, Equal),
        ("5e-1", 0, Greater),
        ("1e400", 1000, Greater),
        ("-1e400", 0, Less),
        ("1e-400", 0, Greater),
        ("99999999999999999999999", 1000, Greater),
        ("-99999999999999999999999", 0, Less),
        ("999", 1000, Less),
        // A zero with an exponent as large as an i64 holds is zero, at once.
        ("0e9000000000000000000", 0, Equal),
        ("0.0e9000000000000000000", 1, Less),
        // The ends of i64, exactly.
        ("9223372036854775807", i64::MAX, Equal),
        ("9223372036854775807.5", i64::MAX, Greater),
        ("9223372036854775808", i64::MAX, Greater),
        ("-9223372036854775808", i64::MIN, Equal),
        ("-9223372036854775808.5", i64::MIN, Less),
        ("-9223372036854775809", i64::MIN, Less),
        ("-9223372036854775807", i64::MIN, Greater),
        ("18446744073709551616", i64::MAX, Greater),
        ("-18446744073709551616", i64::MIN, Less),
        ("1.8446744073709551616e19", 0, Greater),
    ];
    for (raw, bound, expected) in cases {
        assert_eq!(cmp_bound(raw, bound), expected, "{raw} vs {bound}");
    }
}
