import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireWhenFree, FileRelayLock } from './relay-lock';

describe('the relay lock file', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'relay-lock-'));
    path = join(dir, 'relay.lock');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets one relay in and keeps the second standing by until the first releases it', async () => {
    const active = new FileRelayLock(path);
    const standby = new FileRelayLock(path);

    await expect(active.tryAcquire()).resolves.toBe(true);
    await expect(standby.tryAcquire()).resolves.toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid));

    const takeover = acquireWhenFree(standby, { pollMs: 5 });
    await active.release();
    await expect(takeover).resolves.toBe(true);
  });

  it('takes over a lock left by a process that died', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(path, String(dead));

    await expect(new FileRelayLock(path).tryAcquire()).resolves.toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
  });

  it('stops waiting when told to', async () => {
    await new FileRelayLock(path).tryAcquire();
    const controller = new AbortController();
    const waiting = acquireWhenFree(new FileRelayLock(path), { pollMs: 5, signal: controller.signal });
    controller.abort();
    await expect(waiting).resolves.toBe(false);
  });
});
