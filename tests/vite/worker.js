// The module worker: the same scenario, its result posted to the page.
import { run } from './scenario.js';

run('worker').then(
  (result) => self.postMessage(result),
  (e) => self.postMessage({ failed: String(e?.stack ?? e) }),
);
