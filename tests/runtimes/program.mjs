// The program every runtime test runs, with this package or with the official SDK: Web APIs only
// (fetch, performance), so the same file runs in Node, Deno, Bun, workerd, the Edge Runtime, Jest,
// Vitest and a browser. It reports plain data, with no ids or times in the part that is compared,
// so that a runtime's report can be checked against the expected one and against the official
// SDK's in the same runtime.
//
//   const report = await runProgram({ client, NotFoundError, controls, label });
//
// `client`: an OpenAIAdmin or an official OpenAI client whose baseURL reaches the mock (directly
// or through the server handler). `controls`: the mock's origin and key, for arming the 503 and
// reading the request log (`{ origin, key }`), or null where the program cannot reach them.

/** What every runtime must report (the `expected` part of a report). */
export const EXPECTED = {
  list: { count: 12, first: 'Engineering', last: 'Operations', pages: 3 },
  create: { name: 'created', object: 'group', idLooksRight: true },
  retrieve: { sameId: true, name: 'created' },
  update: { sameId: true, name: 'renamed' },
  delete: { sameId: true, deleted: true, object: 'group.deleted' },
  notFound: { rejected: true, isNotFound: true, status: 404, hasRequestID: true, type: 'invalid_request_error' },
  retry: { name: 'renamed', attempts: ['status=503', null] },
};

/**
 * Runs list (`for await`), create, retrieve, update, delete, a retrieve of the deleted group
 * (a 404 that must be a NotFoundError), and a retrieve that succeeds after a 503. Resolves to
 * `{ label, results, firstAnswerMs, totalMs }`; a step that threw reports what it threw.
 */
export async function runProgram({ client, NotFoundError, controls, label, suffix = '' }) {
  const t0 = performance.now();
  let firstAnswerMs = null;
  const org = client.admin.organization;
  const results = {};
  const step = async (name, fn) => {
    try {
      results[name] = await fn();
    } catch (e) {
      results[name] = { threw: true, name: e?.name, message: String(e?.message ?? e), stack: String(e?.stack ?? '').split('\n').slice(0, 6).join('\n') };
    }
  };
  let id = null;

  await step('list', async () => {
    const names = [];
    for await (const g of org.groups.list({ limit: 5 })) {
      firstAnswerMs ??= performance.now() - t0;
      names.push(g.name);
    }
    const seeded = names.filter((n) => !n.startsWith('runtime '));
    return { count: seeded.length, first: seeded[0], last: seeded.at(-1), pages: Math.ceil(names.length / 5) };
  });
  await step('create', async () => {
    const g = await org.groups.create({ name: `runtime ${label}${suffix}` });
    id = g.id;
    return { name: g.name.replace(`runtime ${label}${suffix}`, 'created'), object: g.object, idLooksRight: /^group_\w+$/.test(g.id) };
  });
  await step('retrieve', async () => {
    const g = await org.groups.retrieve(id);
    return { sameId: g.id === id, name: g.name.replace(`runtime ${label}${suffix}`, 'created') };
  });
  await step('update', async () => {
    const g = await org.groups.update(id, { name: `renamed ${label}${suffix}` });
    return { sameId: g.id === id, name: g.name.replace(`renamed ${label}${suffix}`, 'renamed') };
  });
  // The retry needs a group that exists: the renamed one, before it is deleted.
  await step('retry', async () => {
    if (!controls) return { skipped: 'no mock controls' };
    const path = `/v1/organization/groups/${id}`;
    const control = (method, route, body) =>
      fetch(`${controls.origin}/__mock/${route}`, {
        method,
        headers: { Authorization: `Bearer ${controls.key}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (r) => {
        if (!r.ok) throw new Error(`mock control ${route}: ${r.status}`);
        return r.json();
      });
    await control('POST', 'faults', [{ method: 'GET', path, count: 1, status: 503, retry_after_ms: '10' }]);
    const g = await org.groups.retrieve(id);
    const log = await control('GET', 'requests');
    const attempts = log.data.filter((r) => r.method === 'GET' && r.path === path).slice(-2).map((r) => r.fault);
    return { name: g.name.replace(`renamed ${label}${suffix}`, 'renamed'), attempts };
  });
  await step('delete', async () => {
    const d = await org.groups.delete(id);
    return { sameId: d.id === id, deleted: d.deleted, object: d.object };
  });
  await step('notFound', async () => {
    try {
      await org.groups.retrieve(id);
      return { rejected: false };
    } catch (e) {
      return {
        rejected: true,
        // (Not `name`: the official SDK's errors keep Error's.)
        isNotFound: e instanceof NotFoundError,
        status: e?.status,
        hasRequestID: typeof e?.requestID === 'string' && e.requestID.length > 0,
        type: e?.type,
      };
    }
  });
  return { label, results, firstAnswerMs, totalMs: performance.now() - t0 };
}

/** Runs the program with this package's client class (`OpenAIAdmin`) or the official one (`OpenAI`). */
export function clientFor(impl, Client, { baseURL, key, fetch: customFetch, ...rest }) {
  const options = { adminAPIKey: key, baseURL, maxRetries: 2, ...rest };
  if (customFetch) options.fetch = customFetch;
  // The official constructor wants an `apiKey` even for admin calls (OPENAI_API_KEY is not set here).
  if (impl === 'official') options.apiKey = 'unused';
  return new Client(options);
}

/**
 * The program for `impl` ('wasm' | 'official') given the loaded module's namespace; `api` is the
 * base URL the client calls (the mock's `/v1`, or a server handler's).
 */
export async function runWith(impl, mod, { api, key, controls, label, suffix, options = {} }) {
  const Client = mod.default ?? mod.OpenAI;
  const NotFoundError = mod.NotFoundError ?? Client.NotFoundError;
  const client = clientFor(impl, Client, { baseURL: api, key, ...options });
  return runProgram({ client, NotFoundError, controls, label: `${label} ${impl}`, suffix });
}
