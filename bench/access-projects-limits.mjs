// Projects under the Admin API's kind of limits, time-scaled as in bench/access-limits.mjs (the
// mock's `--route-limit N/6` stands for "N a minute", the scheduler's caps scaled by 0.1). For the
// demo seed (7 projects) and the demo seed with 40 more (`--projects 40`), under 10/6:
// - the time to a usable console: the users, groups, roles and projects lists read (`listed()`),
//   as the console's page shows them;
// - the time to "who can use project X" from the start: `prioritize({ project: X })` while the rest
//   loads, X the project listed last (the one a load in order reaches last); its answer is checked
//   against the same question asked of an unlimited mock;
// - the whole load (members' own project roles not read: they are read only when asked) against
//   its limit-bound time, that of the busiest endpoint: (ceil(n / N) − 1) × 6 s;
// then the command line with one snapshot folder: the requests of a cold `access dump`, of a warm
// `access who PROJECT` (only that project's members' own roles are read), and of an
// `access plan` whose file names one project (its members).
//
//   node bench/access-projects-limits.mjs [--projects 40] [--limit 10/6]
//
// Needs pkg/ built (scripts/build-pkg.sh) and target/release/openai-admin-mock (else the debug one).
import { parseArgs } from 'node:util';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { copyPkg, KEY, startMock } from '../tests/support/mock.mjs';
import { counted } from './cli-counts.mjs';
import { access, file, parse, stringify } from '../tests/access/harness.mjs';

const WINDOW_S = 6;
const SCALE = WINDOW_S / 60;
const { values } = parseArgs({ options: { projects: { type: 'string', default: '40' }, limit: { type: 'string', default: '10/6' } } });
const perWindow = Number(values.limit.split('/')[0]);
const pkgDir = await copyPkg({ prefix: 'openai-admin-bench-projects-', need: ['dist/node.js', 'dist/access/node.js', 'wasm/openai_admin_access_bg.wasm'], waitSeconds: 600 });
const { OpenAIAdmin } = await import(path.join(pkgDir, 'dist', 'node.js'));
const { startLoadingOrganization, loadOrganization, Scheduler } = await import(path.join(pkgDir, 'dist', 'access', 'node.js'));

const seeds = [
  { name: 'demo', args: [] },
  { name: `demo + ${values.projects} projects`, args: ['--projects', values.projects] },
];

/** Who can use `project` and how: its holders with their sources, members, groups and roles. */
function holders(org, project) {
  const answer = org.holdersOfProject(project);
  if (!answer) throw new Error(`no answer for project ${project}`);
  const { holders, members, groups, roles } = answer;
  return JSON.stringify({ holders, members, groups, roles });
}

/** The last active project listed, and the answer an unlimited mock gives about it. */
async function expected(args) {
  const mock = await startMock({ args, builds: ['release', 'debug'] });
  try {
    const org = await loadOrganization(new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api }));
    const project = org.projects().at(-1).project;
    await org.prioritize({ project: project.id });
    const answer = holders(org, project.id);
    org.free();
    return { project, answer };
  } finally {
    await mock.stop();
  }
}

const rows = [];
for (const seed of seeds) {
  const { project, answer } = await expected(seed.args);
  const mock = await startMock({ args: [...seed.args, '--route-limit', values.limit], builds: ['release', 'debug'] });
  try {
    const scheduler = new Scheduler({ timeScale: SCALE });
    const t = performance.now();
    const loading = await startLoadingOrganization(new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api }), { scheduler });
    const org = loading.organization;
    let listedS;
    const listed = org.listed().then(() => (listedS = (performance.now() - t) / 1000));
    await listed;
    await org.prioritize({ project: project.id });
    const whoS = (performance.now() - t) / 1000;
    const same = holders(org, project.id) === answer;
    await loading.done;
    const loadS = (performance.now() - t) / 1000;
    const s = org.stats();
    const projects = org.projects().length;
    org.free();
    const stats = await mock.call('GET', '/__mock/stats');
    const busiest = Math.max(...Object.values(stats.endpoints).map((e) => e.ok));
    const boundS = (Math.ceil(busiest / perWindow) - 1) * WINDOW_S;
    const row = { seed: seed.name, users: s.users, groups: s.groups, projects, project: project.name, listedS, whoS, same, loadS, boundS, requests: stats.requests, rateLimited: stats.rate_limited };
    rows.push(row);
    console.log(
      `${seed.name} (${s.users} users, ${s.groups} groups, ${projects} projects) under ${values.limit}: lists read in ${listedS.toFixed(2)} s; ` +
        `who can use ${project.name}: ${whoS.toFixed(1)} s (${same ? 'the unlimited answer' : 'NOT the unlimited answer'}); ` +
        `whole load ${loadS.toFixed(1)} s against a limit-bound ${boundS} s; ${stats.rate_limited} 429s of ${stats.requests} requests`,
    );
  } finally {
    await mock.stop();
  }
}


const cliRows = [];
for (const seed of seeds) {
  const mock = await startMock({ args: [...seed.args, '--route-limit', values.limit], builds: ['release', 'debug'] });
  try {
    const env = { OPENAI_ADMIN_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'openai-admin-bench-cache-')), OPENAI_ADMIN_TIME_SCALE: String(SCALE) };
    const dump = await counted(mock, () => access(mock, ['dump'], { env }));
    const doc = parse(dump.result.stdout);
    const name = Object.keys(doc.projects).at(-1);
    const who = await counted(mock, () => access(mock, ['who', name], { env }));
    const members = Object.keys(doc.projects[name].members ?? {}).length;
    const plan = await counted(mock, () => access(mock, ['plan', '-f', file(stringify({ projects: { [name]: { members: doc.projects[name].members } } }))], { env }));
    cliRows.push({ seed: seed.name, name, members, dump, who, plan });
    console.log(`${seed.name}, the command line: cold dump ${dump.requests} requests in ${dump.tookS.toFixed(1)} s; warm who ${name} ${who.requests} (${members} members); plan of its members ${plan.requests} in ${plan.tookS.toFixed(1)} s`);
  } finally {
    await mock.stop();
  }
}

console.log(`\n| seed | under | lists read (usable console) | who can use the last project | whole load | limit-bound | 429s / requests |`);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.seed} (${r.projects} projects) | ${values.limit} | ${r.listedS.toFixed(2)} s | ${r.whoS.toFixed(1)} s${r.same ? '' : ' (wrong answer)'} | ${r.loadS.toFixed(1)} s | ${r.boundS} s | ${r.rateLimited} / ${r.requests} |`);
}
console.log('\n| seed | cold `access dump` | warm `access who PROJECT` | `access plan` naming one project |');
console.log('| --- | --- | --- | --- |');
for (const r of cliRows) {
  console.log(`| ${r.seed} | ${r.dump.requests} requests, ${r.dump.tookS.toFixed(1)} s | ${r.who.requests} requests (${r.members} members) | ${r.plan.requests} requests, ${r.plan.tookS.toFixed(1)} s |`);
}

const wrong = rows.filter((r) => !r.same);
const slow = rows.filter((r) => r.loadS > 1.5 * r.boundS + WINDOW_S);
if (wrong.length || slow.length) {
  console.error(`over budget: ${[...wrong.map((r) => `${r.seed}: a wrong answer under the limit`), ...slow.map((r) => `${r.seed}: ${r.loadS.toFixed(1)} s against ${r.boundS} s`)].join(', ')}`);
  process.exitCode = 1;
}
