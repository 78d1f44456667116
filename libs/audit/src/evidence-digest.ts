/**
 * `evidence.digest`: sha256 over canonicalJson of the ordered list of
 * {streamId, streamVersion, eventId, chainHash} of every event the report used, sorted by
 * (streamId, streamVersion). The chain hash listed is the one RECOMPUTED from the events' content
 * (chained from revision 0 of each full stream): on an intact store it equals the stored hash, and an
 * event edited in place (stored hash left as it was) still changes the digest.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, computeChainHash, type StoredEvent } from '@cafeia/event-store';

export interface EvidenceEntry {
  streamId: string;
  streamVersion: number;
  eventId: string;
  chainHash: string;
}

/** Each event's chain hash as recomputed from content, chained over its (full, ordered) stream. */
export function recomputedChainHashes(stream: readonly StoredEvent[]): Map<StoredEvent, string> {
  const hashes = new Map<StoredEvent, string>();
  let previous: string | null = null;
  for (const event of [...stream].sort((a, b) => a.streamVersion - b.streamVersion)) {
    const hash = computeChainHash(previous, {
      eventId: event.eventId,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      type: event.type,
      schemaVersion: event.metadata.schemaVersion,
      data: event.data,
      metadata: event.metadata,
    });
    hashes.set(event, hash);
    previous = hash;
  }
  return hashes;
}

const byStreamThenVersion = (a: EvidenceEntry, b: EvidenceEntry): number =>
  a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : a.streamVersion - b.streamVersion;

/** `streams`: full streams; `used`: which of their events the report was computed from */
export function evidenceOf(streams: readonly (readonly StoredEvent[])[], used: (event: StoredEvent) => boolean): { events: number; streams: number; digest: string } {
  const entries: EvidenceEntry[] = [];
  const streamIds = new Set<string>();
  for (const stream of streams) {
    const hashes = recomputedChainHashes(stream);
    for (const event of stream) {
      if (!used(event)) continue;
      streamIds.add(event.streamId);
      entries.push({ streamId: event.streamId, streamVersion: event.streamVersion, eventId: event.eventId, chainHash: hashes.get(event)! });
    }
  }
  entries.sort(byStreamThenVersion);
  return {
    events: entries.length,
    streams: streamIds.size,
    digest: createHash('sha256').update(canonicalJson(entries)).digest('hex'),
  };
}
