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

describe('the public side and retention', () => {
  const base = () => ({ AUTH_SECRET: 'x'.repeat(MIN_AUTH_SECRET_BYTES), DATA_DIR: folder() });

  it('defaults: cells below 11 hidden, 120 requests a minute, 24 months of retention, no key-encryption key', () => {
    const config = loadConfig(base());
    expect(config).toMatchObject({ openDataMinCell: 11, openDataRefreshSeconds: 600, publicRateLimit: 120, retentionMonths: 24, vaultKek: null, vaultKekPrevious: null });
  });

  it('takes the documented variables, and refuses what is not a count', () => {
    expect(loadConfig({ ...base(), OPEN_DATA_MIN_CELL: '5', PUBLIC_RATE_LIMIT: '0', RETENTION_MONTHS: '36' })).toMatchObject({ openDataMinCell: 5, publicRateLimit: 0, retentionMonths: 36 });
    expect(() => loadConfig({ ...base(), OPEN_DATA_MIN_CELL: '0' })).toThrow(/OPEN_DATA_MIN_CELL/);
    expect(() => loadConfig({ ...base(), RETENTION_MONTHS: 'two years' })).toThrow(/RETENTION_MONTHS/);
  });
});

describe('the vault’s key-encryption key', () => {
  const kek = Buffer.alloc(32, 7).toString('base64');
  const base = () => ({ AUTH_SECRET: 'x'.repeat(MIN_AUTH_SECRET_BYTES), DATA_DIR: folder() });

  it('is read from VAULT_KEK in base64', () => {
    expect(loadConfig({ ...base(), VAULT_KEK: kek }).vaultKek).toEqual(Buffer.alloc(32, 7));
  });

  it('is read from a file outside DATA_DIR', () => {
    const file = join(folder(), 'kek');
    writeFileSync(file, `${kek}\n`, { mode: 0o600 });
    expect(loadConfig({ ...base(), VAULT_KEK_FILE: file }).vaultKek).toEqual(Buffer.alloc(32, 7));
  });

  it('refuses a file inside DATA_DIR: a copy of DATA_DIR would carry the key that opens it', () => {
    const env = base();
    const file = join(env.DATA_DIR, 'kek');
    writeFileSync(file, kek);
    expect(() => loadConfig({ ...env, VAULT_KEK_FILE: file })).toThrow(/outside DATA_DIR/);
  });

  it('refuses a key that is not 32 bytes of base64, both sources at once, and a previous key alone', () => {
    expect(() => loadConfig({ ...base(), VAULT_KEK: Buffer.alloc(16).toString('base64') })).toThrow(/32 bytes in base64/);
    expect(() => loadConfig({ ...base(), VAULT_KEK: `${kek.slice(0, -2)}!=` })).toThrow(/32 bytes in base64/);
    expect(() => loadConfig({ ...base(), VAULT_KEK: kek, VAULT_KEK_FILE: '/nowhere' })).toThrow(/not both/);
    expect(() => loadConfig({ ...base(), VAULT_KEK_PREVIOUS: kek })).toThrow(/set VAULT_KEK too/);
  });

  it('keeps the previous key while rotating', () => {
    const previous = Buffer.alloc(32, 9).toString('base64');
    expect(loadConfig({ ...base(), VAULT_KEK: kek, VAULT_KEK_PREVIOUS: previous }).vaultKekPrevious).toEqual(Buffer.alloc(32, 9));
  });
});
