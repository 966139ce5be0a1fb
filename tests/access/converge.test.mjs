// Applying under pressure: a rate limit, injected 5xx and connection resets, and a SIGKILL in the
// middle of an apply. The organization converges on re-run, with no duplicate group, and the
// rate is never exceeded. Through the command line and through the library.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { startMock } from '../support/mock.mjs';
import { OpenAIAdmin } from '../../pkg/dist/node.js';
import { applyPlan, loadOrganization } from '../../pkg/dist/access/node.js';
import { access, file, parse, snapshot, stringify } from './harness.mjs';

const mocks = [];
after(() => Promise.all(mocks.map((m) => m.stop())));
async function start(args) {
  const m = await startMock({ seed: 'demo', args });
  mocks.push(m);
  return m;
}

/** The demo organization with three new groups of ten members each, and Engineering emptied. */
async function bigChange(mock) {
  const doc = parse((await access(mock, ['dump'])).stdout);
  const emails = Object.keys(doc.users).filter((e) => e.includes('@')).sort();
  for (const [i, name] of ['North', 'South', 'East'].entries()) {
    doc.groups[`Team ${name}`] = { members: emails.slice(i * 10, i * 10 + 10), roles: ['User Auditor'] };
  }
  doc.groups.Engineering.members = [];
  return stringify(doc);
}

test('under --rate-limit 20 with concurrency 8: no failed operation, never over 20 a second', async () => {
  const mock = await start(['--rate-limit', '20']);
  const f = file(await bigChange(mock));
  await mock.call('DELETE', '/__mock/stats');
  const applied = await access(mock, ['apply', '-f', f, '--yes', '--concurrency', '8', '--max-rps', '20']);
  assert.equal(applied.code, 0, applied.stderr);
  assert.match(applied.stderr, / 0 failed, 0 skipped/);
  const stats = await mock.call('GET', '/__mock/stats');
  assert.ok(stats.max_requests_in_one_second <= 20, JSON.stringify(stats));
  assert.equal(stats.rate_limited, 0, JSON.stringify(stats));
  const again = await access(mock, ['plan', '-f', f, '--exit-code']);
  assert.equal(again.code, 0, again.stdout);
});

test('with 5xx and connection resets injected: converges on re-run, with no duplicate group', async () => {
  const mock = await start([]);
  const f = file(await bigChange(mock));
  await mock.faults([
    { method: 'POST', path: '/v1/organization/groups', count: 2, drop_mid_body: true },
    { method: 'POST', path: '/v1/organization/groups/', count: 6, status: 502, retry_after_ms: '5' },
    { method: 'POST', path: '/v1/organization/groups/', count: 3, drop: true },
    { method: 'DELETE', path: '/v1/organization/groups/', count: 3, status: 500, retry_after_ms: '5' },
    { method: 'GET', path: '/v1/organization/users/', count: 4, drop: true },
  ]);
  let last;
  for (let run = 0; run < 4; run++) {
    last = await access(mock, ['apply', '-f', f, '--yes', '--max-retries', '1']);
    const plan = await access(mock, ['plan', '-f', f, '--exit-code']);
    if (plan.code === 0) break;
  }
  const plan = await access(mock, ['plan', '-f', f, '--exit-code']);
  assert.equal(plan.code, 0, `${last.stderr}\n${plan.stdout}`);
  const state = await snapshot(mock);
  for (const name of ['Team North', 'Team South', 'Team East']) assert.equal(state.groups[name].length, 1, `one ${name}`);
  assert.deepEqual(state.groups.Engineering[0].members, []);
});

test('killed (SIGKILL) in the middle of an apply, then run again: converges', async () => {
  const mock = await start(['--latency-ms', '40']);
  const f = file(await bigChange(mock));
  const killed = await access(mock, ['apply', '-f', f, '--yes', '--concurrency', '2'], {
    onStderr: (text, child) => {
      if ((text.match(/\] done: /g) ?? []).length >= 8 && child.exitCode === null) child.kill('SIGKILL');
    },
  });
  assert.equal(killed.signal, 'SIGKILL');
  const partial = await access(mock, ['plan', '-f', f, '--format', 'json']);
  const rest = JSON.parse(partial.stdout).operations.length;
  assert.ok(rest > 0, 'something was left to do');
  const rerun = await access(mock, ['apply', '-f', f, '--yes']);
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.match(rerun.stderr, new RegExp(`${rest} done, 0 failed`));
  const again = await access(mock, ['plan', '-f', f, '--exit-code']);
  assert.equal(again.code, 0, again.stdout);
  const state = await snapshot(mock);
  for (const name of ['Team North', 'Team South', 'Team East']) assert.equal(state.groups[name].length, 1);
});

test('library: load, plan, applyPlan, re-plan gives exactly the rest, then nothing', async () => {
  const mock = await start(['--assignment-sources', 'null']);
  const client = new OpenAIAdmin({ adminAPIKey: 'sk-admin-demo', baseURL: mock.api, maxRetries: 0 });
  const text = await bigChange(mock);
  const org = await loadOrganization(client);
  assert.deepEqual(org.plan(org.dump()).operations, [], 'the plan of the dump is empty');
  const plan = org.plan(text);
  assert.ok(plan.operations.length > 30);
  // Fail every member add to Team East: those operations fail, the rest are done.
  await mock.faults([{ method: 'POST', path: '/v1/organization/groups/', count: 1000, status: 400 }]);
  const first = await applyPlan(client, plan, { concurrency: 4 });
  assert.ok(first.some((o) => o.status === 'failed'));
  await mock.clearFaults();
  const done = first.filter((o) => o.status === 'done').length;
  const reloaded = await loadOrganization(client);
  const rest = reloaded.plan(text);
  assert.equal(rest.operations.length, plan.operations.length - done, 'exactly the rest');
  const second = await applyPlan(client, rest);
  assert.ok(second.every((o) => o.status === 'done'));
  // The model in memory follows the outcomes (created ids included) without reading again.
  reloaded.applyOutcomes(rest, second);
  assert.deepEqual(reloaded.plan(text).operations, []);
  const final = await loadOrganization(client);
  assert.deepEqual(final.plan(text).operations, []);
  for (const o of [org, reloaded, final]) o.free();
});
