/**
 * What an append to an EventStoreDB stream must know about the stream before writing: its last revision
 * and chain hash (to chain the new events) and the event ids already in it (EventStoreDB accepts a
 * repeated id when the expected revision is the current one, and the port refuses it).
 *
 * Kept per stream for the streams this process appended to recently, and brought up to date before
 * every append by reading only the events after the known revision — other processes may have
 * appended since. A stream never read before is read in full once.
 */
export interface StreamTail {
  /** revision of the last event, -1 when the stream has none */
  revision: number;
  /** chain hash of the last event, null when the stream has none */
  chainHash: string | null;
  eventIds: ReadonlySet<string>;
}

export interface TailEvent {
  eventId: string;
  streamVersion: number;
  chainHash: string;
}

export const EMPTY_TAIL: StreamTail = { revision: -1, chainHash: null, eventIds: new Set() };

/** A bounded map of stream → tail; the least recently used streams are forgotten first. */
export class StreamTails {
  private readonly tails = new Map<string, StreamTail>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): StreamTail {
    const tail = this.tails.get(streamId);
    if (!tail) return EMPTY_TAIL;
    // re-insert: Map keeps insertion order, which makes the first key the least recently used
    this.tails.delete(streamId);
    this.tails.set(streamId, tail);
    return tail;
  }

  /**
   * Extends `base` (the tail the events were read after) with events that follow it, in revision
   * order. Starts from the cached tail instead when another refresh got further meanwhile, skipping
   * events it already holds, so concurrent refreshes of one stream never move its tail backwards.
   */
  extend(streamId: string, base: StreamTail, events: readonly TailEvent[]): StreamTail {
    const cached = this.get(streamId);
    const known = cached.revision >= base.revision ? cached : base;
    let { revision, chainHash } = known;
    let eventIds: Set<string> | undefined;
    for (const event of events) {
      if (event.streamVersion <= revision) continue;
      if (event.streamVersion !== revision + 1) {
        throw new Error(`stream ${streamId}: read revision ${event.streamVersion} right after ${revision}`);
      }
      eventIds ??= new Set(known.eventIds);
      eventIds.add(event.eventId);
      revision = event.streamVersion;
      chainHash = event.chainHash;
    }
    if (!eventIds) return known;
    const tail: StreamTail = { revision, chainHash, eventIds };
    this.tails.set(streamId, tail);
    if (this.tails.size > this.capacity) this.tails.delete(this.tails.keys().next().value as string);
    return tail;
  }
}
