import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, loadOrCreateFileSecret, MIN_AUTH_SECRET_BYTES } from './config';

const folder = () => mkdtempSync(join(tmpdir(), 'cafeia-config-'));

describe('the auth secret', () => {
  it('refuses an AUTH_SECRET shorter than 32 bytes, the empty one included', () => {
    for (const secret of ['', 'short', 'x'.repeat(MIN_AUTH_SECRET_BYTES - 1)]) {
      expect(() => loadConfig({ AUTH_SECRET: secret, DATA_DIR: folder() })).toThrow(ConfigError);
    }
    expect(loadConfig({ AUTH_SECRET: 'x'.repeat(MIN_AUTH_SECRET_BYTES), DATA_DIR: folder() }).authSecret).toHaveLength(MIN_AUTH_SECRET_BYTES);
  });

  it('generates one strong secret in DATA_DIR, readable by the owner only, and keeps it', () => {
    const dir = join(folder(), 'data');
    const first = loadConfig({ DATA_DIR: dir }).authSecret;
    expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(MIN_AUTH_SECRET_BYTES);
    expect(loadConfig({ DATA_DIR: dir }).authSecret).toBe(first);
    expect(statSync(join(dir, 'auth-secret')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    // nothing half-written is left beside it
    expect(readdirSync(dir)).toEqual(['auth-secret']);
  });

  it('replaces the empty file a failed write left, rather than signing tokens with ""', () => {
    const dir = folder();
    writeFileSync(join(dir, 'auth-secret'), '');
    const secret = loadOrCreateFileSecret(dir, 'auth-secret');
    expect(Buffer.byteLength(secret)).toBeGreaterThanOrEqual(MIN_AUTH_SECRET_BYTES);
    expect(readFileSync(join(dir, 'auth-secret'), 'utf8').trim()).toBe(secret);
  });

  it('refuses a secret file shorter than 32 bytes with a message saying what to do', () => {
    const dir = folder();
    writeFileSync(join(dir, 'auth-secret'), 'too-short\n');
    expect(() => loadOrCreateFileSecret(dir, 'auth-secret')).toThrow(/shorter than 32 bytes; remove the file/);
  });
});
