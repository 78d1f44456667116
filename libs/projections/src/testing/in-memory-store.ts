import type { EventStore, ReadAllOptions, StoredEvent, SubscribeAllOptions, Subscription } from '@cafeia/event-store';
import { comparePositions } from '@cafeia/event-store';
import type { EventLog } from './event-log';

/** The read half of the EventStore port over an EventLog, enough to test catch-up, live follow and rebuild. */
export class InMemoryLogStore implements Pick<EventStore, 'readAll' | 'subscribeAll' | 'headPosition'> {
  constructor(private readonly log: EventLog) {}

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const after = options.after;
    const from = after === undefined ? this.log.events : this.log.events.filter((e) => comparePositions(e.position, after) > 0);
    return from.slice(0, options.limit ?? from.length);
  }

  async headPosition(): Promise<string | null> {
    return this.log.events.at(-1)?.position ?? null;
  }

  subscribeAll(handler: (batch: StoredEvent[]) => Promise<void>, options: SubscribeAllOptions = {}): Subscription {
    let closed = false;
    let after = options.after;
    const done = (async () => {
      while (!closed) {
        const batch = await this.readAll({ ...(after === undefined ? {} : { after }), limit: options.batchSize ?? 500 });
        if (batch.length === 0) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        await handler(batch);
        after = batch[batch.length - 1].position;
      }
    })();
    return {
      done,
      async close() {
        closed = true;
        await done.catch(() => undefined);
      },
    };
  }
}
