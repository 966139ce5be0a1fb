// One measured run of one case with one implementation, in a fresh Node process.
//
//   node bench/case.mjs <case> <impl> <url> [ids.json]
//
// case: list-groups | list-users | per-call | concurrency | cold
// impl: wasm (this package, pkg/dist/node.js) | official (openai@7.57.0) | floor (fetch + JSON.parse)
// url:  the mock's origin, e.g. http://127.0.0.1:8787 (the API is under /v1)
// ids.json: a JSON array of group ids for per-call and concurrency (fetched once by run.mjs)
// BENCH_PKG: the package directory to import (run.mjs passes a copy of pkg/), default ../pkg
//
// Prints one JSON line on stdout at the end: { case, impl, ms, cpuMs, count, maxRssKB, ... }
// (cpuMs: CPU time of this process during the timed part, less sensitive to other load than ms).
// `cold` first prints the line `first` as soon as the first page of `groups.list()` arrived; the
// parent measures from spawning this process to that line.

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { make as makeFloor } from './browser/floor.js';
import { script } from './browser/script.js';

const [kind, impl, origin, idsFile] = process.argv.slice(2);
const KEY = process.env.BENCH_ADMIN_KEY ?? 'sk-admin-demo';
const RETRIEVES = Number(process.env.BENCH_RETRIEVES ?? 5000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const baseURL = `${origin}/v1`;

/**
 * The same four operations over each implementation: every item of the groups list (pages of
 * 1,000), every item of the users list (pages of 100), one group by id, the first page of groups.
 */
async function load(name) {
  if (name === 'wasm' || name === 'official') {
    let client;
    if (name === 'wasm') {
      const dir = process.env.BENCH_PKG ? pathToFileURL(`${process.env.BENCH_PKG}/`) : new URL('../pkg/', import.meta.url);
      const { default: OpenAIAdmin } = await import(new URL('dist/node.js', dir).href);
      client = new OpenAIAdmin({ adminAPIKey: KEY, baseURL, maxRetries: 0 });
    } else {
      const { default: OpenAI } = await import('openai');
      client = new OpenAI({ adminAPIKey: KEY, apiKey: 'unused', baseURL, maxRetries: 0 });
    }
    const org = client.admin.organization;
    // The list loops are the ones the browser case runs.
    const { listGroups, listUsers } = script(org);
    return {
      listGroups,
      listUsers,
      retrieve: (id) => org.groups.retrieve(id),
      async firstPage() {
        const page = await org.groups.list();
        return page.data.length;
      },
    };
  }
  if (name === 'floor') {
    const headers = { Authorization: `Bearer ${KEY}` };
    const get = async (path) => {
      const res = await fetch(`${baseURL}${path}`, { headers });
      return JSON.parse(await res.text());
    };
    // The list loops are the ones the browser case runs.
    const { listGroups, listUsers } = makeFloor(baseURL, KEY);
    return {
      listGroups,
      listUsers,
      retrieve: (id) => get(`/organization/groups/${id}`),
      async firstPage() {
        return (await get('/organization/groups')).data.length;
      },
    };
  }
  throw new Error(`unknown impl ${name}`);
}

function checkGroup(g, id) {
  if (!g || g.id !== id) throw new Error(`retrieve(${id}) answered ${JSON.stringify(g)?.slice(0, 200)}`);
}

async function sequential(api, ids, n) {
  for (let i = 0; i < n; i++) {
    const id = ids[i % ids.length];
    checkGroup(await api.retrieve(id), id);
  }
}

async function concurrent(api, ids, n, inFlight) {
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const id = ids[i % ids.length];
      checkGroup(await api.retrieve(id), id);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

/** User + system CPU time of this process (all its threads), in ms. */
const cpuMs = ({ user, system }) => (user + system) / 1000;

async function main() {
  const t0 = performance.now();
  const api = await load(impl);
  const importMs = performance.now() - t0;
  const out = { case: kind, impl, importMs };

  if (kind === 'cold') {
    const count = await api.firstPage();
    process.stdout.write('first\n');
    out.count = count;
    // Node's own view: process start (timeOrigin) to the first page.
    out.ms = performance.now();
  } else if (kind === 'list-groups' || kind === 'list-users') {
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    out.count = kind === 'list-groups' ? await api.listGroups() : await api.listUsers();
    out.ms = performance.now() - start;
    out.cpuMs = cpuMs(process.cpuUsage(cpu0));
  } else if (kind === 'per-call' || kind === 'concurrency') {
    const ids = JSON.parse(readFileSync(idsFile, 'utf8'));
    const run = (n) => (kind === 'per-call' ? sequential(api, ids, n) : concurrent(api, ids, n, IN_FLIGHT));
    await run(WARMUP); // connections open and code warm; not timed
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    await run(RETRIEVES);
    out.ms = performance.now() - start;
    out.cpuMs = cpuMs(process.cpuUsage(cpu0));
    out.count = RETRIEVES;
  } else {
    throw new Error(`unknown case ${kind}`);
  }
  out.maxRssKB = process.resourceUsage().maxRSS;
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
