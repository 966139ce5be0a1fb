// The Access section's progress per endpoint: the access module's words (`endpointLines`, the
// same the command line prints) over a load's `endpoints`, and the page's countdown of a wait
// between two reports (`endpointsAfter`).
import test from 'node:test';
import assert from 'node:assert/strict';
import { busyEndpoints, endpointLines } from '../../pkg/dist/access/node.js';
import { endpointsAfter } from '../../www/js/access-text.js';

const row = (label, fields) => ({ endpoint: `GET /${label}`, label, sent: 0, ok: 0, rateLimited: 0, perMinute: null, waitingMs: 0, waitReason: null, done: 0, total: null, etaMs: null, ...fields });
const users = row('users', { sent: 21, ok: 21, done: 1, total: 1 });
const roles = row("users' roles", { sent: 430, ok: 412, rateLimited: 18, perMinute: 9.6, done: 412, total: 2045, etaMs: (2 * 60 + 50) * 60_000 });
const members = row("groups' members", { sent: 90, ok: 80, rateLimited: 10, perMinute: 12, done: 80, total: 212, etaMs: 11 * 60_000 });
const groupRoles = row("groups' roles", { sent: 30, ok: 30, done: 30, total: 212 });
const unstarted = row('roles', { total: 1 });

test('a line per busy endpoint, the slowest first, with the rate learned and the time left', () => {
  assert.deepEqual(endpointLines([users, unstarted, members, groupRoles, roles]), [
    "users' roles 412/2,045 · 9.6/min learned · about 2 h 50 min left",
    "groups' members 80/212 · 12/min learned · about 11 min left",
    "groups' roles 30/212",
  ]);
  assert.deepEqual(busyEndpoints([users, unstarted]), [], 'a finished endpoint and one not started are not busy');
});

test('a waiting endpoint says why and the time left, the wait included, both counting down between reports', () => {
  // The time left the scheduler gives includes the wait: 2 h 50 min of reads after 38 s.
  const waiting = { ...roles, waitingMs: 38_000, waitReason: 'rate-limit', etaMs: roles.etaMs + 38_000 };
  const p = { endpoints: [users, waiting] };
  assert.deepEqual(endpointLines(endpointsAfter(p, 0)), ["users' roles 412/2,045 · waiting 38 s: the API asked us to slow down · about 2 h 51 min left"]);
  assert.deepEqual(endpointLines(endpointsAfter(p, 20_500)), ["users' roles 412/2,045 · waiting 18 s: the API asked us to slow down · about 2 h 51 min left"]);
  assert.deepEqual(endpointLines(endpointsAfter(p, 60_000)), ["users' roles 412/2,045 · 9.6/min learned · about 2 h 50 min left"], 'the wait over: the rate and the time left');
  assert.equal(endpointsAfter(p, 60_000)[1].etaMs, roles.etaMs, 'the time left less the wait, not less the time since');
  // Before the first 429 answered nothing of the rate, there is no time left to say.
  assert.deepEqual(endpointLines([{ ...waiting, etaMs: null }]), ["users' roles 412/2,045 · waiting 38 s: the API asked us to slow down"]);
  const capped = { ...roles, waitingMs: 300_000, waitReason: 'retry-after-capped', askedMs: 3_600_000, etaMs: null };
  assert.deepEqual(endpointLines([capped]), ["users' roles 412/2,045 · waiting 5 min: the API asked us to wait 1 h; we wait at most 5 min before trying again"]);
  assert.deepEqual(endpointsAfter(null, 0), [], 'no progress yet');
  assert.equal(endpointsAfter(p, 1000)[1].waitingMs, 37_000);
  assert.equal(endpointsAfter(p, 1000)[1].etaMs, waiting.etaMs - 1000);
  assert.equal(p.endpoints[1].waitingMs, 38_000, 'the reported progress is left as it was');
});
