import { randomBytes, randomUUID } from 'node:crypto';
import { openPersonalData, sealPersonalData } from './cipher';
import type { KekOptions } from './key-wrapping';
import type { KekRotationReport } from './kysely-vault';
import type { PersonalDataVault } from './vault';

/** a vault that can wrap its keys again under a new key-encryption key */
type RotatableVault = PersonalDataVault & { rotateKek(): Promise<KekRotationReport> };
import { vaultContract } from './vault.contract';

/**
 * What a vault adapter must do with a key-encryption key. `open(kek)` opens the SAME storage each time, with
 * the KEK(s) given; the storage must be empty at the start and used by this suite alone (a rotation re-wraps
 * every row).
 */
export function vaultKekContract(open: (kek: KekOptions) => Promise<RotatableVault>): void {
  const kek = randomBytes(32);
  const next = randomBytes(32);

  describe('with a key-encryption key, the whole contract', () => {
    vaultContract(() => open({ kek }));
  });

  const sealedFor = async (vault: RotatableVault) => {
    const person = randomUUID();
    const sealed = sealPersonalData(await vault.ensureKey(person), { email: 'camille@example.org', name: 'Camille' });
    return { person, sealed };
  };

  it('without its key-encryption key the vault opens nothing: neither keys nor secrets', async () => {
    const vault = await open({ kek });
    const { person, sealed } = await sealedFor(vault);
    const secret = await vault.loadOrCreateSecret('participant-id');
    await vault.close();

    const copy = await open({});
    await expect(copy.getKey(person)).rejects.toThrow(/VAULT_KEK/);
    await expect(copy.loadOrCreateSecret('participant-id')).rejects.toThrow(/VAULT_KEK/);
    await copy.close();

    const wrongKek = await open({ kek: randomBytes(32) });
    await expect(wrongKek.getKey(person)).rejects.toThrow(/VAULT_KEK_PREVIOUS/);
    await wrongKek.close();

    const again = await open({ kek });
    expect(openPersonalData(await again.getKey(person), sealed)).toEqual({ email: 'camille@example.org', name: 'Camille' });
    expect((await again.loadOrCreateSecret('participant-id')).equals(secret)).toBe(true);
    await again.close();
  });

  it('wraps the key of a person registered with their contacts in one write, as any other key', async () => {
    const vault = await open({ kek });
    const person = randomUUID();
    await vault.ensureKeyAndRemember(person, [`email:${person}`]);
    await vault.close();
    const copy = await open({});
    await expect(copy.getKey(person)).rejects.toThrow(/VAULT_KEK/);
    await copy.close();
  });

  it('keys stored before a KEK was given stay readable, and rotation wraps them', async () => {
    const before = await open({});
    const { person, sealed } = await sealedFor(before);
    await before.close();

    const withKek = await open({ kek });
    expect(openPersonalData(await withKek.getKey(person), sealed)?.name).toBe('Camille');
    const report = await withKek.rotateKek();
    expect(report.rewrapped).toBeGreaterThanOrEqual(1);
    expect((await withKek.rotateKek()).rewrapped).toBe(0); // resumable: nothing left to do
    await withKek.close();

    const withoutKek = await open({});
    await expect(withoutKek.getKey(person)).rejects.toThrow(/VAULT_KEK/);
    await withoutKek.close();
  });

  it('rotates from one KEK to the next: afterwards the old one alone opens nothing', async () => {
    const vault = await open({ kek });
    const { person, sealed } = await sealedFor(vault);
    await vault.close();

    const rotating = await open({ kek: next, previousKek: kek });
    expect(openPersonalData(await rotating.getKey(person), sealed)?.email).toBe('camille@example.org'); // served during the rotation
    const { rewrapped } = await rotating.rotateKek();
    expect(rewrapped).toBeGreaterThanOrEqual(1);
    await rotating.close();

    const rotated = await open({ kek: next });
    expect(openPersonalData(await rotated.getKey(person), sealed)?.email).toBe('camille@example.org');
    await rotated.close();
    const old = await open({ kek });
    await expect(old.getKey(person)).rejects.toThrow(/VAULT_KEK_PREVIOUS/);
    await old.close();
  });

  it('a key destroyed stays destroyed whatever the KEK', async () => {
    const vault = await open({ kek: next });
    const { person, sealed } = await sealedFor(vault);
    await vault.destroyKey(person);
    expect(await vault.getKey(person)).toBeNull();
    expect(openPersonalData(await vault.getKey(person), sealed)).toBeNull();
    await vault.close();
  });

  it('refuses to rotate without a new KEK', async () => {
    const vault = await open({});
    await expect(vault.rotateKek()).rejects.toThrow(/VAULT_KEK/);
    await vault.close();
  });
}
