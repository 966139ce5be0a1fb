// Entry point: the connection form, the client, the page's one state (js/store.js), the writes
// that change who has what (js/actions.js) and the section tabs. Each section lives in its own
// module under js/ and has `mount(panel)` (once) and `show()` (each time its tab is opened).
import OpenAIAdmin from '/pkg/dist/index.js';
import { applyPlan, startLoadingOrganization } from '/pkg/dist/access/index.js';
import { setSecret } from './js/ui.js';
import { createStore } from './js/store.js';
import { consoleSnapshot, keepSnapshot } from './js/snapshot.js';
import { createActions } from './js/actions.js';
import { previewPlan } from './js/plan.js';
import { groupsSection } from './js/groups.js';
import { usersSection } from './js/users.js';
import { rolesSection } from './js/roles.js';
import { accessSection } from './js/access.js';

// The key of the local mock (`openai-admin-mock`), prefilled only when the page is served from
// this machine. It is not a real key.
const DEMO_KEY = 'sk-admin-demo';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const store = createStore({ startLoading: startLoadingOrganization, snapshots: { read: consoleSnapshot, keep: keepSnapshot } });
const actions = createActions({ store, applyPlan, preview: previewPlan });

const form = document.getElementById('connection-form');
const baseInput = document.getElementById('base-url');
const keyInput = document.getElementById('admin-key');
const status = document.getElementById('connection-status');

/**
 * Who the page is signed in as, when a server handler (`openai-admin-wasm/server`) serves it:
 * `{ user, role, token }` from its `/session`, or `null` when the page is served without one.
 */
async function session() {
  try {
    const res = await fetch(`/session${location.search.includes('as=viewer') ? '?as=viewer' : ''}`, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (!res.ok) return null;
    const body = await res.json();
    // A bearer token (the demo server) or a session cookie the browser already holds (`openai-admin console`).
    return body?.server === 'openai-admin-wasm/server' && (typeof body.token === 'string' || body.session === 'cookie') ? body : null;
  } catch {
    return null;
  }
}

/** Served without a handler: the key form, prefilled with the local mock's key on this machine. */
function showKeyForm() {
  form.hidden = false;
  document.getElementById('key-note').hidden = false;
  baseInput.value = `${location.origin}/v1`;
  if (LOCAL_HOSTS.has(location.hostname)) {
    keyInput.value = DEMO_KEY;
    const note = document.getElementById('demo-note');
    note.textContent =
      'This page is served from this machine, so the key field holds the demo key of the local mock ' +
      '(openai-admin-mock). Replace it with your own key, or clear it when a proxy adds the key.';
    note.hidden = false;
  }
}

const sections = {
  'access-panel': accessSection({ store, actions }),
  'groups-panel': groupsSection({ store, actions }),
  'users-panel': usersSection({ store, actions }),
  'roles-panel': rolesSection({ store, actions }),
};
for (const [id, section] of Object.entries(sections)) section.mount(document.getElementById(id));

/** Makes a new client from the form and reloads every section. */
function connect() {
  const baseURL = baseInput.value.trim();
  const key = keyInput.value.trim();
  setSecret(key);
  try {
    // With a key, the browser opt-in is required; without one (behind a proxy) it is not.
    const client = key
      ? new OpenAIAdmin({ adminAPIKey: key, baseURL, dangerouslyAllowBrowser: true })
      : new OpenAIAdmin({ baseURL, defaultHeaders: { Authorization: null } });
    store.connect({ client });
  } catch (err) {
    status.textContent = `Cannot create the client: ${err.message}`;
    return;
  }
  status.textContent = `Using ${baseURL} ${key ? 'with the admin key above' : 'without a key (a proxy must add it)'}.`;
  showOpenSection();
}

/**
 * Behind the handler: no key anywhere in the page. The client sends the visitor's sign-in token
 * (or, under `openai-admin console`, the browser sends its HttpOnly session cookie); the handler
 * checks it, drops it and adds the admin key on the server.
 */
function connectSignedIn(who) {
  const baseURL = `${location.origin}/v1`;
  setSecret(who.token ?? '');
  // `openai-admin console` keeps a snapshot of the organization for the page (`/snapshot`), and
  // may scale its scheduler's caps (`timeScale`, OPENAI_ADMIN_TIME_SCALE: tests).
  store.connect({ client: new OpenAIAdmin({ baseURL, defaultHeaders: { Authorization: who.token ? `Bearer ${who.token}` : null } }), role: who.role, snapshot: who.snapshot === true, timeScale: who.timeScale });
  document.getElementById('who-user').textContent = who.user;
  document.getElementById('who-role').textContent = who.role === 'admin' ? 'admin (reads and writes)' : `${who.role} (reads only)`;
  document.getElementById('who-base').textContent = baseURL;
  document.getElementById('signed-in').hidden = false;
  showOpenSection();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  connect();
});

// Tabs: one section visible at a time; Access first. The address's #access, #groups, #users or
// #roles opens that section (and a tab sets it), so a section can be linked to and reloaded.
const tabs = [...document.querySelectorAll('.tab')];
function openTab(tab) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-pressed', String(on));
    document.getElementById(t.dataset.panel).hidden = !on;
    if (!on) sections[t.dataset.panel].hide();
  }
  sections[tab.dataset.panel].show();
}
/** Tells the visible section it is shown (after a connection: it reads what it needs). */
function showOpenSection() {
  const tab = tabs.find((t) => t.getAttribute('aria-pressed') === 'true');
  if (tab) sections[tab.dataset.panel].show();
}
for (const tab of tabs) {
  tab.addEventListener('click', () => {
    openTab(tab);
    history.replaceState(null, '', `#${tab.dataset.hash}`);
  });
}
const fromHash = () => tabs.find((t) => `#${t.dataset.hash}` === location.hash);
if (fromHash()) openTab(fromHash());
addEventListener('hashchange', () => fromHash() && openTab(fromHash()));

const who = await session();
if (who) {
  connectSignedIn(who);
} else {
  showKeyForm();
  connect();
}
