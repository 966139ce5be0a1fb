// Bad input to the 27 project access operations, in the terms of input.mjs (refused, SENT,
// FAILS): the same expectations, the ids under test in every position the official SDK takes
// them (the last path id as the argument, the others in the params object).

/** The project operations' calls, built from input.mjs's helpers. */
export function projectBadInput({ refused, SENT, FAILS, badId, badIdWith, listQuery, after }) {
  const P = 'proj_x';
  const U = 'user_x';
  const G = 'group_x';
  const R = 'role_x';

  /** A list query without a schema bound on `limit` (the server judges any number). */
  const unboundedList = [
    ['limit negative (the server judges)', [{ limit: -1 }], SENT],
    ['limit 10,000 (the server judges)', [{ limit: 10_000 }], SENT],
    ['limit a fraction', [{ limit: 1.5 }], refused('limit')],
    ['limit a string', [{ limit: '5' }], refused('limit')],
    ['after a number', [{ after: 5 }], refused('after')],
    ['unknown query key', [{ colour: 'red' }], SENT],
    ['query a string', ['limit=5'], refused('params')],
    ['official request options', [{}, { idempotencyKey: 'k-1', headers: { 'X-Extra': '1' } }], SENT],
    ['timeout a string', [{}, { timeout: 'soon' }], FAILS],
    ['signal not an AbortSignal', [{}, { signal: 'stop' }], FAILS],
  ];

  /** `scope`'s ids (e.g. `{ project_id, user_id }`): each missing, empty, a number or `..`. */
  const scopeIds = (scope) =>
    Object.keys(scope).flatMap((key) => {
      const without = { ...scope };
      delete without[key];
      return [
        [`${key} missing`, [without], refused(key)],
        [`${key} empty`, [{ ...scope, [key]: '' }], refused(key)],
        [`${key} a number`, [{ ...scope, [key]: 7 }], refused(key)],
        [`${key} ".."`, [{ ...scope, [key]: '..' }], refused(key)],
      ];
    });
  /**
   * An operation on `idName` scoped by `scope`: the id under test, then each scope id. With body
   * fields (`extra`, a write), the object is named `body` when it is not one, else `params`.
   */
  const scoped = (idName, scope, extra = {}, object = Object.keys(extra).length ? 'body' : 'params') => [
    ...badIdWith(idName, { ...scope, ...extra }),
    [`params missing`, ['id_ok'], refused(Object.keys(scope)[0])],
    [`params a string`, ['id_ok', 'x'], refused(object)],
    ...after(['id_ok'], scopeIds(scope).map(([w, [params], e]) => [w, [{ ...params, ...extra }], e])),
    [`unknown key beside the scope`, ['id_ok', { ...scope, ...extra, colour: 'red' }], SENT],
  ];
  /** A list of `id`'s items scoped by `scope`, with listQuery's cases merged into the scope's params. */
  const scopedList = (idName, scope, max, id) => [
    ...badIdWith(idName, scope),
    ...after(['id_ok'], scopeIds(scope)),
    ...after(
      [id],
      listQuery(max)
        .filter(([, [query]]) => query !== null && typeof query === 'object')
        .map(([w, [query, ...rest], e]) => [w, [{ ...scope, ...query }, ...rest], e]),
    ),
  ];
  const roleBody = [
    ['role_name missing', [{ permissions: [] }], refused('role_name')],
    ['role_name empty (the server judges)', [{ role_name: '', permissions: [] }], SENT],
    ['permissions missing', [{ role_name: 'r' }], refused('permissions')],
    ['permissions a string', [{ role_name: 'r', permissions: 'api.read' }], refused('permissions')],
    ['description a number', [{ role_name: 'r', permissions: [], description: 5 }], refused('description')],
    ['description null', [{ role_name: 'r', permissions: [], description: null }], SENT],
  ];

  return {
    'projects.list': [
      ...unboundedList,
      ['include_archived a string', [{ include_archived: 'yes' }], refused('include_archived')],
      ['include_archived true', [{ include_archived: true }], SENT],
    ],
    'projects.create': [
      ['body missing', [], refused('name')],
      ['body a string', ['x'], refused('body')],
      ['name missing', [{}], refused('name')],
      ['name a number', [{ name: 5 }], refused('name')],
      ['name empty (the server judges)', [{ name: '' }], SENT],
      ['residency outside the enum (the server judges)', [{ name: 'p', residency: 'MOON_STORAGE' }], SENT],
      ['residency a number', [{ name: 'p', residency: 3 }], refused('residency')],
      ['external_key_id null', [{ name: 'p', external_key_id: null }], SENT],
      ['unknown key', [{ name: 'p', colour: 'red' }], SENT],
    ],
    'projects.retrieve': badId('project_id'),
    'projects.update': [
      ...badIdWith('project_id', { name: 'x' }),
      ['name a number', [P, { name: 5 }], refused('name')],
      ['name null', [P, { name: null }], SENT],
      ['body empty', [P, {}], SENT],
      ['unknown key', [P, { name: 'x', archived: true }], SENT],
    ],
    'projects.archive': badId('project_id'),
    'projects.users.list': [...badId('project_id'), ...after([P], unboundedList)],
    'projects.users.create': [
      ...badIdWith('project_id', { user_id: U, role: 'member' }),
      ['body missing', [P], refused('role')],
      ['role missing', [P, { user_id: U }], refused('role')],
      ['role a number', [P, { user_id: U, role: 1 }], refused('role')],
      ['role not owner/member (the server judges)', [P, { user_id: U, role: 'admin' }], SENT],
      ['user_id a number', [P, { user_id: 5, role: 'member' }], refused('user_id')],
      ['email instead of user_id', [P, { email: 'a@example.com', role: 'member' }], SENT],
      ['unknown key', [P, { user_id: U, role: 'member', colour: 'red' }], SENT],
    ],
    'projects.users.retrieve': scoped('user_id', { project_id: P }),
    'projects.users.update': [
      ...scoped('user_id', { project_id: P }, { role: 'owner' }),
      ['role a number', [U, { project_id: P, role: 1 }], refused('role')],
      ['role null', [U, { project_id: P, role: null }], SENT],
    ],
    'projects.users.delete': scoped('user_id', { project_id: P }),
    'projects.users.roles.list': scopedList('user_id', { project_id: P }, 1000, U),
    'projects.users.roles.create': [
      ...scoped('user_id', { project_id: P }, { role_id: R }),
      ['role_id missing', [U, { project_id: P }], refused('role_id')],
      ['role_id a number', [U, { project_id: P, role_id: 5 }], refused('role_id')],
    ],
    'projects.users.roles.retrieve': scoped('role_id', { project_id: P, user_id: U }),
    'projects.users.roles.delete': scoped('role_id', { project_id: P, user_id: U }),
    'projects.groups.list': [...badId('project_id'), ...after([P], listQuery(100))],
    'projects.groups.create': [
      ...badIdWith('project_id', { group_id: G, role: R }),
      ['body missing', [P], refused('group_id')],
      ['group_id missing', [P, { role: R }], refused('group_id')],
      ['role missing', [P, { group_id: G }], refused('role')],
      ['role a number', [P, { group_id: G, role: 5 }], refused('role')],
      ['unknown key', [P, { group_id: G, role: R, colour: 'red' }], SENT],
    ],
    'projects.groups.retrieve': [
      ...scoped('group_id', { project_id: P }),
      ['group_type outside the enum (the server judges)', [G, { project_id: P, group_type: 'team' }], SENT],
    ],
    'projects.groups.delete': scoped('group_id', { project_id: P }),
    'projects.groups.roles.list': scopedList('group_id', { project_id: P }, 1000, G),
    'projects.groups.roles.create': [
      ...scoped('group_id', { project_id: P }, { role_id: R }),
      ['role_id missing', [G, { project_id: P }], refused('role_id')],
    ],
    'projects.groups.roles.retrieve': scoped('role_id', { project_id: P, group_id: G }),
    'projects.groups.roles.delete': scoped('role_id', { project_id: P, group_id: G }),
    'projects.roles.list': [...badId('project_id'), ...after([P], listQuery(1000))],
    'projects.roles.create': [
      ...badIdWith('project_id', { role_name: 'r', permissions: [] }),
      ['body missing', [P], refused('role_name')],
      ...after([P], roleBody),
    ],
    'projects.roles.retrieve': scoped('role_id', { project_id: P }),
    'projects.roles.update': [
      ...scoped('role_id', { project_id: P }, { description: 'x' }),
      ['role_name a number', [R, { project_id: P, role_name: 5 }], refused('role_name')],
      ['permissions an object', [R, { project_id: P, permissions: { a: 1 } }], refused('permissions')],
      ['only the scope', [R, { project_id: P }], SENT],
    ],
    'projects.roles.delete': scoped('role_id', { project_id: P }),
  };
}
