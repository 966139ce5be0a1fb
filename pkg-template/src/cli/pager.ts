/**
 * The pager, by the official OpenAI CLI's rules: a list printed on a terminal is held until it
 * would fill the screen (its lines, wrapped at the terminal's width, reach the height less 3);
 * then it goes through `$PAGER` (default `less`, run with `LESS=-r -P<title>`), the rest of the
 * list streaming in as the pager reads. Short output, and anything that is not a terminal (a pipe,
 * a file), is printed as it is. Quitting the pager early stops the list quietly.
 *
 * Unlike the official CLI, a `$PAGER` with arguments (`less -S`) works, and a pager that cannot be
 * found prints the output directly (with a warning) instead of failing after the request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { put, type Output } from './io.js';

/** Lines `text` takes on a terminal `width` columns wide (escape sequences take no room). */
export function terminalLines(text: string, width: number): number {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  const lines = plain.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let count = 0;
  for (const line of lines) count += Math.max(1, Math.ceil([...line].length / Math.max(1, width)));
  return count;
}

/** The program and arguments of `$PAGER` (default less), if it can be found on PATH. */
export function pagerCommand(env: Record<string, string | undefined>): { program: string; args: string[]; found: boolean } {
  const words = (env.PAGER ?? '').trim().split(/\s+/).filter((w) => w !== '');
  const [program = 'less', ...args] = words;
  const candidates = program.includes('/') ? [program] : (env.PATH ?? '').split(path.delimiter).filter(Boolean).map((d) => path.join(d, program));
  const found = candidates.some((c) => {
    try {
      accessSync(c, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  return { program, args, found };
}

/** `%`, `?`, `:`, `.` and `\` have meanings in a less prompt; a title shows them as text. */
function promptText(title: string): string {
  return title.replace(/[\\%?:.]/g, (c) => `\\${c}`);
}

/**
 * Output to a terminal that turns into a pager once it is longer than the screen. `write`
 * resolves to false once the pager has quit (the caller stops producing); `end` flushes and waits.
 */
export class PagedOutput {
  private held: string[] = [];
  private lines = 0;
  private pager?: ChildProcess;
  private gone = false;
  /** No pager could be found: everything goes straight to the terminal. */
  private direct = false;
  private failure?: Error;
  private exited?: Promise<number | null>;

  constructor(
    private readonly out: Output,
    private readonly env: Record<string, string | undefined>,
    private readonly title: string,
    private readonly warn: (text: string) => void,
  ) {}

  private get rows(): number {
    return this.out.rows ?? 40;
  }

  async write(text: string): Promise<boolean> {
    if (this.gone) return false;
    if (this.pager) return this.send(text);
    if (this.direct) return this.put(text);
    this.held.push(text);
    this.lines += terminalLines(text, this.out.columns ?? 100);
    if (this.lines < this.rows - 3) return true;
    const started = this.start();
    const all = this.held.join('');
    this.held = [];
    if (started) return this.send(all);
    this.direct = true;
    return this.put(all);
  }

  private async put(text: string): Promise<boolean> {
    await put(this.out, text);
    return true;
  }

  /** Starts the pager; false when it cannot be found or started (the output is then printed). */
  private start(): boolean {
    const { program, args, found } = pagerCommand(this.env);
    if (!found) {
      this.warn(`pager ${JSON.stringify(program)} not found; printing the output directly`);
      return false;
    }
    const prompt = `-P${promptText(this.title)}$`;
    const child = spawn(program, args, {
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { ...this.env, LESS: `-r ${prompt}`, MORE: `-r ${prompt}` },
    });
    this.pager = child;
    this.exited = new Promise((resolve) => {
      child.once('error', (e) => {
        this.failure = e;
        this.gone = true;
        resolve(null);
      });
      child.once('exit', (code) => {
        this.gone = true;
        resolve(code);
      });
    });
    // The reader quit (q in less): writes fail with EPIPE; the list stops.
    child.stdin!.on('error', () => {
      this.gone = true;
    });
    return true;
  }

  private async send(text: string): Promise<boolean> {
    const stdin = this.pager!.stdin!;
    if (this.gone || stdin.destroyed) return false;
    if (!stdin.write(text)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          stdin.off('drain', done);
          stdin.off('close', done);
          resolve();
        };
        stdin.on('drain', done);
        stdin.on('close', done);
        this.exited!.then(done, done);
      });
    }
    return !this.gone;
  }

  /** Prints what is held (short output), or lets the pager read to the end and waits for it. */
  async end(): Promise<void> {
    if (!this.pager) {
      const text = this.held.join('');
      this.held = [];
      await this.put(text);
      return;
    }
    this.pager.stdin!.end();
    const code = await this.exited!;
    if (this.failure) throw this.failure;
    if (code !== 0 && code !== null) throw new Error(`Pager exited with non-zero exit status: ${code}`);
  }
}

/**
 * Prints `text` (output made whole, such as `access dump`): through the pager when `out` is a
 * terminal and the text is longer than the screen, directly otherwise.
 */
export async function printPaged(out: Output, env: Record<string, string | undefined>, title: string, text: string, warn: (text: string) => void): Promise<void> {
  if (out.isTTY !== true) return put(out, text);
  const paged = new PagedOutput(out, env, title, warn);
  await paged.write(text);
  await paged.end();
}
