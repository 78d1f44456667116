import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** dist/bench/children/<name>.js: the compiled child scripts sit beside this file's folder */
export const childScript = (name: string): string => join(__dirname, '..', 'children', `${name}.js`);

/**
 * Runs a child script; its stderr (progress) goes to ours, and the `RESULT {json}` line of its stdout is
 * returned. Rejects on a non-zero exit or when it runs longer than `timeoutMs` (it is killed then).
 */
export function runChild<T>(script: string, args: string[], options: { timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...options.env } });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ran longer than ${Math.round(options.timeoutMs / 1000)} s`));
    }, options.timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice(7)) as T);
      else reject(new Error(`${script} exited with ${code ?? signal}${line ? '' : ' and no result'}: ${out.slice(-500)}`));
    });
  });
}

/** Starts a long-running process (a server), keeping its output in a log buffer for error messages. */
export function startProcess(script: string, env: NodeJS.ProcessEnv): { child: ChildProcess; log: () => string; stop: () => Promise<void> } {
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    if (log.length > 20_000) log = log.slice(-10_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    log: () => log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** a file of the build: dist/<parts> (this file is dist/bench/support/children.js) */
export const distFile = (...parts: string[]): string => join(__dirname, '..', '..', ...parts);
