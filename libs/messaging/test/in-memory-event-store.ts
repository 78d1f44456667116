import { createHash } from 'node:crypto';
import {
  WrongExpectedVersionError,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type StoredEvent,
  type SubscribeAllOptions,
  type Subscription,
} from '@cafeia/event-store';

/**
 * A small in-memory EventStore for the messaging tests: a gap-free global log (positions 1, 2, 3…)
 * and a catch-up-then-live subscription that honours the port's promises (in order, batches, next
 * batch only after the handler resolved, a handler failure ends it).
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: StoredEvent[] = [];
  private readonly versions = new Map<string, number>();
  private readonly lastHash = new Map<string, string>();
  private wake = new Set<() => void>();

  async append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    const actual = this.versions.get(streamId) ?? -1;
    const expected = expectedVersion === 'no_stream' ? -1 : expectedVersion;
    if (expected !== 'any' && expected !== actual) throw new WrongExpectedVersionError(streamId, expectedVersion, actual);
    let version = actual;
    for (const event of events) {
      version += 1;
      const previousHash = this.lastHash.get(streamId) ?? '0'.repeat(64);
      const chainHash = createHash('sha256').update(previousHash).update(JSON.stringify(event)).digest('hex');
      this.lastHash.set(streamId, chainHash);
      this.log.push({
        eventId: event.eventId,
        streamId,
        streamVersion: version,
        position: String(this.log.length + 1),
        type: event.type,
        data: event.data,
        metadata: { ...event.metadata, schemaVersion: event.schemaVersion ?? 1, chainHash },
      });
    }
    this.versions.set(streamId, version);
    const wake = this.wake;
    this.wake = new Set();
    for (const resolve of wake) resolve();
    return { nextExpectedVersion: version, position: String(this.log.length) };
  }

  async readStream(streamId: string, fromVersion = 0): Promise<StoredEvent[]> {
    return this.log.filter((e) => e.streamId === streamId && e.streamVersion >= fromVersion);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const start = options.after === undefined ? 0 : Number(options.after);
    return this.log.slice(start, options.limit === undefined ? undefined : start + options.limit);
  }

  subscribeAll(handler: (batch: StoredEvent[]) => Promise<void>, options: SubscribeAllOptions = {}): Subscription {
    let closed = false;
    let stopWaiting: (() => void) | null = null;
    const batchSize = options.batchSize ?? 100;
    const run = async (): Promise<void> => {
      let after = options.after === undefined ? 0 : Number(options.after);
      while (!closed) {
        const batch = this.log.slice(after, after + batchSize);
        if (batch.length === 0) {
          await new Promise<void>((resolve) => {
            stopWaiting = resolve;
            this.wake.add(resolve);
          });
          continue;
        }
        await handler(batch);
        after += batch.length;
      }
    };
    const done = run();
    done.catch(() => undefined); // observed by the caller through `done`
    return {
      done,
      close: async () => {
        closed = true;
        stopWaiting?.();
        await done.catch(() => undefined);
      },
    };
  }

  async headPosition(): Promise<string | null> {
    return this.log.length === 0 ? null : String(this.log.length);
  }

  async close(): Promise<void> {}
}
