// The client's own cost per page, without a network: every item of 1,000 pages of 100 users,
// answered by a `fetch` option from memory, in this fresh process (so the engine compiles the
// package's hot path during the run, as in the list cases of run.mjs).
//
//   node bench/in-memory.mjs [wasm|floor]     # prints { impl, count, ms, cpuMs }
//   node --trace-opt bench/in-memory.mjs | grep -o 'took [0-9.]*, [0-9.]*' \
//     | awk -F', ' '{ s += $2 } END { print s " ms compiling optimized code" }'
//
// BENCH_PKG: the package directory to import, default ../pkg. The floor reads the same answers
// with JSON.parse and no checks. Used for the measurements behind ARCHITECTURE.md's "Decisions" (bench/results/).

import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const PAGES = 1000;
const PER_PAGE = 100;
const impl = process.argv[2] ?? 'wasm';

const idOf = (n) => `user-${String(n).padStart(8, '0')}`;
/** Each page's body, by the `after` cursor that asks for it ('' for the first). */
const pages = new Map();
for (let p = 0; p < PAGES; p++) {
  const data = Array.from({ length: PER_PAGE }, (_, i) => {
    const n = p * PER_PAGE + i;
    return { object: 'organization.user', id: idOf(n), name: `User ${n}`, email: `user${n}@example.com`, role: 'reader', added_at: 1711471533 + n };
  });
  const body = { object: 'list', data, first_id: data[0].id, last_id: data.at(-1).id, has_more: p < PAGES - 1 };
  pages.set(p === 0 ? '' : idOf(p * PER_PAGE - 1), JSON.stringify(body));
}
const answer = async (url) =>
  new Response(pages.get(new URL(url).searchParams.get('after') ?? ''), {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req_in_memory' },
  });

let listAll;
if (impl === 'floor') {
  listAll = async () => {
    let count = 0;
    let after = null;
    for (;;) {
      const response = await answer(`http://127.0.0.1/v1/organization/users?limit=100${after ? `&after=${after}` : ''}`);
      const body = JSON.parse(await response.text());
      for (const user of body.data) if (user.id) count++;
      if (!body.has_more) return count;
      after = body.last_id;
    }
  };
} else if (impl === 'wasm') {
  const dir = process.env.BENCH_PKG ? pathToFileURL(`${process.env.BENCH_PKG}/`) : new URL('../pkg/', import.meta.url);
  const { default: OpenAIAdmin } = await import(new URL('dist/node.js', dir).href);
  const client = new OpenAIAdmin({ adminAPIKey: 'sk-admin-in-memory', baseURL: 'http://127.0.0.1/v1', maxRetries: 0, fetch: answer });
  listAll = async () => {
    let count = 0;
    for await (const user of client.admin.organization.users.list({ limit: 100 })) if (user.id) count++;
    return count;
  };
} else {
  throw new Error(`unknown impl ${impl} (wasm or floor)`);
}

const start = performance.now();
const cpu0 = process.cpuUsage();
const count = await listAll();
const ms = performance.now() - start;
const { user, system } = process.cpuUsage(cpu0);
if (count !== PAGES * PER_PAGE) throw new Error(`read ${count} users, expected ${PAGES * PER_PAGE}`);
console.log(JSON.stringify({ impl, count, ms: Math.round(ms), cpuMs: Math.round((user + system) / 1000) }));
