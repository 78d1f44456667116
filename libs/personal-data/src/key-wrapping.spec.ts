import { randomBytes } from 'node:crypto';
import { KeyWrapping, VaultKeyUnavailable } from './key-wrapping';

describe('wrapping keys with a key-encryption key', () => {
  const kek = randomBytes(32);
  const key = randomBytes(32);

  it('unwraps what it wrapped, and the wrapped bytes do not hold the key', () => {
    const wrapping = new KeyWrapping(kek);
    const wrapped = wrapping.wrap(key, 'participant:p-1');
    expect(wrapped).toHaveLength(69);
    expect(wrapped.includes(key)).toBe(false);
    expect(wrapping.unwrap(wrapped, 'participant:p-1').equals(key)).toBe(true);
    expect(wrapping.stateOf(wrapped)).toBe('current');
  });

  it('wraps the same key differently each time (random nonce)', () => {
    const wrapping = new KeyWrapping(kek);
    expect(wrapping.wrap(key, 'participant:p-1').equals(wrapping.wrap(key, 'participant:p-1'))).toBe(false);
  });

  it('refuses a wrapped key moved to another row', () => {
    const wrapping = new KeyWrapping(kek);
    const wrapped = wrapping.wrap(key, 'participant:p-1');
    expect(() => wrapping.unwrap(wrapped, 'participant:p-2')).toThrow(VaultKeyUnavailable);
  });

  it('cannot open a wrapped key without its KEK, nor with another one', () => {
    const wrapped = new KeyWrapping(kek).wrap(key, 'participant:p-1');
    expect(() => KeyWrapping.none.unwrap(wrapped, 'participant:p-1')).toThrow(/set VAULT_KEK/);
    expect(() => new KeyWrapping(randomBytes(32)).unwrap(wrapped, 'participant:p-1')).toThrow(/VAULT_KEK_PREVIOUS/);
  });

  it('opens what a previous KEK wrapped, and says it is not under the current one', () => {
    const previous = new KeyWrapping(kek).wrap(key, 'secret:participant-id');
    const rotating = new KeyWrapping(randomBytes(32), [kek]);
    expect(rotating.unwrap(previous, 'secret:participant-id').equals(key)).toBe(true);
    expect(rotating.stateOf(previous)).toBe('other');
  });

  it('reads a key stored unwrapped (before a KEK was given) as it is', () => {
    expect(new KeyWrapping(kek).unwrap(key, 'participant:p-1').equals(key)).toBe(true);
    expect(new KeyWrapping(kek).stateOf(key)).toBe('unwrapped');
    expect(KeyWrapping.none.wrap(key, 'participant:p-1').equals(key)).toBe(true);
  });

  it('refuses a KEK that is not 32 bytes', () => {
    expect(() => new KeyWrapping(randomBytes(16))).toThrow(/32 bytes/);
  });
});
