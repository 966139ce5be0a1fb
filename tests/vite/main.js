// The page: runs the scenario on the main thread, then in a module worker, and publishes both.
import { run } from './scenario.js';

const show = (id, value) => {
  const el = document.getElementById(id);
  el.textContent = JSON.stringify(value, null, 2);
  el.dataset.done = 'true';
};

window.__result = await run('page').catch((e) => ({ failed: String(e?.stack ?? e) }));
show('page', window.__result);

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
window.__worker = await new Promise((resolve) => {
  worker.onmessage = (event) => resolve(event.data);
  worker.onerror = (event) => resolve({ failed: `worker error: ${event.message}` });
});
show('worker', window.__worker);
