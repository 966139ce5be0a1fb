// Node-side setup shared by the Node and the Chromium suites: a private copy of pkg/, the mock
// started with the canary key, and a port that refuses connections.
import { createServer } from 'node:net';
import { copyPkg as copySupportPkg, repoRoot, startMock as startSupportMock } from '../support/mock.mjs';
import { CANARY_KEY, mockHandle } from './cases.mjs';

export const ROOT = repoRoot();

/** A private copy of pkg/ (support/mock.mjs), with the Node and the browser entry points. */
export const copyPkg = () => copySupportPkg({ prefix: 'admin-reliability-pkg-' });

/** Starts the mock with the canary key; resolves to the control handle plus `stop()`. */
export async function startMock(args = []) {
  const mock = await startSupportMock({ adminKey: CANARY_KEY, args });
  return { ...mockHandle(mock.url), stop: mock.stop };
}

/** A loopback port nothing listens on: bound, then released. */
export async function closedPort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}
