/**
 * How results are printed: JSON (indented), JSON Lines, raw, YAML, and the readable forms for a
 * terminal (`pretty`, and a table for lists under `auto`).
 */

import { sanitize } from './io.js';

type Json = unknown;
type YamlModule = { stringify(value: unknown): string };

/** Whether to color what goes to `stream`: FORCE_COLOR, then NO_COLOR, then whether it is a terminal. */
export function useColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const paint = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const plain = (s: string) => s;
export interface Palette {
  key: (s: string) => string;
  str: (s: string) => string;
  num: (s: string) => string;
  lit: (s: string) => string;
  dim: (s: string) => string;
  head: (s: string) => string;
}
export function palette(color: boolean): Palette {
  return color
    ? { key: paint('34;1'), str: paint('32'), num: paint('33'), lit: paint('35'), dim: paint('2'), head: paint('1') }
    : { key: plain, str: plain, num: plain, lit: plain, dim: plain, head: plain };
}

/** Colors JSON text token by token (keys, strings, numbers, literals). */
function colorJson(text: string, p: Palette): string {
  return text.replace(/("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g, (m, str, colon, num, lit) => {
    if (str !== undefined) return colon !== undefined ? p.key(str) + colon : p.str(str);
    if (num !== undefined) return p.num(num);
    if (lit !== undefined) return p.lit(lit);
    return m;
  });
}

/** A value's text, with its control characters escaped (tabs and line breaks kept). */
const safe = (s: string) => sanitize(s, true);

export type DataFormat = 'json' | 'jsonl' | 'raw' | 'yaml' | 'pretty';

export interface FormatOptions {
  color: boolean;
  /** `-r`: a string printed without quotes. */
  rawOutput: boolean;
  yaml?: YamlModule | undefined;
}

/** One value in one format, ending with a newline. */
export function formatValue(value: Json, format: DataFormat, o: FormatOptions): string {
  if (o.rawOutput && typeof value === 'string') return `${o.color ? safe(value) : value}\n`;
  switch (format) {
    case 'json': {
      const text = JSON.stringify(value, null, 2) ?? 'null';
      return `${o.color ? colorJson(text, palette(true)) : text}\n`;
    }
    case 'jsonl':
    case 'raw': {
      const text = JSON.stringify(value) ?? 'null';
      return `${o.color && format === 'jsonl' ? colorJson(text, palette(true)) : text}\n`;
    }
    case 'yaml': {
      if (!o.yaml) throw new Error('YAML output needs the yaml module');
      return o.yaml.stringify(value);
    }
    case 'pretty':
      return `${prettyLines(value, palette(o.color)).join('\n')}\n`;
  }
}

/** A Unix time in seconds under a field named like one → `2024-03-26 16:45:33 UTC`. */
function timestamp(key: string, value: Json): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1e8 || value > 1e11) return undefined;
  if (!/(_at|^created|^updated|_time|timestamp)$/.test(key)) return undefined;
  return new Date(value * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

function isScalar(v: Json): boolean {
  return v === null || typeof v !== 'object';
}

function scalarText(key: string, v: Json, p: Palette): string {
  if (v === null) return p.dim('null');
  if (typeof v === 'string') return safe(v);
  const ts = timestamp(key, v);
  if (ts) return ts;
  return String(v);
}

/** Readable text: `key  value` lines, nested objects indented, lists of scalars joined. */
export function prettyLines(value: Json, p: Palette, indent = ''): string[] {
  if (isScalar(value)) return [indent + scalarText('', value, p)];
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}${p.dim('(none)')}`];
    if (value.every(isScalar)) return [indent + value.map((v) => scalarText('', v, p)).join(', ')];
    const out: string[] = [];
    for (const el of value) {
      const lines = prettyLines(el, p, `${indent}  `);
      out.push(`${indent}- ${lines[0]!.slice(indent.length + 2)}`, ...lines.slice(1));
    }
    return out;
  }
  const entries = Object.entries(value as Record<string, Json>);
  if (entries.length === 0) return [`${indent}${p.dim('(empty)')}`];
  const width = Math.max(...entries.map(([k]) => k.length));
  const out: string[] = [];
  for (const [k, v] of entries) {
    const inline = isScalar(v) || (Array.isArray(v) && (v.length === 0 || v.every(isScalar)));
    if (inline) {
      const text = Array.isArray(v) ? (v.length === 0 ? p.dim('(none)') : v.map((x) => scalarText(k, x, p)).join(', ')) : scalarText(k, v, p);
      out.push(`${indent}${p.key(safe(k).padEnd(width))}  ${text}`);
    } else {
      out.push(`${indent}${p.key(safe(k))}`, ...prettyLines(v, p, `${indent}  `));
    }
  }
  return out;
}

/** A table cell: scalars as text, lists joined, objects by their id. */
function cell(key: string, v: Json): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map((x) => cell(key, x)).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, Json>;
    return typeof o.id === 'string' ? o.id : JSON.stringify(v);
  }
  if (typeof v === 'string') return safe(v).replace(/\n/g, ' ');
  return timestamp(key, v)?.slice(0, 16) ?? String(v);
}

/** Characters of `s` as a terminal counts them (no ANSI, one column per code point). */
const columnsOf = (s: string) => [...s].length;

function fit(s: string, width: number): string {
  const chars = [...s];
  if (chars.length <= width) return s + ' '.repeat(width - chars.length);
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** Column order of a table: the id, then names and other text, then numbers, then switches. */
function rank(key: string, sample: Json): number {
  if (key === 'id') return 0;
  if (/^(name|role_name|email)$/.test(key)) return 1;
  if (key === 'role' || key === 'description' || key === 'group_type') return 2;
  if (typeof sample === 'string' || typeof sample === 'object') return 3;
  if (typeof sample === 'number') return 4;
  return 5;
}

/** The widest a cell gets (but an id, which is never cut). */
const MAX_CELL = 40;

/**
 * Items as a table no wider than `width`: one column per field (but `object`), the id first,
 * columns empty in every row left out, long cells cut with …, and the last columns dropped
 * while it is still too wide (every field is in `--format json`).
 */
export function table(items: Json[], width: number, color: boolean): string {
  const p = palette(color);
  if (items.length === 0) return `${p.dim('(no items)')}\n`;
  const rows = items.map((it) => (typeof it === 'object' && it !== null && !Array.isArray(it) ? (it as Record<string, Json>) : { value: it }));
  const keys: string[] = [];
  const sample: Record<string, Json> = {};
  for (const r of rows) {
    for (const [k, v] of Object.entries(r)) {
      if (k === 'object') continue;
      if (!keys.includes(k)) keys.push(k);
      if ((sample[k] === undefined || sample[k] === null) && v !== undefined) sample[k] = v;
    }
  }
  const ordered = keys
    .map((k, i) => ({ k, i, r: rank(k, sample[k]) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((c) => c.k);
  const cells = rows.map((r) => ordered.map((k) => cell(k, r[k])));
  const cols = ordered.flatMap((key, index) => (cells.some((row) => row[index] !== '') ? [{ key, index }] : []));
  const widths = cols.map((c) =>
    Math.min(c.key === 'id' ? Infinity : MAX_CELL, Math.max(columnsOf(c.key), ...cells.map((row) => columnsOf(row[c.index]!)))),
  );
  const gap = 2;
  const total = () => widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1);
  while (cols.length > 1 && total() > width) {
    cols.pop();
    widths.pop();
  }
  const line = (texts: string[], style: (s: string) => string) =>
    texts.map((t, i) => style(i === texts.length - 1 ? fit(t, widths[i]!).trimEnd() : fit(t, widths[i]!))).join(' '.repeat(gap));
  const out = [line(cols.map((c) => c.key.toUpperCase()), p.head)];
  for (const row of cells) out.push(line(cols.map((c) => row[c.index]!), plain));
  return `${out.join('\n')}\n`;
}
