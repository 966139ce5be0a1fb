//! The models: the core's serde structs, re-exported. Every answer model keeps the fields the
//! spec does not name in `extra`, and every enum keeps a value it does not list in `Other`, so
//! that nothing the API sends is lost or refused.
//!
//! ```
//! use openai_admin::models::{Group, GroupType};
//!
//! let group: Group = serde_json::from_str(
//!     r#"{"id":"g","name":"Sales","created_at":1,"is_scim_managed":false,"group_type":"guild","color":"red"}"#,
//! )?;
//! assert_eq!(group.group_type, GroupType::Other("guild".into()));
//! assert_eq!(group.extra["color"], "red");
//! # Ok::<(), serde_json::Error>(())
//! ```

pub use openai_admin_wasm::groups::roles::{GroupRoleCreateResponse, GroupSummary};
pub use openai_admin_wasm::groups::users::{
    GroupUserCreateParams, GroupUserCreateResponse, GroupUserDeleteResponse, GroupUserList,
    GroupUserRetrieveResponse, GroupUserType, OrganizationGroupUser,
};
pub use openai_admin_wasm::groups::{
    Group, GroupCreateParams, GroupDeleteResponse, GroupList, GroupListParams, GroupType,
    GroupUpdateParams, GroupUpdateResponse,
};
pub use openai_admin_wasm::params::{ListParams, Order};
pub use openai_admin_wasm::roles::{
    AssignedRoleDetails, AssignedRoleList, AssignmentSource, Role, RoleAssignmentDeleteResponse,
    RoleAssignmentParams, RoleCreateParams, RoleDeleteResponse, RoleList, RoleUpdateParams,
};
/// How an answer differs from the spec's model (see `ClientBuilder::on_drift`).
pub use openai_admin_wasm::schema::{Drift, DriftKind};
pub use openai_admin_wasm::users::roles::UserRoleCreateResponse;
pub use openai_admin_wasm::users::{
    OrganizationUser, OrganizationUserDetails, OrganizationUserProject, OrganizationUserProjects,
    UserDeleteResponse, UserList, UserListParams, UserRole, UserUpdateParams,
};
