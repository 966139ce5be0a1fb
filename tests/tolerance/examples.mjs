// The example answer of each of the 26 operations, exactly as the spec shows it (x-oaiMeta
// examples.response of /work/shared/openapi/openai-admin-subset.yaml, version 2.3.0), keyed by the
// operation's name under client.admin.organization. Several leave out fields the schemas require
// (group_type, assignment_sources, the users' optional fields): that is the point of serving them.
export const EXAMPLES = {
  "groups.list": {
    "object": "list",
    "data": [
      {
        "object": "group",
        "id": "group_01J1F8ABCDXYZ",
        "name": "Support Team",
        "created_at": 1711471533,
        "is_scim_managed": false
      }
    ],
    "has_more": false,
    "next": null
  },
  "groups.create": {
    "object": "group",
    "id": "group_01J1F8ABCDXYZ",
    "name": "Support Team",
    "created_at": 1711471533,
    "is_scim_managed": false
  },
  "groups.retrieve": {
    "id": "group_01J1F8ABCDXYZ",
    "name": "Support Team",
    "created_at": 1711471533,
    "is_scim_managed": false,
    "group_type": "group"
  },
  "groups.update": {
    "id": "group_01J1F8ABCDXYZ",
    "name": "Escalations",
    "created_at": 1711471533,
    "is_scim_managed": false
  },
  "groups.delete": {
    "object": "group.deleted",
    "id": "group_01J1F8ABCDXYZ",
    "deleted": true
  },
  "groups.roles.list": {
    "object": "list",
    "data": [
      {
        "id": "role_01J1F8ROLE01",
        "name": "API Group Manager",
        "permissions": [
          "api.groups.read",
          "api.groups.write"
        ],
        "resource_type": "api.organization",
        "predefined_role": false,
        "description": "Allows managing organization groups",
        "created_at": 1711471533,
        "updated_at": 1711472599,
        "created_by": "user_abc123",
        "created_by_user_obj": {
          "id": "user_abc123",
          "name": "Ada Lovelace",
          "email": "ada@example.com"
        },
        "metadata": {}
      }
    ],
    "has_more": false,
    "next": null
  },
  "groups.roles.create": {
    "object": "group.role",
    "group": {
      "object": "group",
      "id": "group_01J1F8ABCDXYZ",
      "name": "Support Team",
      "created_at": 1711471533,
      "scim_managed": false
    },
    "role": {
      "object": "role",
      "id": "role_01J1F8ROLE01",
      "name": "API Group Manager",
      "description": "Allows managing organization groups",
      "permissions": [
        "api.groups.read",
        "api.groups.write"
      ],
      "resource_type": "api.organization",
      "predefined_role": false
    }
  },
  "groups.roles.retrieve": {
    "id": "role_01J1F8ROLE01",
    "name": "API Group Manager",
    "permissions": [
      "api.groups.read",
      "api.groups.write"
    ],
    "resource_type": "api.organization",
    "predefined_role": false,
    "description": "Allows managing organization groups",
    "created_at": 1711471533,
    "updated_at": 1711472599,
    "created_by": "user_abc123",
    "created_by_user_obj": null,
    "metadata": {},
    "assignment_sources": null
  },
  "groups.roles.delete": {
    "object": "group.role.deleted",
    "deleted": true
  },
  "groups.users.list": {
    "object": "list",
    "data": [
      {
        "id": "user_abc123",
        "name": "Ada Lovelace",
        "email": "ada@example.com"
      }
    ],
    "has_more": false,
    "next": null
  },
  "groups.users.create": {
    "object": "group.user",
    "user_id": "user_abc123",
    "group_id": "group_01J1F8ABCDXYZ"
  },
  "groups.users.retrieve": {
    "id": "user_abc123",
    "name": "Ada Lovelace",
    "email": "ada@example.com",
    "picture": null,
    "is_service_account": false,
    "user_type": "user"
  },
  "groups.users.delete": {
    "object": "group.user.deleted",
    "deleted": true
  },
  "roles.list": {
    "object": "list",
    "data": [
      {
        "object": "role",
        "id": "role_01J1F8ROLE01",
        "name": "API Group Manager",
        "description": "Allows managing organization groups",
        "permissions": [
          "api.groups.read",
          "api.groups.write"
        ],
        "resource_type": "api.organization",
        "predefined_role": false
      }
    ],
    "has_more": false,
    "next": null
  },
  "roles.create": {
    "object": "role",
    "id": "role_01J1F8ROLE01",
    "name": "API Group Manager",
    "description": "Allows managing organization groups",
    "permissions": [
      "api.groups.read",
      "api.groups.write"
    ],
    "resource_type": "api.organization",
    "predefined_role": false
  },
  "roles.retrieve": {
    "object": "role",
    "id": "role_01J1F8ROLE01",
    "name": "API Group Manager",
    "description": "Allows managing organization groups",
    "permissions": [
      "api.groups.read",
      "api.groups.write"
    ],
    "resource_type": "api.organization",
    "predefined_role": false
  },
  "roles.update": {
    "object": "role",
    "id": "role_01J1F8ROLE01",
    "name": "API Group Manager",
    "description": "Allows managing organization groups",
    "permissions": [
      "api.groups.read",
      "api.groups.write"
    ],
    "resource_type": "api.organization",
    "predefined_role": false
  },
  "roles.delete": {
    "object": "role.deleted",
    "id": "role_01J1F8ROLE01",
    "deleted": true
  },
  "users.list": {
    "object": "list",
    "data": [
      {
        "object": "organization.user",
        "id": "user_abc",
        "name": "First Last",
        "email": "user@example.com",
        "role": "owner",
        "added_at": 1711471533
      }
    ],
    "first_id": "user-abc",
    "last_id": "user-xyz",
    "has_more": false
  },
  "users.retrieve": {
    "object": "organization.user",
    "id": "user_abc",
    "name": "First Last",
    "email": "user@example.com",
    "role": "owner",
    "added_at": 1711471533
  },
  "users.update": {
    "object": "organization.user",
    "id": "user_abc",
    "name": "First Last",
    "email": "user@example.com",
    "role": "owner",
    "added_at": 1711471533
  },
  "users.delete": {
    "object": "organization.user.deleted",
    "id": "user_abc",
    "deleted": true
  },
  "users.roles.list": {
    "object": "list",
    "data": [
      {
        "id": "role_01J1F8ROLE01",
        "name": "API Group Manager",
        "permissions": [
          "api.groups.read",
          "api.groups.write"
        ],
        "resource_type": "api.organization",
        "predefined_role": false,
        "description": "Allows managing organization groups",
        "created_at": 1711471533,
        "updated_at": 1711472599,
        "created_by": "user_abc123",
        "created_by_user_obj": {
          "id": "user_abc123",
          "name": "Ada Lovelace",
          "email": "ada@example.com"
        },
        "metadata": {}
      }
    ],
    "has_more": false,
    "next": null
  },
  "users.roles.create": {
    "object": "user.role",
    "user": {
      "object": "organization.user",
      "id": "user_abc123",
      "name": "Ada Lovelace",
      "email": "ada@example.com",
      "role": "owner",
      "added_at": 1711470000
    },
    "role": {
      "object": "role",
      "id": "role_01J1F8ROLE01",
      "name": "API Group Manager",
      "description": "Allows managing organization groups",
      "permissions": [
        "api.groups.read",
        "api.groups.write"
      ],
      "resource_type": "api.organization",
      "predefined_role": false
    }
  },
  "users.roles.retrieve": {
    "id": "role_01J1F8ROLE01",
    "name": "API Group Manager",
    "permissions": [
      "api.groups.read",
      "api.groups.write"
    ],
    "resource_type": "api.organization",
    "predefined_role": false,
    "description": "Allows managing organization groups",
    "created_at": 1711471533,
    "updated_at": 1711472599,
    "created_by": "user_abc123",
    "created_by_user_obj": null,
    "metadata": {},
    "assignment_sources": null
  },
  "users.roles.delete": {
    "object": "user.role.deleted",
    "deleted": true
  }
};
