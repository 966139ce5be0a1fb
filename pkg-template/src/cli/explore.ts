/**
 * `--format explore`: the official OpenAI CLI's interactive JSON explorer, drawn with plain ANSI
 * escapes (no dependency). A value is shown as a table: an object as its keys and values, a list
 * of objects with a column per key, other lists as items; a long or multi-line string as text.
 *
 * Keys (as the official explorer's): ↑/k and ↓/j move (PgUp/PgDn, g/G too), →/l opens the
 * selected value, ←/h/Backspace goes back, r toggles raw JSON, p prints the selected value and
 * exits, q/Enter/Esc/Ctrl-C quit. A list loads more items as the cursor reaches its end.
 */

import { sanitize } from './io.js';

/** The terminal the explorer draws on. */
export interface Screen {
  write(text: string): boolean;
  columns?: number;
  rows?: number;
  on?(event: 'resize', listener: () => void): unknown;
  off?(event: 'resize', listener: () => void): unknown;
}

/** Where keys come from (a terminal in raw mode). */
export interface Keys {
  setRawMode?(raw: boolean): unknown;
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  off(event: 'data', listener: (data: Buffer) => void): unknown;
  resume(): unknown;
  pause(): unknown;
  /** Lets the process end although the stream stays open (a /dev/tty opened for the keys). */
  unref?(): unknown;
}

type Json = unknown;
const MAX_STRING = 100;
const MAX_PREVIEW = 24;
const HELP = 'q/enter quit • ↑/k up • ↓/j down • ←/h go back • →/l expand • p print and exit • r toggle raw JSON';

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const width = (s: string) => [...s].length;

function cut(s: string, w: number): string {
  const chars = [...s];
  if (chars.length <= w) return s + ' '.repeat(w - chars.length);
  return w <= 0 ? '' : `${chars.slice(0, w - 1).join('')}…`;
}

/** A cell: a preview of the value (`{id:"g1", users:[…]}`, `[...3 items...]`), or its JSON in raw mode. */
export function preview(v: Json, raw: boolean): string {
  if (raw) return sanitize(JSON.stringify(v) ?? 'null');
  if (Array.isArray(v)) return v.length === 0 ? '[]' : v.length === 1 ? '[...1 item...]' : `[...${v.length} items...]`;
  if (isObject(v)) {
    const parts = Object.entries(v).map(([k, x]) => {
      const key = sanitize(k);
      if (Array.isArray(x)) return `${key}:[…]`;
      if (isObject(x)) return `${key}:{…}`;
      if (typeof x === 'string') {
        const s = sanitize(x);
        return width(s) <= MAX_PREVIEW ? `${key}:"${s}"` : `${key}:"${[...s].slice(0, MAX_PREVIEW).join('')}…"`;
      }
      return `${key}:${JSON.stringify(x)}`;
    });
    return `{${parts.join(', ')}}`;
  }
  if (typeof v === 'string') return sanitize(v);
  return JSON.stringify(v) ?? 'null';
}

interface TableView {
  kind: 'table';
  path: string;
  data: Json[] | Record<string, Json>;
  /** The values the rows stand for. */
  values: Json[];
  columns: string[];
  /** For a list of objects, the key of each column. */
  keys?: string[];
  cursor: number;
  top: number;
  /** More items of a list still to load. */
  more?: () => Promise<Json[]>;
}

interface TextView {
  kind: 'text';
  path: string;
  data: string;
  top: number;
}

type View = TableView | TextView;

function tableView(path: string, data: Json[] | Record<string, Json>): TableView {
  if (Array.isArray(data)) {
    if (data.length > 0 && data.every(isObject)) {
      const keys: string[] = [];
      for (const item of data) for (const k of Object.keys(item as object)) if (!keys.includes(k)) keys.push(k);
      return { kind: 'table', path, data, values: [...data], columns: keys.map((k) => sanitize(k)), keys, cursor: 0, top: 0 };
    }
    return { kind: 'table', path, data, values: [...data], columns: ['Items'], cursor: 0, top: 0 };
  }
  return { kind: 'table', path, data, values: Object.values(data), columns: ['Object', ''], cursor: 0, top: 0 };
}

function viewOf(path: string, v: Json): View | undefined {
  if (typeof v === 'string') return { kind: 'text', path, data: v, top: 0 };
  if (Array.isArray(v) || isObject(v)) return tableView(path, v);
  return undefined;
}

function canOpen(v: Json): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.keys(v).length > 0;
  if (typeof v === 'string') return v.includes('\n') || width(v) >= MAX_STRING;
  return false;
}

function rowsOf(view: TableView, raw: boolean): string[][] {
  if (Array.isArray(view.data)) {
    if (view.keys) return view.values.map((item) => view.keys!.map((k) => ((item as Record<string, Json>)[k] === undefined ? '' : preview((item as Record<string, Json>)[k], raw))));
    return view.values.map((item) => [preview(item, raw)]);
  }
  return Object.entries(view.data).map(([k, v]) => [sanitize(k), preview(v, raw)]);
}

/** Column widths that fit `room`: the widest columns give up space first (as the official table). */
function fitWidths(natural: number[], room: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= room) return natural;
  const fair = room / natural.length;
  const shrinkable = natural.reduce((a, w) => a + Math.max(0, w - fair), 0);
  const excess = total - room;
  return natural.map((w) => (w > fair && shrinkable > 0 ? Math.max(1, Math.round(w - (w - fair) * (excess / shrinkable))) : w));
}

function wrapText(text: string, w: number): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let rest = [...sanitize(line).replace(/\\n/g, '')];
    if (rest.length === 0) out.push('');
    while (rest.length > 0) {
      out.push(rest.slice(0, w).join(''));
      rest = rest.slice(w);
    }
  }
  return out;
}

/** Explores `value` (or a list streamed by `more`) until the user quits; resolves to what `p` printed. */
export async function explore(title: string, value: Json, screen: Screen, keys: Keys, more?: () => Promise<Json[]>): Promise<string | undefined> {
  const first = viewOf('', value) ?? ({ kind: 'text', path: '', data: JSON.stringify(value) ?? 'null', top: 0 } as TextView);
  if (first.kind === 'table' && more) first.more = more;
  const stack: View[] = [first];
  let raw = false;
  let message: string | undefined;
  let busy = false;
  const size = () => ({ w: Math.max(20, screen.columns ?? 80), h: Math.max(8, screen.rows ?? 24) });
  const bodyHeight = () => Math.max(1, size().h - 7);

  const draw = () => {
    const { w } = size();
    const view = stack[stack.length - 1]!;
    const color = view.kind === 'text' ? '35' : Array.isArray(view.data) ? '31' : '34';
    const border = (s: string) => `\x1b[${color}m${s}\x1b[0m`;
    const inner = w - 4;
    let heading = title;
    if (view.path) heading += ` → ${view.path}`;
    if (raw) heading += ' (JSON)';
    const lines: string[] = [`\x1b[1m  ${cut(sanitize(heading), w - 2).trimEnd()}\x1b[0m`, border(`╭${'─'.repeat(w - 2)}╮`)];
    const row = (text: string, style = '') => lines.push(`${border('│')} ${style}${cut(text, inner)}\x1b[0m ${border('│')}`);
    if (view.kind === 'text') {
      const text = wrapText(view.data, inner);
      view.top = Math.max(0, Math.min(view.top, text.length - bodyHeight() - 2));
      for (const l of text.slice(view.top, view.top + bodyHeight() + 2)) row(l);
    } else {
      const cells = rowsOf(view, raw);
      const natural = view.columns.map((c, i) => Math.max(width(c), ...cells.map((r) => width(r[i] ?? ''))));
      const widths = fitWidths(natural, inner - 2 * (view.columns.length - 1));
      const join = (r: string[]) => r.map((c, i) => cut(c, widths[i]!)).join('  ');
      row(join(view.columns), '\x1b[1m');
      row('─'.repeat(inner), '\x1b[2m');
      const h = bodyHeight();
      if (view.cursor < view.top) view.top = view.cursor;
      if (view.cursor >= view.top + h) view.top = view.cursor - h + 1;
      cells.slice(view.top, view.top + h).forEach((r, i) => row(join(r), view.top + i === view.cursor ? `\x1b[38;5;229;4${color.slice(1)}m` : ''));
      if (busy) row('loading…', '\x1b[2m');
    }
    lines.push(border(`╰${'─'.repeat(w - 2)}╯`), `\x1b[2m${cut(HELP, w - 1).trimEnd()}\x1b[0m`);
    screen.write(`\x1b[H\x1b[2J${lines.join('\r\n')}`);
  };

  const loadMore = async (view: TableView) => {
    if (!view.more || busy) return;
    busy = true;
    draw();
    try {
      const items = await view.more();
      if (items.length === 0) delete view.more;
      for (const item of items) (view.data as Json[]).push(item), view.values.push(item);
      const fresh = tableView(view.path, view.data);
      view.columns = fresh.columns;
      if (fresh.keys) view.keys = fresh.keys;
      else delete view.keys;
    } catch {
      delete view.more;
    } finally {
      busy = false;
    }
    draw();
  };

  const move = (view: View, by: number) => {
    if (view.kind === 'text') {
      view.top = Math.max(0, view.top + by);
      return;
    }
    view.cursor = Math.max(0, Math.min(view.values.length - 1, view.cursor + by));
    if (view.cursor === view.values.length - 1) void loadMore(view);
  };

  const selected = (view: View): Json => (view.kind === 'text' ? view.data : view.values[view.cursor]);

  return new Promise((resolve) => {
    const finish = () => {
      keys.off('data', onData);
      screen.off?.('resize', draw);
      keys.setRawMode?.(false);
      keys.pause();
      keys.unref?.();
      screen.write('\x1b[?25h\x1b[?1049l');
      resolve(message);
    };
    const onData = (data: Buffer) => {
      const view = stack[stack.length - 1]!;
      for (const key of splitKeys(data.toString('utf8'))) {
        if (['q', '\r', '\n', '\x1b', '\x03'].includes(key)) return finish();
        if (key === 'p') {
          const v = selected(view);
          message = view.kind === 'table' && typeof v === 'string' ? sanitize(v) : JSON.stringify(v);
          return finish();
        }
        if (key === 'k' || key === '\x1b[A' || key === '\x1bOA') move(view, -1);
        else if (key === 'j' || key === '\x1b[B' || key === '\x1bOB') move(view, 1);
        else if (key === '\x1b[5~') move(view, -bodyHeight());
        else if (key === '\x1b[6~' || key === ' ') move(view, bodyHeight());
        else if (key === 'g' || key === '\x1b[H') move(view, -Infinity);
        else if (key === 'G' || key === '\x1b[F') move(view, Infinity);
        else if (key === 'r') raw = !raw;
        else if (['h', '\x1b[D', '\x1bOD', '\x7f', '\b'].includes(key)) {
          if (stack.length > 1) stack.pop();
        } else if (['l', '\x1b[C', '\x1bOC'].includes(key) && view.kind === 'table' && view.values.length > 0) {
          const v = selected(view);
          const step = Array.isArray(view.data) ? `[${view.cursor}]` : `[${JSON.stringify(Object.keys(view.data)[view.cursor]!)}]`;
          const next = canOpen(v) ? viewOf(view.path + step, v) : undefined;
          if (next) stack.push(next);
        }
      }
      draw();
    };
    keys.setRawMode?.(true);
    keys.resume();
    keys.on('data', onData);
    screen.on?.('resize', draw);
    screen.write('\x1b[?1049h\x1b[?25l');
    draw();
    if (first.kind === 'table' && first.values.length <= 1) void loadMore(first);
  });
}

/** A chunk of terminal input as keys: escape sequences kept whole. */
export function splitKeys(text: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < text.length; ) {
    const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(text.slice(i));
    const key = m ? m[0] : [...text.slice(i)][0]!;
    keys.push(key);
    i += key.length;
  }
  return keys;
}
