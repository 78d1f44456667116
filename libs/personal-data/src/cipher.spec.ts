import { randomBytes } from 'node:crypto';
import { openPersonalData, PersonalDataTampered, sealPersonalData } from './cipher';

describe('sealing personal data', () => {
  const key = randomBytes(32);
  const ada = { email: 'ada@example.org', phone: '+33612345678', name: 'Ada Lovelace' };

  it('opens what it sealed', () => {
    expect(openPersonalData(key, sealPersonalData(key, ada))).toEqual(ada);
    expect(openPersonalData(key, sealPersonalData(key, { phone: '+33612345678' }))).toEqual({ phone: '+33612345678' });
    expect(openPersonalData(key, sealPersonalData(key, { name: 'Zoë Ærøskøbing 李' }))).toEqual({ name: 'Zoë Ærøskøbing 李' });
  });

  it('keeps no field that was not given', () => {
    expect(openPersonalData(key, sealPersonalData(key, { email: 'ada@example.org', name: undefined }))).toEqual({ email: 'ada@example.org' });
  });

  it('is base64 of a 12-byte iv, a 16-byte tag and the ciphertext, with no clear text in it', () => {
    const sealed = sealPersonalData(key, ada);
    const bytes = Buffer.from(sealed, 'base64');
    expect(bytes.toString('base64')).toBe(sealed);
    expect(bytes.length).toBe(12 + 16 + Buffer.byteLength(JSON.stringify(ada)));
    expect(bytes.includes(Buffer.from('ada'))).toBe(false);
    expect(sealed).not.toContain('ada');
  });

  it('seals the same data differently each time (random iv)', () => {
    expect(sealPersonalData(key, ada)).not.toBe(sealPersonalData(key, ada));
  });

  it('gives nothing without a key: the person was erased', () => {
    expect(openPersonalData(null, sealPersonalData(key, ada))).toBeNull();
  });

  it('refuses to open with another key', () => {
    expect(() => openPersonalData(randomBytes(32), sealPersonalData(key, ada))).toThrow(PersonalDataTampered);
  });

  it('refuses a blob altered anywhere', () => {
    const bytes = Buffer.from(sealPersonalData(key, ada), 'base64');
    for (const at of [0, 12, 28, bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[at] ^= 0x01;
      expect(() => openPersonalData(key, altered.toString('base64'))).toThrow(PersonalDataTampered);
    }
    expect(() => openPersonalData(key, bytes.subarray(0, 20).toString('base64'))).toThrow(PersonalDataTampered);
  });

  it('needs a 256-bit key', () => {
    expect(() => sealPersonalData(randomBytes(16), ada)).toThrow(/32 bytes/);
  });
});
