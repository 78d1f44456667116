import * as fs from 'node:fs';
import { dirname } from 'node:path';

/**
 * Only one relay may publish at a time (two would interleave and duplicate the log). Every relay
 * process takes this lock before starting; the others wait on it, standing by, and the first to get it
 * when the active one dies takes over from the shared checkpoint.
 *
 * At scale, implement it with a PostgreSQL session advisory lock on a dedicated connection:
 * `SELECT pg_try_advisory_lock(hashtext('cafeia-relay'))` polled every few seconds to stand by; the
 * lock is released by the server when that connection dies, so the relay must stop publishing as soon
 * as the lock connection errors (listen to its `error`/`end` events) before another one takes over.
 */
export interface RelayLock {
  /** true when this process now holds the lock, false when another live process does */
  tryAcquire(): Promise<boolean>;
  release(): Promise<void>;
}

/** Polls `tryAcquire` until it succeeds or `signal` aborts (then resolves false). */
export async function acquireWhenFree(
  lock: RelayLock,
  options: { pollMs?: number; signal?: AbortSignal } = {},
): Promise<boolean> {
  const pollMs = options.pollMs ?? 2_000;
  while (!options.signal?.aborted) {
    if (await lock.tryAcquire()) return true;
    await new Promise<void>((resolve) => {
      const onAbort = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        options.signal?.removeEventListener('abort', onAbort);
        resolve();
      }, pollMs);
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
  return false;
}

/**
 * A lock file holding the owner's pid, for relays on one machine (embedded default, tests). Created
 * with `wx` (fails when it exists), so two processes cannot both create it. A lock left by a process
 * that died is taken over: its pid no longer answers `kill(pid, 0)`.
 */
export class FileRelayLock implements RelayLock {
  private held = false;

  constructor(private readonly path: string) {}

  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    fs.mkdirSync(dirname(this.path), { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = fs.openSync(this.path, 'wx');
        try {
          fs.writeSync(fd, String(process.pid));
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        this.held = true;
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = this.readOwner();
      if (owner !== null && isAlive(owner)) return false;
      // stale (owner dead) or unreadable (owner crashed while writing): take it over once
      this.removeIf(owner);
    }
    return false;
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    this.removeIf(process.pid);
  }

  private readOwner(): number | null {
    try {
      const pid = Number.parseInt(fs.readFileSync(this.path, 'utf8').trim(), 10);
      return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  }

  /** removes the file only if it still names `pid` (another process may have replaced it meanwhile) */
  private removeIf(pid: number | null): void {
    if (this.readOwner() !== pid) return;
    try {
      fs.unlinkSync(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
