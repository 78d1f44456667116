import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { InMemoryPersonalDataVault } from './in-memory-vault';
import { normaliseEmail, normalisePhone, type Contacts } from './normalise';
import { candidateParticipantId, contactHashes, resolveParticipant, uuidV8 } from './participant-identity';

const secret = Buffer.from('a-test-secret-of-at-least-32-bytes!!', 'utf8');
const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const idOf = (raw: { email?: string; phone?: string }) => {
  const contacts: Contacts = {};
  if (raw.email !== undefined) contacts.email = normaliseEmail(raw.email) ?? undefined;
  if (raw.phone !== undefined) contacts.phone = normalisePhone(raw.phone) ?? undefined;
  return candidateParticipantId(secret, contacts);
};

describe('participant id', () => {
  it('is the same for the same email in a different case and with spaces around it', () => {
    expect(idOf({ email: '  Ada.Lovelace@EXAMPLE.org ' })).toBe(idOf({ email: 'ada.lovelace@example.org' }));
  });

  it('is the same for a French phone in national form and in E.164', () => {
    expect(idOf({ phone: '06 12 34 56 78' })).toBe(idOf({ phone: '+33612345678' }));
    expect(idOf({ phone: '0033 6 12 34 56 78' })).toBe(idOf({ phone: '+33612345678' }));
  });

  it('comes from the email when there is one, else from the phone', () => {
    expect(idOf({ email: 'ada@example.org', phone: '0612345678' })).toBe(idOf({ email: 'ada@example.org' }));
    expect(idOf({ email: 'ada@example.org', phone: '0612345678' })).not.toBe(idOf({ phone: '0612345678' }));
  });

  it('differs between people', () => {
    expect(idOf({ email: 'ada@example.org' })).not.toBe(idOf({ email: 'bob@example.org' }));
    expect(idOf({ phone: '0612345678' })).not.toBe(idOf({ phone: '0612345679' }));
  });

  it('depends on the secret, so it cannot be computed from the email alone', () => {
    const contacts = { email: 'ada@example.org' };
    expect(candidateParticipantId(randomBytes(32), contacts)).not.toBe(candidateParticipantId(secret, contacts));
  });

  it('is a version 8 UUID with the RFC 9562 variant, whatever the digest', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 32 }), (digest) => {
        expect(uuidV8(digest)).toMatch(UUID_V8);
      }),
    );
    expect(idOf({ email: 'ada@example.org' })).toMatch(UUID_V8);
  });

  it('refuses a secret too short to protect phone numbers from brute force', () => {
    expect(() => candidateParticipantId(Buffer.alloc(16, 1), { email: 'ada@example.org' })).toThrow(/32 bytes/);
  });

  it('needs an email or a phone', () => {
    expect(() => candidateParticipantId(secret, {})).toThrow();
  });
});

describe('contact hashes', () => {
  it('name the kind of contact and never contain the contact itself', () => {
    const hashes = contactHashes(secret, { email: 'ada@example.org', phone: '+33612345678' });
    expect(hashes.email).toMatch(/^email:[0-9a-f]{64}$/);
    expect(hashes.phone).toMatch(/^phone:[0-9a-f]{64}$/);
    expect(hashes.all).toEqual([hashes.email, hashes.phone]);
    expect(hashes.all.join(' ')).not.toMatch(/ada|example|612345678/);
  });

  it('differ for an email and a phone written alike', () => {
    const same = '+33612345678';
    expect(contactHashes(secret, { email: same }).email!.slice(6)).not.toBe(contactHashes(secret, { phone: same }).phone!.slice(6));
  });

  it('are the same for the same contact on every call', () => {
    expect(contactHashes(secret, { phone: '+33612345678' })).toEqual(contactHashes(secret, { phone: '+33612345678' }));
  });
});

describe('recognising a participant', () => {
  let vault: InMemoryPersonalDataVault;
  beforeEach(() => {
    vault = new InMemoryPersonalDataVault();
  });

  /** resolve, then remember as the enrolment handler does once the registration is stored */
  const enrol = async (contacts: Contacts) => {
    const resolved = await resolveParticipant(vault, secret, contacts);
    await vault.remember(resolved.contactHashes, resolved.participantId);
    return resolved;
  };

  it('a newcomer gets the deterministic id and is not recognised', async () => {
    const resolved = await resolveParticipant(vault, secret, { email: 'ada@example.org' });
    expect(resolved).toEqual({
      participantId: candidateParticipantId(secret, { email: 'ada@example.org' }),
      contactHashes: contactHashes(secret, { email: 'ada@example.org' }).all,
      recognised: false,
    });
  });

  it('a person enrolled with email and phone is recognised by the phone alone', async () => {
    const first = await enrol({ email: 'ada@example.org', phone: '+33612345678' });
    const later = await enrol({ phone: '+33612345678' });
    expect(later.participantId).toBe(first.participantId);
    expect(later.recognised).toBe(true);
  });

  it('a person enrolled by phone who later adds an email keeps the id, and is then known by that email alone', async () => {
    const first = await enrol({ phone: '+33612345678' });
    const withEmail = await enrol({ email: 'ada@example.org', phone: '+33612345678' });
    const byEmail = await enrol({ email: 'ada@example.org' });
    expect(withEmail.participantId).toBe(first.participantId);
    expect(byEmail.participantId).toBe(first.participantId);
  });

  it('two people sharing a phone but not an email stay two people', async () => {
    const ada = await enrol({ email: 'ada@example.org', phone: '+33612345678' });
    const bob = await enrol({ email: 'bob@example.org', phone: '+33612345678' });
    expect(bob.participantId).not.toBe(ada.participantId);
    expect(bob.participantId).toBe(candidateParticipantId(secret, { email: 'bob@example.org' }));
    // the phone keeps pointing at whoever gave it first
    expect((await resolveParticipant(vault, secret, { phone: '+33612345678' })).participantId).toBe(ada.participantId);
  });

  it('a known email wins over a phone known for someone else', async () => {
    const ada = await enrol({ email: 'ada@example.org' });
    await enrol({ phone: '+33612345678' });
    expect((await enrol({ email: 'ada@example.org', phone: '+33612345678' })).participantId).toBe(ada.participantId);
  });

  it('after erasure the person is no longer in the index', async () => {
    const first = await enrol({ phone: '+33612345678', email: 'ada@example.org' });
    await vault.destroyKey(first.participantId);
    expect(await vault.lookup(first.contactHashes)).toBeNull();
    expect((await resolveParticipant(vault, secret, { phone: '+33612345678' })).recognised).toBe(false);
  });
});
