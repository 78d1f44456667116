/**
 * Which cafés belong to which structures. The audit reads each café's stream, so it needs their ids;
 * the read models keep that index (they provide the production implementation).
 */
import type { EventStore } from '@cafeia/event-store';

export interface CafeDirectory {
  /** ids of every café ever scheduled by one of these structures (order irrelevant, no duplicates) */
  cafeIdsOfStructures(structureIds: string[]): Promise<string[]>;
}

/**
 * Scans the whole global log for CafeScheduled events: O(events in the store) per call. Fine for tests
 * and small stores; production uses the read models' index.
 */
export class EventScanCafeDirectory implements CafeDirectory {
  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly pageSize = 1000,
  ) {}

  async cafeIdsOfStructures(structureIds: string[]): Promise<string[]> {
    const wanted = new Set(structureIds);
    const cafeIds = new Set<string>();
    let after: string | undefined;
    for (;;) {
      const page = await this.store.readAll({ after, limit: this.pageSize });
      for (const event of page) {
        // a café's structure is set when it is scheduled and never changes
        if (event.type === 'CafeScheduled' && wanted.has(String(event.data.structureId))) cafeIds.add(String(event.data.cafeId));
      }
      if (page.length < this.pageSize) return [...cafeIds];
      after = page[page.length - 1].position;
    }
  }
}
