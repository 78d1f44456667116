import { describeOnBothDialects } from '@cafeia/database/testing';
import type { StoredEvent } from '@cafeia/event-store';
import { encode, type PublishableMessage } from '@cafeia/messaging';
import { EventLog, on } from '@cafeia/projections/testing';
import { freshReadSide, type ReadSide } from '@cafeia/projections/testing';
import { BatchHandler, ConsumedBatch } from './batch-handler';
import type { JsonLog } from '@cafeia/observability';
import { ProjectorMetrics } from './projector-metrics';
import { WatermarkStore } from './watermark/watermark-store';

const TOPIC = 'cafeia.events';
const silent: JsonLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** the log of a café in Lyon attended by three people, with the chain hashes the decoder insists on */
function cafeLog(): StoredEvent[] {
  const log = new EventLog().add(
    on.structureRegistered('s1', '69123'),
    on.cafeScheduled('c1', { structureId: 's1', communeCode: '69123', startsAt: '2026-05-01T10:00:00.000Z' }),
    on.attended('c1', 'p1'),
    on.attended('c1', 'p2'),
    on.headcount('c1', 5),
    on.attended('c1', 'p3'),
  );
  return log.events.map((e) => ({ ...e, metadata: { ...e.metadata, chainHash: 'a'.repeat(64) } }));
}

/** what the relay puts on Kafka: each event chained to the one before it in the global log */
const messages = (events: StoredEvent[], from = 0) =>
  events.map((event, i) => ({ ...encode(event, i + from === 0 ? null : String(i + from)), offset: String(i + from) }));

describeOnBothDialects('a Kafka batch applied by the projector', (dialect) => {
  let side: ReadSide;
  let handler: BatchHandler;
  let deadLetters: { topic: string; messages: PublishableMessage[] }[];
  let watermark: WatermarkStore;

  beforeEach(async () => {
    side = await freshReadSide(dialect, { engine: { writers: 'shared' } });
    watermark = new WatermarkStore(side.db);
    await watermark.ensureTable();
    deadLetters = [];
    handler = new BatchHandler({
      target: async () => ({ generation: 'test', db: side.db, engine: side.engine, watermark }),
      deadLetters: { publish: async (topic, msgs) => void deadLetters.push({ topic, messages: msgs }) },
      log: silent,
      metrics: new ProjectorMetrics(),
    });
  });

  const batch = (partition: number, msgs: ConsumedBatch['messages']): ConsumedBatch => ({ topic: TOPIC, partition, messages: msgs });

  it('applies the events and moves "applied up to" to the last one', async () => {
    const outcome = await handler.handle(batch(0, messages(cafeLog())));
    expect(outcome).toMatchObject({ applied: 6, duplicates: 0, deadLettered: 0 });
    expect(outcome.watermark).toMatchObject({ position: '6', events: 6 });
    expect((await side.queries.progress()).figures).toMatchObject({ distinctParticipants: 3, anonymousAttendees: 5, peopleReached: 8, cafesHeld: 1 });
    expect(await side.queries.position()).toEqual({ position: '6', at: '2026-01-01T00:00:00.000Z' });
  });

  it('counts a redelivered batch once', async () => {
    const all = messages(cafeLog());
    await handler.handle(batch(0, all.slice(0, 4)));
    const again = await handler.handle(batch(0, all));
    expect(again).toMatchObject({ applied: 2, duplicates: 4 });
    expect((await side.queries.progress()).figures.peopleReached).toBe(8);
  });

  it('does not claim an event applied while an earlier one is still on another partition', async () => {
    const all = messages(cafeLog());
    // events 1-2 on partition 0; 3 on partition 1 (not consumed yet); 4-6 on partition 2
    await handler.handle(batch(0, all.slice(0, 2)));
    const ahead = await handler.handle(batch(2, all.slice(3)));
    expect(ahead.applied).toBe(3);
    expect(ahead.watermark.position).toBe('2');
    expect((await side.queries.position()).position).toBe('2');
    expect(await watermark.pending()).toBe(3);

    const caughtUp = await handler.handle(batch(1, all.slice(2, 3)));
    expect(caughtUp.watermark).toMatchObject({ position: '6', events: 6 });
    expect(await watermark.pending()).toBe(0);
    expect((await side.queries.progress()).figures.peopleReached).toBe(8);
  });

  it('sets aside what is not an event envelope, with its offset, and applies the rest', async () => {
    const all = messages(cafeLog());
    const truncated = { key: all[2].key, value: all[2].value.slice(0, 40), headers: all[2].headers, offset: '2' };
    const unknown = { ...encode({ ...cafeLog()[2], type: 'CafeTeleported' }, '2'), offset: '3' };
    const wrongSchema = { key: 'cafe-c1', value: JSON.stringify({ hello: 'world' }), offset: '4' };
    const outcome = await handler.handle(batch(0, [all[0], all[1], truncated, unknown, wrongSchema]));
    expect(outcome).toMatchObject({ applied: 2, deadLettered: 3 });
    expect(deadLetters.map((d) => d.topic)).toEqual(['cafeia.events.dlq', 'cafeia.events.dlq', 'cafeia.events.dlq']);
    expect(deadLetters.map((d) => d.messages[0].headers?.cafeia_dlq_original_offset)).toEqual(['2', '3', '4']);
    expect((await side.queries.progress()).figures.peopleReached).toBe(0);
    expect((await side.queries.position()).position).toBe('2');
  });
});
