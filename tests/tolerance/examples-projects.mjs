// The example answer of each of the 27 project operations, exactly as the spec shows it (x-oaiMeta
// examples.response of /work/shared/openapi/openai-admin-projects-subset.yaml, version 2.3.0; for
// projects.update, which shows none, the Project schema's own example), keyed by the operation's
// name under client.admin.organization. Several leave out fields the schemas require (group_type
// of project groups, assignment_sources, the project user's name).
export const PROJECT_EXAMPLES = {
  "projects.list": {
    "object": "list",
    "data": [
      {
        "id": "proj_abc",
        "object": "organization.project",
        "name": "Project example",
        "created_at": 1711471533,
        "archived_at": null,
        "status": "active"
      }
    ],
    "first_id": "proj-abc",
    "last_id": "proj-xyz",
    "has_more": false
  },
  "projects.create": {
    "id": "proj_abc",
    "object": "organization.project",
    "name": "Project ABC",
    "created_at": 1711471533,
    "archived_at": null,
    "status": "active"
  },
  "projects.retrieve": {
    "id": "proj_abc",
    "object": "organization.project",
    "name": "Project example",
    "created_at": 1711471533,
    "archived_at": null,
    "status": "active"
  },
  "projects.update": {
    "id": "proj_abc",
    "object": "organization.project",
    "name": "Project example",
    "created_at": 1711471533,
    "archived_at": null,
    "status": "active",
    "external_key_id": null
  },
  "projects.archive": {
    "id": "proj_abc",
    "object": "organization.project",
    "name": "Project DEF",
    "created_at": 1711471533,
    "archived_at": 1711471533,
    "status": "archived"
  },
  "projects.users.list": {
    "object": "list",
    "data": [
      {
        "object": "organization.project.user",
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
  "projects.users.create": {
    "object": "organization.project.user",
    "id": "user_abc",
    "email": "user@example.com",
    "role": "owner",
    "added_at": 1711471533
  },
  "projects.users.retrieve": {
    "object": "organization.project.user",
    "id": "user_abc",
    "name": "First Last",
    "email": "user@example.com",
    "role": "owner",
    "added_at": 1711471533
  },
  "projects.users.update": {
    "object": "organization.project.user",
    "id": "user_abc",
    "name": "First Last",
    "email": "user@example.com",
    "role": "owner",
    "added_at": 1711471533
  },
  "projects.users.delete": {
    "object": "organization.project.user.deleted",
    "id": "user_abc",
    "deleted": true
  },
  "projects.users.roles.list": {
    "object": "list",
    "data": [
      {
        "id": "role_01J1F8PROJ",
        "name": "API Project Key Manager",
        "permissions": [
          "api.organization.projects.api_keys.read",
          "api.organization.projects.api_keys.write"
        ],
        "resource_type": "api.project",
        "predefined_role": false,
        "description": "Allows managing API keys for the project",
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
  "projects.users.roles.create": {
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
      "id": "role_01J1F8PROJ",
      "name": "API Project Key Manager",
      "description": "Allows managing API keys for the project",
      "permissions": [
        "api.organization.projects.api_keys.read",
        "api.organization.projects.api_keys.write"
      ],
      "resource_type": "api.project",
      "predefined_role": false
    }
  },
  "projects.users.roles.retrieve": {
    "id": "role_01J1F8PROJ",
    "name": "API Project Key Manager",
    "permissions": [
      "api.organization.projects.api_keys.read",
      "api.organization.projects.api_keys.write"
    ],
    "resource_type": "api.project",
    "predefined_role": false,
    "description": "Allows managing API keys for the project",
    "created_at": 1711471533,
    "updated_at": 1711472599,
    "created_by": "user_abc123",
    "created_by_user_obj": null,
    "metadata": {},
    "assignment_sources": null
  },
  "projects.users.roles.delete": {
    "object": "user.role.deleted",
    "deleted": true
  },
  "projects.groups.list": {
    "object": "list",
    "data": [
      {
        "object": "project.group",
        "project_id": "proj_abc123",
        "group_id": "group_01J1F8ABCDXYZ",
        "group_name": "Support Team",
        "created_at": 1711471533
      }
    ],
    "has_more": false,
    "next": null
  },
  "projects.groups.create": {
    "object": "project.group",
    "project_id": "proj_abc123",
    "group_id": "group_01J1F8ABCDXYZ",
    "group_name": "Support Team",
    "created_at": 1711471533
  },
  "projects.groups.retrieve": {
    "object": "project.group",
    "project_id": "proj_abc123",
    "group_id": "group_01J1F8ABCDXYZ",
    "group_name": "Support Team",
    "group_type": "group",
    "created_at": 1711471533
  },
  "projects.groups.delete": {
    "object": "project.group.deleted",
    "deleted": true
  },
  "projects.groups.roles.list": {
    "object": "list",
    "data": [
      {
        "id": "role_01J1F8PROJ",
        "name": "API Project Key Manager",
        "permissions": [
          "api.organization.projects.api_keys.read",
          "api.organization.projects.api_keys.write"
        ],
        "resource_type": "api.project",
        "predefined_role": false,
        "description": "Allows managing API keys for the project",
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
  "projects.groups.roles.create": {
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
      "id": "role_01J1F8PROJ",
      "name": "API Project Key Manager",
      "description": "Allows managing API keys for the project",
      "permissions": [
        "api.organization.projects.api_keys.read",
        "api.organization.projects.api_keys.write"
      ],
      "resource_type": "api.project",
      "predefined_role": false
    }
  },
  "projects.groups.roles.retrieve": {
    "id": "role_01J1F8PROJ",
    "name": "API Project Key Manager",
    "permissions": [
      "api.organization.projects.api_keys.read",
      "api.organization.projects.api_keys.write"
    ],
    "resource_type": "api.project",
    "predefined_role": false,
    "description": "Allows managing API keys for the project",
    "created_at": 1711471533,
    "updated_at": 1711472599,
    "created_by": "user_abc123",
    "created_by_user_obj": null,
    "metadata": {},
    "assignment_sources": null
  },
  "projects.groups.roles.delete": {
    "object": "group.role.deleted",
    "deleted": true
  },
  "projects.roles.list": {
    "object": "list",
    "data": [
      {
        "object": "role",
        "id": "role_01J1F8PROJ",
        "name": "API Project Key Manager",
        "description": "Allows managing API keys for the project",
        "permissions": [
          "api.organization.projects.api_keys.read",
          "api.organization.projects.api_keys.write"
        ],
        "resource_type": "api.project",
        "predefined_role": false
      }
    ],
    "has_more": false,
    "next": null
  },
  "projects.roles.create": {
    "object": "role",
    "id": "role_01J1F8PROJ",
    "name": "API Project Key Manager",
    "description": "Allows managing API keys for the project",
    "permissions": [
      "api.organization.projects.api_keys.read",
      "api.organization.projects.api_keys.write"
    ],
    "resource_type": "api.project",
    "predefined_role": false
  },
  "projects.roles.retrieve": {
    "object": "role",
    "id": "role_01J1F8PROJ",
    "name": "API Project Key Manager",
    "description": "Allows managing API keys for the project",
    "permissions": [
      "api.organization.projects.api_keys.read",
      "api.organization.projects.api_keys.write"
    ],
    "resource_type": "api.project",
    "predefined_role": false
  },
  "projects.roles.update": {
    "object": "role",
    "id": "role_01J1F8PROJ",
    "name": "API Project Key Manager",
    "description": "Allows managing API keys for the project",
    "permissions": [
      "api.organization.projects.api_keys.read",
      "api.organization.projects.api_keys.write"
    ],
    "resource_type": "api.project",
    "predefined_role": false
  },
  "projects.roles.delete": {
    "object": "role.deleted",
    "id": "role_01J1F8PROJ",
    "deleted": true
  }
};
