// `openai-admin access apply` on a real terminal (tmux): the plan in colour, the question, a
// refusal that sends nothing, then `yes`, the progress bar, and the summary.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startMock, KEY } from '../support/mock.mjs';
import { Terminal, shell } from '../cli/harness.mjs';
import { CLI, file, writes } from './harness.mjs';

let mock;
before(async () => (mock = await startMock({ seed: 'demo' })));
after(() => mock.stop());

const yaml = 'groups:\n  Terminal Team:\n    members: [ada.lovelace@example.com, grace.hopper@example.com]\n';
const env = () => ({ PATH: process.env.PATH, TERM: 'xterm-256color', HOME: process.env.HOME ?? '/tmp', OPENAI_ADMIN_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'openai-admin-cache-')) });
const command = (f) => `OPENAI_ADMIN_KEY=${KEY} ${shell([process.execPath, CLI, 'access', 'apply', '-f', f, '--base-url', mock.api])}`;

test('asks on a terminal; anything but yes sends nothing', async () => {
  const t = new Terminal(env()).start(command(file(yaml)));
  try {
    const screen = await t.waitFor(/Only 'yes' will be accepted/);
    assert.match(screen, /\+ .*Terminal Team/);
    assert.match(t.tmux('capture-pane', '-p', '-e', '-t', 'main'), /\x1b\[32m/, 'additions in green');
    t.keys('no', 'Enter');
    const { code, screen: end } = await t.exit();
    assert.equal(code, 1);
    assert.match(end, /Apply cancelled/);
    assert.deepEqual(await writes(mock), []);
  } finally {
    t.stop();
  }
});

test('yes applies, with a progress bar, then the summary', async () => {
  await mock.reset();
  const t = new Terminal(env()).start(command(file(yaml)));
  try {
    await t.waitFor(/Only 'yes' will be accepted/);
    t.keys('yes', 'Enter');
    const { code, screen } = await t.exit(30_000);
    assert.equal(code, 0, screen);
    assert.match(screen, /\[#+\] 3\/3/);
    assert.match(screen, /Apply complete: 3 done, 0 failed, 0 skipped/);
    assert.equal((await writes(mock)).length, 3);
  } finally {
    t.stop();
  }
});
