import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const SESSION = 'test';

/** tmux is on PATH (the pty tests skip, saying so, when it is not). */
export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
}

export interface TerminalOptions {
  cwd?: string;
  /** Added to the environment; NO_COLOR=1 is set unless overridden. */
  env?: Record<string, string>;
  width?: number;
  height?: number;
}

export type ScreenMatch = string | RegExp | ((screen: string) => boolean);

/**
 * A program running in a real pseudo-terminal: a private tmux server (own socket, no user
 * config) with one pane. Drive it like a user (`type`, `press`), read what is on screen, and wait
 * on screen contents or the exit code by polling, never fixed sleeps.
 *
 * @example
 * const term = await Terminal.start(['node', 'bin/layered.js', 'new'], { cwd: project });
 * await term.waitFor(/^\? Domain name/m);
 * await term.type('product');
 * await term.press('Enter');
 * expect(await term.waitForExit()).toBe(0);
 * await term.close();
 */
export class Terminal {
  private readonly socket: string;
  private readonly exitFile: string;

  private constructor(private readonly dir: string) {
    this.socket = path.join(dir, 'tmux.sock');
    this.exitFile = path.join(dir, 'exit-code');
  }

  static async start(command: readonly string[], options: TerminalOptions = {}): Promise<Terminal> {
    const dir = await mkdtemp(path.join(tmpdir(), 'layered-tmux-'));
    const config = path.join(dir, 'tmux.conf');
    // remain-on-exit keeps the pane after the program ends, so its last screen and exit code can be read.
    await writeFile(config, 'set -g remain-on-exit on\nset -g status off\nset -g history-limit 5000\n');
    const terminal = new Terminal(dir);
    const env = Object.entries({ NO_COLOR: '1', ...options.env }).map(([key, value]) => `${key}=${value}`);
    // tmux 3.3 sometimes loses the exit status of a pane whose process ends (pane_dead_status
    // stays empty), so the shell around the program records it.
    const line = `${['env', ...env, ...command].map(shellQuote).join(' ')}; echo $? > ${shellQuote(terminal.exitFile)}`;
    await execFileAsync('tmux', ['-S', terminal.socket, '-f', config, 'new-session', '-d', '-s', SESSION, '-x', String(options.width ?? 120), '-y', String(options.height ?? 40), '-c', options.cwd ?? process.cwd(), line]);
    return terminal;
  }

  /** Types text literally (no key names). */
  async type(text: string): Promise<void> {
    await this.tmux('send-keys', '-t', SESSION, '-l', text);
  }

  /** Presses keys by tmux name: Enter, Up, Down, Space, BSpace, Tab, Escape, C-c, C-d... */
  async press(...keys: string[]): Promise<void> {
    await this.tmux('send-keys', '-t', SESSION, ...keys);
  }

  /** The visible screen, wrapped lines joined, trailing blanks trimmed. */
  async screen(): Promise<string> {
    return (await this.tmux('capture-pane', '-p', '-J', '-t', SESSION)).replace(/\s+$/, '');
  }

  /** Everything the pane has shown, scrollback included. */
  async transcript(): Promise<string> {
    return (await this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', SESSION)).replace(/\s+$/, '');
  }

  /** Waits until the screen matches, and returns it; on timeout fails showing the last screen. */
  async waitFor(match: ScreenMatch, timeoutMs = 10_000): Promise<string> {
    const test = typeof match === 'function' ? match : typeof match === 'string' ? (s: string) => s.includes(match) : (s: string) => match.test(s);
    let last = '';
    const found = await poll(async () => {
      last = await this.screen();
      return test(last) ? last : undefined;
    }, timeoutMs);
    if (found !== undefined) return found;
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${String(match)} on the terminal. Screen:\n${last}`);
  }

  /** Waits for the program to end and returns its exit code (128 + N for a death by signal N, as shells report it). */
  async waitForExit(timeoutMs = 10_000): Promise<number> {
    const code = await poll(async () => {
      const text = await readFile(this.exitFile, 'utf8').catch(() => ''); // not written yet: still running
      return /^\d+\n$/.test(text) ? Number(text) : undefined;
    }, timeoutMs);
    if (code !== undefined) return code;
    throw new Error(`Timed out after ${timeoutMs} ms waiting for the program to exit. Screen:\n${await this.screen()}`);
  }

  /** Stops this terminal's own tmux server (and the program, if still running). */
  async close(): Promise<void> {
    await this.tmux('kill-server').catch(() => undefined); // already gone: nothing to stop
    await rm(this.dir, { recursive: true, force: true });
  }

  private async tmux(...args: string[]): Promise<string> {
    return (await execFileAsync('tmux', ['-S', this.socket, ...args])).stdout;
  }
}

async function poll<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function shellQuote(word: string): string {
  return /^[A-Za-z0-9_:=,./@%+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
