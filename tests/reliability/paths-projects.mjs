// The project operations' path positions for paths.mjs: [op, run(org, id, real), path(id, real),
// kind], each id under test in one position, the others real seeded ids (`real.project`, a
// project's `real.member`, `real.projectGroup` and `real.projectRole`).

/** The routes, with `enc` (the RFC 3986 encoding the client must send). */
export function projectRoutes(enc) {
  const O = '/v1/organization/projects';
  const V = '/v1/projects';
  return [
    ['projects.retrieve', (o, id) => o.projects.retrieve(id), (id) => `${O}/${enc(id)}`, 'project'],
    ['projects.update', (o, id) => o.projects.update(id, { name: 'Renamed' }), (id) => `${O}/${enc(id)}`, 'project'],
    ['projects.archive', (o, id) => o.projects.archive(id), (id) => `${O}/${enc(id)}/archive`, 'project'],
    ['projects.users.list', (o, id) => o.projects.users.list(id), (id) => `${O}/${enc(id)}/users`, 'project'],
    ['projects.users.create', (o, id, r) => o.projects.users.create(id, { user_id: r.user, role: 'member' }), (id) => `${O}/${enc(id)}/users`, 'project'],
    ['projects.users.retrieve (project)', (o, id, r) => o.projects.users.retrieve(r.member, { project_id: id }), (id, r) => `${O}/${enc(id)}/users/${r.member}`, 'project'],
    ['projects.users.retrieve (user)', (o, id, r) => o.projects.users.retrieve(id, { project_id: r.project }), (id, r) => `${O}/${r.project}/users/${enc(id)}`],
    ['projects.users.update (user)', (o, id, r) => o.projects.users.update(id, { project_id: r.project, role: 'member' }), (id, r) => `${O}/${r.project}/users/${enc(id)}`],
    ['projects.users.delete (user)', (o, id, r) => o.projects.users.delete(id, { project_id: r.project }), (id, r) => `${O}/${r.project}/users/${enc(id)}`],
    ['projects.users.roles.list (user)', (o, id, r) => o.projects.users.roles.list(id, { project_id: r.project }), (id, r) => `${V}/${r.project}/users/${enc(id)}/roles`],
    ['projects.users.roles.create (project)', (o, id, r) => o.projects.users.roles.create(r.member, { project_id: id, role_id: r.projectRole }), (id, r) => `${V}/${enc(id)}/users/${r.member}/roles`, 'project'],
    ['projects.users.roles.retrieve (role)', (o, id, r) => o.projects.users.roles.retrieve(id, { project_id: r.project, user_id: r.member }), (id, r) => `${V}/${r.project}/users/${r.member}/roles/${enc(id)}`],
    ['projects.users.roles.delete (user)', (o, id, r) => o.projects.users.roles.delete(r.projectRole, { project_id: r.project, user_id: id }), (id, r) => `${V}/${r.project}/users/${enc(id)}/roles/${r.projectRole}`],
    ['projects.groups.list', (o, id) => o.projects.groups.list(id), (id) => `${O}/${enc(id)}/groups`, 'project'],
    ['projects.groups.create', (o, id, r) => o.projects.groups.create(id, { group_id: r.group, role: r.projectRole }), (id) => `${O}/${enc(id)}/groups`, 'project'],
    ['projects.groups.retrieve (group)', (o, id, r) => o.projects.groups.retrieve(id, { project_id: r.project }), (id, r) => `${O}/${r.project}/groups/${enc(id)}`],
    ['projects.groups.delete (group)', (o, id, r) => o.projects.groups.delete(id, { project_id: r.project }), (id, r) => `${O}/${r.project}/groups/${enc(id)}`],
    ['projects.groups.roles.list (group)', (o, id, r) => o.projects.groups.roles.list(id, { project_id: r.project }), (id, r) => `${V}/${r.project}/groups/${enc(id)}/roles`],
    ['projects.groups.roles.create (group)', (o, id, r) => o.projects.groups.roles.create(id, { project_id: r.project, role_id: r.projectRole }), (id, r) => `${V}/${r.project}/groups/${enc(id)}/roles`],
    ['projects.groups.roles.retrieve (project)', (o, id, r) => o.projects.groups.roles.retrieve(r.projectRole, { project_id: id, group_id: r.projectGroup }), (id, r) => `${V}/${enc(id)}/groups/${r.projectGroup}/roles/${r.projectRole}`, 'project'],
    ['projects.groups.roles.delete (role)', (o, id, r) => o.projects.groups.roles.delete(id, { project_id: r.project, group_id: r.projectGroup }), (id, r) => `${V}/${r.project}/groups/${r.projectGroup}/roles/${enc(id)}`],
    ['projects.roles.list', (o, id) => o.projects.roles.list(id), (id) => `${V}/${enc(id)}/roles`, 'project'],
    ['projects.roles.create', (o, id) => o.projects.roles.create(id, { role_name: 'r', permissions: [] }), (id) => `${V}/${enc(id)}/roles`, 'project'],
    ['projects.roles.retrieve (role)', (o, id, r) => o.projects.roles.retrieve(id, { project_id: r.project }), (id, r) => `${V}/${r.project}/roles/${enc(id)}`],
    ['projects.roles.update (role)', (o, id, r) => o.projects.roles.update(id, { project_id: r.project, description: 'x' }), (id, r) => `${V}/${r.project}/roles/${enc(id)}`],
    ['projects.roles.delete (role)', (o, id, r) => o.projects.roles.delete(id, { project_id: r.project }), (id, r) => `${V}/${r.project}/roles/${enc(id)}`],
  ];
}

/** Real seeded ids for the project routes: a project with a member, a group with access and a role. */
export async function projectIds(org) {
  for await (const p of org.projects.list()) {
    const member = (await org.projects.users.list(p.id, { limit: 1 })).data[0]?.id;
    const projectGroup = (await org.projects.groups.list(p.id, { limit: 1 })).data[0]?.group_id;
    const projectRole = (await org.projects.roles.list(p.id, { limit: 1 })).data[0]?.id;
    if (member && projectGroup && projectRole) return { project: p.id, member, projectGroup, projectRole };
  }
  throw new Error('no seeded project has a member, a group with access and a role');
}
