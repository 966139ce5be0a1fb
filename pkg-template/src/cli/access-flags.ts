/**
 * The `access` commands' snapshot flags, in one block: parsing (`access-snapshot.ts`), help and
 * shell completion (`extensions.ts`) all read this list. No imports, so completion loads nothing.
 */
export const SNAPSHOT_FLAGS = [
  { name: 'cache-dir', type: 'string', value: 'DIR', file: true, commands: 'all', help: 'keep the snapshot in DIR (default: OPENAI_ADMIN_CACHE_DIR, $XDG_CACHE_HOME/openai-admin, ~/.cache/openai-admin)' },
  { name: 'no-cache', type: 'boolean', value: '', file: false, commands: 'all', help: 'no snapshot: read everything, keep nothing' },
  { name: 'max-age', type: 'string', value: 'DURATION', file: false, commands: 'all', help: 'reuse reads younger than this (30s, 15m, 2h; 0 reads everything again; default 15m)' },
  { name: 'refresh', type: 'string', value: 'true|false', file: false, commands: 'plan apply import', help: 'plan/apply: read again what the file names (default true); false plans on the snapshot as it is' },
  { name: 'out', type: 'string', value: 'PLAN', file: true, commands: 'plan', help: 'plan: save the plan to PLAN, for `access apply PLAN`' },
  { name: 'timeout', type: 'string', value: 'DURATION', file: false, commands: 'all', help: 'give up after this long (default: never)' },
] as const;
