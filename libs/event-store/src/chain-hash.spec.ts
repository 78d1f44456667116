import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalContent, canonicalJson, computeChainHash, GENESIS_CHAIN_HASH, quotedKeyCacheSize } from './chain-hash';

describe('canonicalJson', () => {
  it('keeps memory bounded whatever keys callers send (2,000 bodies with a 60 KB key each)', () => {
    for (let i = 0; i < 2_000; i++) canonicalJson({ [`${i}`.padEnd(60_000, 'k')]: 1 });
    for (let i = 0; i < 20_000; i++) canonicalJson({ [`k${i}`]: 1 });
    const { entries, characters } = quotedKeyCacheSize();
    expect(entries).toBeLessThanOrEqual(4_096);
    expect(characters).toBeLessThan(4_096 * 2 * 70);
  });

  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same text whatever the insertion order of keys', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });

  it('survives a JSON round trip unchanged (what is hashed on append is what a reader re-hashes)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        fc.pre(typeof value !== 'bigint' && !containsBigInt(value));
        let json: string;
        try {
          json = canonicalJson(value);
        } catch {
          return; // undefined, functions and symbols at the top level are not JSON
        }
        expect(canonicalJson(JSON.parse(json))).toBe(json);
      }),
    );
  });

  it('follows JSON.stringify for what JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, NaN, Infinity], c: new Date('2026-01-01T00:00:00Z') })).toBe(
      '{"b":[null,null,null],"c":"2026-01-01T00:00:00.000Z"}',
    );
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

describe('computeChainHash', () => {
  const content = {
    eventId: 'e1',
    streamId: 'funding-f1',
    streamVersion: 0,
    type: 'FundingGranted',
    schemaVersion: 1,
    data: { amount: 1000, currency: 'EUR' },
    metadata: { correlationId: 'c', causationId: null, actor: { sub: 'u', role: 'council' }, recordedAt: '2026-01-01T00:00:00Z', schemaVersion: 1 },
  };

  it('is sha256 of the previous hash (64 zeros for the first event) followed by the canonical content', () => {
    const expected = createHash('sha256').update(GENESIS_CHAIN_HASH + canonicalJson(content)).digest('hex');
    expect(computeChainHash(null, content)).toBe(expected);
    const next = { ...content, eventId: 'e2', streamVersion: 1 };
    expect(computeChainHash(expected, next)).toBe(createHash('sha256').update(expected + canonicalJson(next)).digest('hex'));
  });

  it('ignores a chainHash already in the metadata, and changes with any hashed field', () => {
    const base = computeChainHash(null, content);
    expect(computeChainHash(null, { ...content, metadata: { ...content.metadata, chainHash: 'whatever' } })).toBe(base);
    expect(computeChainHash(null, { ...content, data: { amount: 1001, currency: 'EUR' } })).not.toBe(base);
    expect(computeChainHash(null, { ...content, type: 'FundingRevoked' })).not.toBe(base);
    expect(computeChainHash(null, { ...content, streamVersion: 1 })).not.toBe(base);
    expect(computeChainHash(null, { ...content, metadata: { ...content.metadata, recordedAt: '2026-01-02T00:00:00Z' } })).not.toBe(base);
    expect(computeChainHash('f'.repeat(64), content)).not.toBe(base);
  });

  it('builds by concatenation exactly the canonical JSON of the content object', () => {
    expect(canonicalContent({ ...content, dataJson: canonicalJson(content.data), metadataJson: canonicalJson(content.metadata) })).toBe(
      canonicalJson(content),
    );
  });
});

function containsBigInt(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return false;
  } catch {
    return true;
  }
}
