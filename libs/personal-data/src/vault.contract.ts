import { randomUUID } from 'node:crypto';
import { openPersonalData, PersonalDataTampered, sealPersonalData } from './cipher';
import { resolveParticipant } from './participant-identity';
import type { PersonalDataVault } from './vault';

/**
 * The behaviour every PersonalDataVault adapter must have. Call it inside a `describe`;
 * `open()` must open the SAME storage each time it is called (so reopening can be tested).
 * Ids and secret names are random, so the suite can run again on a database that is kept.
 */
export function vaultContract(open: () => Promise<PersonalDataVault>): void {
  let vault: PersonalDataVault;
  beforeEach(async () => {
    vault = await open();
  });
  afterEach(async () => {
    await vault.close();
  });

  const someone = () => randomUUID();
  const secretName = () => `test-${randomUUID()}`;

  it('keeps announced erasures, oldest first, until cleared, also when reopened', async () => {
    const [first, second] = [someone(), someone()];
    await vault.announceErasure(second, '2026-06-02T10:00:00.000Z');
    await vault.announceErasure(first, '2026-06-01T10:00:00.000Z');
    await vault.announceErasure(second, '2026-06-03T10:00:00.000Z');
    const mine = async () => (await vault.pendingErasures()).filter((id) => id === first || id === second);
    expect(await mine()).toEqual([first, second]);
    await vault.clearErasure(first);
    await vault.close();
    vault = await open();
    expect(await mine()).toEqual([second]);
    await vault.clearErasure(second);
    expect(await mine()).toEqual([]);
  });

  it('stores a new person’s key and contact hashes together: the key is theirs, the hashes recognise them', async () => {
    const person = someone();
    const hashes = [`email:${randomUUID()}`, `phone:${randomUUID()}`];
    const key = await vault.ensureKeyAndRemember(person, hashes);
    expect(key).toHaveLength(32);
    expect(await vault.getKey(person)).toEqual(key);
    expect(await vault.ensureKeyAndRemember(person, hashes)).toEqual(key);
    expect(await vault.lookup([hashes[1]])).toBe(person);
    expect(await vault.contactHashesOf(person)).toEqual([...hashes].sort());
  });

  it('gives a person a random 256-bit key and the same key every time after', async () => {
    const person = someone();
    const key = await vault.ensureKey(person);
    expect(key).toHaveLength(32);
    expect((await vault.ensureKey(person)).equals(key)).toBe(true);
    expect((await vault.getKey(person))?.equals(key)).toBe(true);
    expect((await vault.ensureKey(someone())).equals(key)).toBe(false);
  });

  it('agrees on one key when the same person is enrolled twice at once', async () => {
    const person = someone();
    const keys = await Promise.all([vault.ensureKey(person), vault.ensureKey(person), vault.ensureKey(person)]);
    expect(keys[1].equals(keys[0]) && keys[2].equals(keys[0])).toBe(true);
  });

  it('has no key for a person it never saw', async () => {
    expect(await vault.getKey(someone())).toBeNull();
  });

  it('keeps keys and secrets when reopened', async () => {
    const person = someone();
    const name = secretName();
    const key = await vault.ensureKey(person);
    const secret = await vault.loadOrCreateSecret(name);
    await vault.close();
    vault = await open();
    expect((await vault.getKey(person))?.equals(key)).toBe(true);
    expect((await vault.loadOrCreateSecret(name)).equals(secret)).toBe(true);
  });

  it('creates a 256-bit secret once per name', async () => {
    const a = await vault.loadOrCreateSecret(secretName());
    const b = await vault.loadOrCreateSecret(secretName());
    expect(a).toHaveLength(32);
    expect(a.equals(b)).toBe(false);
  });

  it('after destroyKey, what was sealed for the person can no longer be opened', async () => {
    const person = someone();
    const sealed = sealPersonalData(await vault.ensureKey(person), { email: 'ada@example.org', name: 'Ada' });
    expect(openPersonalData(await vault.getKey(person), sealed)).toEqual({ email: 'ada@example.org', name: 'Ada' });

    await vault.destroyKey(person);

    expect(await vault.getKey(person)).toBeNull();
    expect(openPersonalData(await vault.getKey(person), sealed)).toBeNull();
    // coming back later gives a new key, which does not open the old ciphertext either
    const newKey = await vault.ensureKey(person);
    expect(() => openPersonalData(newKey, sealed)).toThrow(PersonalDataTampered);
  });

  it('destroying a key twice, or a key that never existed, is harmless', async () => {
    const person = someone();
    await vault.ensureKey(person);
    await vault.destroyKey(person);
    await expect(vault.destroyKey(person)).resolves.toBeUndefined();
    await expect(vault.destroyKey(someone())).resolves.toBeUndefined();
  });

  it('destroyKey forgets the contact hashes of that person only', async () => {
    const erased = someone();
    const kept = someone();
    const [e1, e2, k1] = [`email:${randomUUID()}`, `phone:${randomUUID()}`, `email:${randomUUID()}`];
    await vault.ensureKey(erased);
    await vault.remember([e1, e2], erased);
    await vault.remember([k1], kept);

    await vault.destroyKey(erased);

    expect(await vault.lookup([e1])).toBeNull();
    expect(await vault.lookup([e2])).toBeNull();
    expect(await vault.contactHashesOf(erased)).toEqual([]);
    expect(await vault.lookup([k1])).toBe(kept);
  });

  it('looks up the participant of the first known hash, in the order given', async () => {
    const a = someone();
    const b = someone();
    const [ha, hb, unknown] = [`email:${randomUUID()}`, `phone:${randomUUID()}`, `email:${randomUUID()}`];
    await vault.remember([ha], a);
    await vault.remember([hb], b);
    expect(await vault.lookup([unknown, hb, ha])).toBe(b);
    expect(await vault.lookup([ha, hb])).toBe(a);
    expect(await vault.lookup([unknown])).toBeNull();
    expect(await vault.lookup([])).toBeNull();
    expect(await vault.contactHashesOf(a)).toEqual([ha]);
  });

  it('a contact hash already indexed keeps its participant', async () => {
    const first = someone();
    const hash = `phone:${randomUUID()}`;
    await vault.remember([hash], first);
    await vault.remember([hash], someone());
    expect(await vault.lookup([hash])).toBe(first);
  });

  it('a person known by email and phone is recognised by the phone alone', async () => {
    const secret = await vault.loadOrCreateSecret(secretName());
    const enrolled = await resolveParticipant(vault, secret, { email: 'ada@example.org', phone: '+33612345678' });
    await vault.remember(enrolled.contactHashes, enrolled.participantId);

    const later = await resolveParticipant(vault, secret, { phone: '+33612345678' });

    expect(later).toMatchObject({ participantId: enrolled.participantId, recognised: true });
  });
}
