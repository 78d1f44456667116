/**
 * Hand-built stored events for the audit's specs: what a store would hold, chain hashes included,
 * without a store. Each `record` is one event recorded at the given instant.
 */
import { streams, type DomainEvent } from '@cafeia/domain';
import { computeChainHash, type EventStore, type StoredEvent, type StoredMetadata } from '@cafeia/event-store';

export class EventLog {
  private readonly events: StoredEvent[] = [];
  private nextEventNumber = 1;

  record(streamId: string, event: DomainEvent, recordedAt: string): StoredEvent {
    const previous = this.stream(streamId).at(-1);
    const metadata: Omit<StoredMetadata, 'chainHash'> = {
      correlationId: `corr-${this.nextEventNumber}`,
      causationId: null,
      actor: { sub: 'test', role: 'council' },
      recordedAt,
      schemaVersion: 1,
    };
    const base = {
      eventId: `00000000-0000-4000-8000-${String(this.nextEventNumber).padStart(12, '0')}`,
      streamId,
      streamVersion: previous ? previous.streamVersion + 1 : 0,
      position: String(this.nextEventNumber),
      type: event.type,
      data: JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>,
    };
    const chainHash = computeChainHash(previous?.metadata.chainHash ?? null, { ...base, schemaVersion: 1, metadata });
    const stored: StoredEvent = { ...base, metadata: { ...metadata, chainHash } };
    this.nextEventNumber++;
    this.events.push(stored);
    return stored;
  }

  stream(streamId: string): StoredEvent[] {
    return this.events.filter((e) => e.streamId === streamId);
  }

  all(): StoredEvent[] {
    return [...this.events];
  }

  /** the audit input streams of a funding, read straight from this log */
  auditInput(fundingId: string, funderId: string, structureIds: string[], cafeIds: string[]) {
    return {
      funding: this.stream(streams.funding(fundingId)),
      funder: this.stream(streams.funder(funderId)),
      structures: structureIds.map((id) => this.stream(streams.structure(id))),
      cafes: cafeIds.map((id) => this.stream(streams.cafe(id))),
    };
  }

  /** a read-only EventStore over this log (readStream, readAll) */
  asStore(): Pick<EventStore, 'readStream' | 'readAll'> {
    return {
      readStream: async (streamId, fromVersion = 0) => this.stream(streamId).filter((e) => e.streamVersion >= fromVersion),
      readAll: async ({ after, limit } = {}) => {
        const from = after === undefined ? 0 : Number(after);
        const page = this.events.filter((e) => Number(e.position) > from);
        return limit === undefined ? page : page.slice(0, limit);
      },
    };
  }
}
