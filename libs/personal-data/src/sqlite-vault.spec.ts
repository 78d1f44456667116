import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { openPersonalData, sealPersonalData } from './cipher';
import { openSqliteVault, SQLITE_VAULT_FILE } from './sqlite-vault';
import { vaultContract } from './vault.contract';
import { vaultKekContract } from './vault-kek.contract';
import { GroupCommit } from './group-commit';
import { ThreadedSqliteVault } from './threaded/threaded-vault';
import { Kysely, SqliteDialect, sql } from 'kysely';

/** Every file of the directory (the vault's -wal and -shm included), as raw bytes. */
function filesOf(dir: string): { name: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ name: path, bytes: readFileSync(path) }));
}

/** The files in which a secret appears raw, in hex or in base64. */
function filesHolding(dir: string, secret: Buffer): string[] {
  const forms = [secret, Buffer.from(secret.toString('hex')), Buffer.from(secret.toString('base64'))];
  return filesOf(dir)
    .filter(({ bytes }) => forms.some((form) => bytes.includes(form)))
    .map(({ name }) => name);
}

describe('SQLite personal data vault', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cafeia-vault-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('contract', () => {
    vaultContract(() => openSqliteVault({ dataDir }));
  });

  describe('key-encryption key contract', () => {
    vaultKekContract((kek) => openSqliteVault({ dataDir, ...kek }));
  });

  it('with a KEK, a copy of DATA_DIR alone cannot open a sealed record, and no file holds a key', async () => {
    const kek = randomBytes(32);
    const person = randomUUID();
    const vault = await openSqliteVault({ dataDir, kek });
    const key = await vault.ensureKey(person);
    const sealed = sealPersonalData(key, { email: 'marie.curie@example.fr', name: 'Marie Curie' });
    await vault.close();
    // the search finds keys that are there (see the test without a KEK): here none is
    expect(filesHolding(dataDir, key)).toEqual([]);

    const copy = mkdtempSync(join(tmpdir(), 'cafeia-vault-copy-'));
    try {
      cpSync(dataDir, copy, { recursive: true });
      const stolen = await openSqliteVault({ dataDir: copy });
      await expect(stolen.getKey(person)).rejects.toThrow(/VAULT_KEK/);
      await stolen.close();
      const withKek = await openSqliteVault({ dataDir: copy, kek });
      expect(openPersonalData(await withKek.getKey(person), sealed)).toEqual({ email: 'marie.curie@example.fr', name: 'Marie Curie' });
      await withKek.close();
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('after a rotation from no KEK, no file of DATA_DIR holds the key unwrapped any more', async () => {
    const person = randomUUID();
    const plain = await openSqliteVault({ dataDir });
    const key = await plain.ensureKey(person);
    await plain.close();
    expect(filesHolding(dataDir, key)).not.toEqual([]);
    const vault = await openSqliteVault({ dataDir, kek: randomBytes(32) });
    await vault.rotateKek();
    await vault.close();
    expect(filesHolding(dataDir, key)).toEqual([]);
  });

  describe('key-encryption key contract, in a worker thread', () => {
    vaultKekContract((kek) => ThreadedSqliteVault.open({ dataDir, ...kek }));
  });

  describe('key-encryption key contract, with group commit', () => {
    vaultKekContract((kek) => openSqliteVault({ dataDir, groupCommit: true, ...kek }));
  });

  describe('contract, with group commit', () => {
    vaultContract(() => openSqliteVault({ dataDir, groupCommit: true }));
  });

  describe('contract, in a worker thread', () => {
    vaultContract(() => ThreadedSqliteVault.open({ dataDir }));
  });

  it('lets concurrent writes share transactions, each answered on its own', async () => {
    const vault = await openSqliteVault({ dataDir, groupCommit: true });
    try {
      const people = Array.from({ length: 40 }, () => randomUUID());
      const keys = await Promise.all(people.map((person, i) => vault.ensureKeyAndRemember(person, [`email:${i}-${person}`])));
      expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(40);
      for (const [i, person] of people.entries()) {
        expect(await vault.getKey(person)).toEqual(keys[i]);
        expect(await vault.lookup([`email:${i}-${person}`])).toBe(person);
      }
      expect(vault.stats.writes).toBe(40);
      expect(vault.stats.transactions).toBeLessThan(5);
    } finally {
      await vault.close();
    }
  });

  it('fails only the write that fails when a shared transaction cannot commit', async () => {
    const group = new GroupCommit<any>(new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) }));
    const ok = (n: number) => group.run(async (trx) => (await sql<{ n: number }>`select ${n} as n`.execute(trx)).rows[0].n);
    const bad = group.run(async (trx) => sql`select * from no_such_table`.execute(trx));
    const [one, failed, two] = await Promise.allSettled([ok(1), bad, ok(2)]);
    expect(one).toEqual({ status: 'fulfilled', value: 1 });
    expect(two).toEqual({ status: 'fulfilled', value: 2 });
    expect(failed.status).toBe('rejected');
  });

  it('keeps the keys in keys.db in DATA_DIR, readable by its owner only', async () => {
    const vault = await openSqliteVault({ dataDir });
    await vault.ensureKey(randomUUID());
    await vault.close();
    expect(statSync(join(dataDir, SQLITE_VAULT_FILE)).mode & 0o777).toBe(0o600);
  });

  it('after destroyKey, no byte of the destroyed keys remains in any file of DATA_DIR', async () => {
    const vault = await openSqliteVault({ dataDir });
    // enough people to spread the keys over several b-tree pages and split them
    const people = Array.from({ length: 400 }, () => randomUUID());
    const keys = new Map<string, Buffer>();
    for (const person of people) keys.set(person, await vault.ensureKey(person));
    const erased = people.filter((_, i) => i % 7 === 3);
    const kept = people.filter((_, i) => i % 7 !== 3);
    // the search finds keys that are there: without this the test could not fail
    for (const person of erased) expect(filesHolding(dataDir, keys.get(person)!)).not.toEqual([]);

    for (const person of erased) await vault.destroyKey(person);

    for (const person of erased) expect(filesHolding(dataDir, keys.get(person)!)).toEqual([]);
    for (const person of kept) expect(filesHolding(dataDir, keys.get(person)!)).not.toEqual([]);
    await vault.close();
    for (const person of erased) expect(filesHolding(dataDir, keys.get(person)!)).toEqual([]);
  });

  it('after erasure, neither the key nor the contact can be read from any file, though the ciphertext stays in the events', async () => {
    const person = randomUUID();
    const personalData = { email: 'marie.curie@example.fr', phone: '+33612345678', name: 'Marie Skłodowska-Curie' };
    const vault = await openSqliteVault({ dataDir });
    const key = await vault.ensureKey(person);
    const sealed = sealPersonalData(key, personalData);
    // the event store's file, next to keys.db: only the sealed blob goes there
    const events = new Database(join(dataDir, 'events.db'));
    events.pragma('journal_mode = WAL');
    events.exec('create table events (stream text, data text)');
    events.prepare('insert into events values (?, ?)').run(`participant-${person}`, JSON.stringify({ participantId: person, personalData: sealed }));
    const stored = () => JSON.parse((events.prepare('select data from events').get() as { data: string }).data).personalData as string;
    expect(openPersonalData(await vault.getKey(person), stored())).toEqual(personalData);
    expect(filesHolding(dataDir, key)).toEqual([join(dataDir, `${SQLITE_VAULT_FILE}-wal`)]);

    await vault.destroyKey(person);

    expect(stored()).toBe(sealed);
    expect(openPersonalData(await vault.getKey(person), stored())).toBeNull();
    expect(filesHolding(dataDir, key)).toEqual([]);
    for (const clear of Object.values(personalData)) expect(filesHolding(dataDir, Buffer.from(clear, 'utf8'))).toEqual([]);
    events.close();
    await vault.close();
    expect(filesHolding(dataDir, key)).toEqual([]);
  });
});
