import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** The compiled apps (`npm run build`); the test command builds before it runs the suites. */
export function dist(path: string): string {
  const file = join(ROOT, 'dist', path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does)`);
  return file;
}

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function startNode(script: string, args: string[], env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** the one polling helper of the suites */
import { waitFor } from '@cafeia/testing';
export { waitFor };

/** A TCP port free right now on loopback (the OS picks it), for a child process to listen on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The built API as the embedded default (SQLite store and read models, the projector in process), whatever
 * engines the test command exported for other suites, on a free port; resolves once `until` (`/health/ready`)
 * answers.
 */
export async function startEmbeddedApi(options: { dataDir: string; secret: string; clock?: string; env?: Record<string, string>; until?: '/health/live' | '/health/ready' }): Promise<{ process: RunningProcess; port: number; url: string }> {
  const port = await freePort();
  const running = startNode(dist('apps/api/src/main.js'), [], {
    DATA_DIR: options.dataDir,
    PORT: String(port),
    AUTH_SECRET: options.secret,
    CLOCK: options.clock ?? '2026-06-15T12:00:00Z',
    EVENT_STORE: 'sqlite',
    READ_MODELS: 'sqlite',
    KAFKA_BROKERS: '',
    EMBEDDED_PROJECTOR: 'true',
    CAFEIA_FAULT: '',
    ...options.env,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('the API to listen', async () => (await fetch(`${url}${options.until ?? '/health/ready'}`).catch(() => null))?.ok === true, 60_000);
  return { process: running, port, url };
}
