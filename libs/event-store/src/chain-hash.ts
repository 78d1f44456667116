/**
 * Tamper evidence: every stored event carries a chain hash,
 *   sha256_hex( previous chain hash in the stream (or 64 zeros) ‖ canonicalJson(content) ),
 * where content = { eventId, streamId, streamVersion, type, schemaVersion, data, metadata } and metadata is
 * the stored metadata without `chainHash`. The global position is not hashed: EventStoreDB assigns it
 * after the write. Editing any hashed field of a stored event breaks its hash; deleting or reordering
 * events breaks the next one's.
 */
import * as crypto from 'node:crypto';
import type { StoredEvent } from './event-store.port';

export const GENESIS_CHAIN_HASH = '0'.repeat(64);

// crypto.hash (Node ≥ 20.12) is a one-shot digest about twice as fast as createHash for short inputs
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785 does), no whitespace.
 * Same conventions as JSON.stringify for what JSON cannot hold (undefined object members dropped,
 * undefined array items and non-finite numbers as null, `toJSON` honoured), so that
 * canonicalJson(x) === canonicalJson(JSON.parse(canonicalJson(x))): what is hashed at append time is
 * what a reader re-hashes after the store's JSON round trip.
 */
export function canonicalJson(value: unknown): string {
  const json = write(value);
  if (json === undefined) throw new TypeError(`canonicalJson: ${typeof value} is not representable in JSON`);
  return json;
}

// Field names repeat from event to event: quote each once. Only short names are kept, and only so many
// (any caller's JSON body is canonicalised, so keys are attacker-chosen): at most 4,096 × 64 characters.
const QUOTED_KEYS_MAX = 4_096;
const QUOTED_KEY_MAX_LENGTH = 64;
const quotedKeys = new Map<string, string>();
const quoteKey = (key: string): string => {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key) + ':';
    if (key.length <= QUOTED_KEY_MAX_LENGTH && quotedKeys.size < QUOTED_KEYS_MAX) quotedKeys.set(key, quoted);
  }
  return quoted;
};

/** for the memory-bound test: how many quoted keys are cached and their total length */
export const quotedKeyCacheSize = (): { entries: number; characters: number } => {
  let characters = 0;
  for (const [key, quoted] of quotedKeys) characters += key.length + quoted.length;
  return { entries: quotedKeys.size, characters };
};

function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: a bigint is not representable in JSON');
    case 'object': {
      if (value === null) return 'null';
      const withToJson = value as { toJSON?: () => unknown };
      if (typeof withToJson.toJSON === 'function') return write(withToJson.toJSON());
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += write(value[i]) ?? 'null';
        }
        return out + ']';
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      // writers often build objects in key order already: skip the sort then (same comparison as sort())
      for (let i = 1; i < keys.length; i++) {
        if (keys[i - 1] > keys[i]) {
          keys.sort();
          break;
        }
      }
      let out = '{';
      let first = true;
      for (const key of keys) {
        const member = write(record[key]);
        if (member === undefined) continue;
        out += (first ? '' : ',') + quoteKey(key) + member;
        first = false;
      }
      return out + '}';
    }
    default:
      // undefined, function, symbol: dropped by the caller, as JSON.stringify does
      return undefined;
  }
}

/** What the chain hash covers. `metadata` may be the stored metadata: its `chainHash` is ignored. */
export interface ChainHashContent {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown> | object;
}

/** The same content with `data` and `metadata` already in canonical JSON (the append path has them). */
export interface CanonicalChainHashContent {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
}

export function computeChainHash(previousChainHash: string | null, content: ChainHashContent): string {
  const { chainHash: _ignored, ...metadata } = content.metadata as Record<string, unknown>;
  return computeChainHashFromCanonical(previousChainHash, {
    eventId: content.eventId,
    streamId: content.streamId,
    streamVersion: content.streamVersion,
    type: content.type,
    schemaVersion: content.schemaVersion,
    dataJson: canonicalJson(content.data),
    metadataJson: canonicalJson(metadata),
  });
}

/**
 * Builds canonicalJson of the content object by concatenation (keys written in sorted order), so the
 * append path serialises `data` once for both storage and hashing.
 */
export function canonicalContent(c: CanonicalChainHashContent): string {
  return (
    '{"data":' + c.dataJson +
    ',"eventId":' + JSON.stringify(c.eventId) +
    ',"metadata":' + c.metadataJson +
    ',"schemaVersion":' + JSON.stringify(c.schemaVersion) +
    ',"streamId":' + JSON.stringify(c.streamId) +
    ',"streamVersion":' + JSON.stringify(c.streamVersion) +
    ',"type":' + JSON.stringify(c.type) +
    '}'
  );
}

export function computeChainHashFromCanonical(previousChainHash: string | null, c: CanonicalChainHashContent): string {
  return sha256Hex((previousChainHash ?? GENESIS_CHAIN_HASH) + canonicalContent(c));
}

export type ChainMismatchReason =
  /** the stored hash is not the hash of the event's content chained to its predecessor */
  | 'chain_hash_mismatch'
  /** the stream's events are not its revisions 0, 1, 2… in order: one is missing, repeated or moved */
  | 'stream_version_gap';

export interface ChainMismatch {
  eventId: string;
  streamId: string;
  streamVersion: number;
  /** the event's global position in the store */
  position: string;
  reason: ChainMismatchReason;
}

export interface ChainVerification {
  ok: boolean;
  /** events whose hash was recomputed before the verification stopped (all of them when ok) */
  eventsChecked: number;
  streamsChecked: number;
  firstMismatch?: ChainMismatch;
}

/**
 * Recomputes the chain of every stream present in `events`. Each stream's events must be complete from
 * revision 0 and in revision order; streams may be interleaved (e.g. a readAll page). Stops at the
 * first mismatch, which names the first event whose stored hash cannot be reproduced.
 */
export function verifyStreamChain(events: readonly StoredEvent[]): ChainVerification {
  const lastHashByStream = new Map<string, { version: number; chainHash: string }>();
  let eventsChecked = 0;
  for (const event of events) {
    const previous = lastHashByStream.get(event.streamId);
    const expectedVersion = previous ? previous.version + 1 : 0;
    const mismatch = (reason: ChainMismatchReason): ChainVerification => ({
      ok: false,
      eventsChecked,
      streamsChecked: lastHashByStream.size + (previous ? 0 : 1),
      firstMismatch: {
        eventId: event.eventId,
        streamId: event.streamId,
        streamVersion: event.streamVersion,
        position: event.position,
        reason,
      },
    });
    if (event.streamVersion !== expectedVersion) return mismatch('stream_version_gap');
    eventsChecked++;
    const recomputed = computeChainHash(previous?.chainHash ?? null, {
      eventId: event.eventId,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      type: event.type,
      schemaVersion: event.metadata.schemaVersion,
      data: event.data,
      metadata: event.metadata,
    });
    if (recomputed !== event.metadata.chainHash) return mismatch('chain_hash_mismatch');
    lastHashByStream.set(event.streamId, { version: event.streamVersion, chainHash: event.metadata.chainHash });
  }
  return { ok: true, eventsChecked, streamsChecked: lastHashByStream.size };
}
