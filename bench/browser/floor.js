// The floor in a browser: fetch + JSON.parse, no checks, the same calls as script.js. Its list
// loops are also the floor's in the Node list cases (bench/case.mjs).
export function make(baseURL, adminAPIKey) {
  const headers = { Authorization: `Bearer ${adminAPIKey}` };
  const get = async (path) => JSON.parse(await (await fetch(`${baseURL}${path}`, { headers })).text());
  const all = async (path, limit, cursor) => {
    let n = 0;
    let after = null;
    for (;;) {
      const body = await get(`${path}?limit=${limit}${after ? `&after=${after}` : ''}`);
      for (const item of body.data) if (item.id) n++;
      if (!body.has_more) return n;
      after = body[cursor];
    }
  };
  return {
    firstPage: async () => (await get('/organization/groups?limit=1')).data.length,
    listGroups: () => all('/organization/groups', 1000, 'next'),
    listUsers: () => all('/organization/users', 100, 'last_id'),
  };
}
