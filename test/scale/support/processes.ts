import { ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** A service of the stack run as its own process (`node dist/apps/<app>/src/main.js`), its output kept for assertions. */
export class ServiceProcess {
  readonly lines: string[] = [];
  private child: ChildProcess | null = null;
  private exit: Promise<number | null> = Promise.resolve(null);
  private readonly waiters = new Set<() => void>();
  restarts = -1;

  constructor(
    readonly name: string,
    private readonly app: 'api' | 'relay' | 'projector',
    private readonly env: Record<string, string>,
    private readonly logDir: string,
    private readonly args: string[] = [],
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): this {
    if (this.running) throw new Error(`${this.name} is already running`);
    this.restarts += 1;
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', this.app, 'src', 'main.js'), ...this.args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', KAFKAJS_NO_PARTITIONER_WARNING: '1', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const file = join(this.logDir, `${this.name}.log`);
    appendFileSync(file, `--- start #${this.restarts} pid ${child.pid} ---\n`);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      appendFileSync(file, text);
      for (const line of text.split('\n')) if (line.trim()) this.lines.push(line);
      for (const wake of [...this.waiters]) wake();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    this.exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    return this;
  }

  /** resolves with the first line (from line `from`) matching, or rejects after the timeout or if the process exits */
  waitForLog(pattern: RegExp, timeoutMs = 30_000, from = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let i = from; i < this.lines.length; i++) {
          if (pattern.test(this.lines[i])) return done(() => resolve(this.lines[i]));
        }
      };
      const timer = setTimeout(() => done(() => reject(new Error(`${this.name}: no log line matching ${pattern} within ${timeoutMs} ms; last lines:\n${this.lines.slice(-15).join('\n')}`))), timeoutMs);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        settle();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** JSON log lines (the services log one object per line) */
  logs(): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const line of this.lines) {
      try {
        out.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        /* not JSON (a stack trace): skip */
      }
    }
    return out;
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child!.kill(signal);
  }

  /** resolves with the exit code once the process has ended */
  exited(): Promise<number | null> {
    return this.exit;
  }

  async kill(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15_000): Promise<number | null> {
    const child = this.child;
    if (!child || !this.running) return child?.exitCode ?? null;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exit;
    } finally {
      clearTimeout(timer);
    }
  }
}

export async function waitUntil<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
