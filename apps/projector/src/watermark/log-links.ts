import { comparePositions } from '@cafeia/event-store';

/**
 * One event's place in the store's global log as the relay saw it: its position and the position of
 * the event just before it (`cafeia_previous_position`; null for the very first event).
 */
export interface LogLink {
  position: string;
  previous: string | null;
  /** recordedAt of the event, for `asOf.at` */
  recordedAt: string;
}

export interface Watermark {
  /** every event of the log at or before this position is applied; null: not even the first one */
  position: string | null;
  /** recordedAt of the event at `position` */
  at: string | null;
  /** how many events the watermark has passed, in total */
  events: number;
}

/**
 * Moves the watermark along the chain of applied events: from W, the applied event whose previous
 * position is W is next, and so on until the chain breaks (an event not applied yet, typically one
 * still queued on another partition). Positions are not contiguous on EventStoreDB and partitions are
 * consumed independently, so only these links (not position arithmetic, not per-partition maxima) can
 * prove that nothing before a position is missing.
 *
 * Pure: returns the new watermark and the links it passed (to be forgotten).
 */
export function advance(watermark: Watermark, pending: Iterable<LogLink>): { watermark: Watermark; passed: LogLink[] } {
  const byPrevious = new Map<string, LogLink>();
  for (const link of pending) {
    if (watermark.position !== null && comparePositions(link.position, watermark.position) <= 0) continue;
    byPrevious.set(link.previous ?? '', link);
  }
  const passed: LogLink[] = [];
  let { position, at, events } = watermark;
  for (let next = byPrevious.get(position ?? ''); next; next = byPrevious.get(position ?? '')) {
    passed.push(next);
    position = next.position;
    at = next.recordedAt;
    events += 1;
  }
  return { watermark: { position, at, events }, passed };
}

/** the links not yet passed by the watermark (a redelivered event's link is already behind it) */
export function stillAhead(links: readonly LogLink[], watermark: string | null): LogLink[] {
  return watermark === null ? [...links] : links.filter((link) => comparePositions(link.position, watermark) > 0);
}
