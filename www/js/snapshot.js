// The console's snapshot: `openai-admin console` keeps the organization as last read (the same
// snapshot as the command line's `access` commands) and hands it to this page at `/snapshot`, so
// the page opens on it at once, says how old it is, and reads again in the background; what the
// page reads goes back to the console every few seconds. Pages served elsewhere (no `/snapshot`)
// load as before. The snapshot never holds the key.
import { asOfText } from '/pkg/dist/access/index.js';

const KEEP_EVERY = 5000;

/** The console's snapshot data, or null (no console, none kept, or not readable). */
export async function consoleSnapshot() {
  try {
    const res = await fetch('/snapshot', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return null;
    return await res.json();
  } catch {
    return null;
  }
}

/** Sends the organization's snapshot back to the console while it changes; the returned function sends it a last time and stops. */
export function keepSnapshot(org) {
  let sent = org.snapshot?.version ?? -1;
  const push = async () => {
    const s = org.snapshot;
    if (!s || s.version === sent) return;
    sent = s.version;
    await fetch('/snapshot', { method: 'PUT', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: s.text() }).catch(() => {});
  };
  const timer = setInterval(push, KEEP_EVERY);
  return () => {
    clearInterval(timer);
    return push();
  };
}

/** "Organization as of 14:02 (12 min ago), reading it again · roles of 1,980 users not read yet", or '' when nothing came from a snapshot. */
export function snapshotAge(org, startedAt, loading) {
  const at = org.asOf;
  if (at === null || at >= startedAt) return '';
  const unread = org.unread();
  const missing = unread.userRoles > 0 ? ` · roles of ${unread.userRoles.toLocaleString('en-US')} users not read yet` : '';
  return `Organization ${asOfText(at)}${loading ? ', reading it again' : ''}${missing}`;
}
