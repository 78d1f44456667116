/**
 * The behaviour every EventStore adapter must have, written against the port only.
 *
 * Usable against a fresh store per test or a shared server (EventStoreDB): every test writes to
 * streams of its own (random ids) and looks at the global log only after the head it saw first,
 * filtered to its own streams. Positions are compared with `comparePositions`, never assumed
 * contiguous.
 */
import { randomUUID } from 'node:crypto';
import { computeChainHash, verifyStreamChain } from '../chain-hash';
import {
  DuplicateEventIdError,
  EventStore,
  ExpectedVersion,
  NewEvent,
  StoredEvent,
  WrongExpectedVersionError,
  comparePositions,
  isPosition,
} from '../event-store.port';
import { waitFor } from '@cafeia/testing';

export function runEventStoreContract(
  name: string,
  makeStore: () => Promise<EventStore>,
  /** called after each test, once its store is closed (e.g. delete a temp file) */
  cleanup?: (store: EventStore) => Promise<void> | void,
): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    /** the head before the test wrote anything: the test's events are all after it */
    let headBefore: string | undefined;

    beforeEach(async () => {
      store = await makeStore();
      headBefore = (await store.headPosition()) ?? undefined;
    });

    afterEach(async () => {
      await store.close();
      await cleanup?.(store);
    });

    describe('append and readStream', () => {
      it('reads back what was appended, with the stored metadata and a chain hash', async () => {
        const streamId = newStreamId('cafe');
        const scheduled = newEvent('CafeScheduled', { cafeId: 'c1', title: 'IA au quotidien', capacity: 12, tags: ['a', 'b'] });
        const rescheduled = newEvent('CafeRescheduled', { cafeId: 'c1', startsAt: '2026-03-02T18:00:00+01:00' }, 2);

        const result = await store.append(streamId, [scheduled, rescheduled], 'no_stream');
        const read = await store.readStream(streamId);

        expect(read.map(({ eventId, streamId: s, streamVersion, type, data }) => ({ eventId, streamId: s, streamVersion, type, data }))).toEqual([
          { eventId: scheduled.eventId, streamId, streamVersion: 0, type: 'CafeScheduled', data: scheduled.data },
          { eventId: rescheduled.eventId, streamId, streamVersion: 1, type: 'CafeRescheduled', data: rescheduled.data },
        ]);
        expect(read[0].metadata).toEqual({ ...scheduled.metadata, schemaVersion: 1, chainHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
        expect(read[1].metadata).toEqual({ ...rescheduled.metadata, schemaVersion: 2, chainHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
        expect(result).toMatchObject({ nextExpectedVersion: 1, position: read[1].position });
        // an adapter that answers with the events as stored answers exactly what readStream gives
        if (result.events) expect(result.events).toEqual(read);
        expect(read.every((e) => isPosition(e.position))).toBe(true);
        expect(comparePositions(read[0].position, read[1].position)).toBe(-1);
      });

      it('reads for a fold (when the adapter can) what readStream gives, without ids, actor or chain hash', async () => {
        if (!store.readStreamForFold) return;
        const streamId = newStreamId('cafe');
        await store.append(streamId, [newEvent('A', { n: 0, nested: { x: [1, 2] } }), newEvent('B', { n: 1 }, 2), newEvent('C', { n: 2 })], 'no_stream');
        const full = await store.readStream(streamId);
        const foldable = full.map(({ streamVersion, position, type, data, metadata }) => ({ streamVersion, position, type, data, metadata: { schemaVersion: metadata.schemaVersion } }));
        expect(await store.readStreamForFold(streamId)).toEqual(foldable);
        expect(await store.readStreamForFold(streamId, 1)).toEqual(foldable.slice(1));
        expect(await store.readStreamForFold(newStreamId('cafe'))).toEqual([]);
      });

      it('reads a stream from a given revision, and an unknown stream as empty', async () => {
        const streamId = newStreamId('cafe');
        const events = [newEvent('A', { n: 0 }), newEvent('B', { n: 1 }), newEvent('C', { n: 2 })];
        await store.append(streamId, events, 'no_stream');

        expect((await store.readStream(streamId, 1)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
        expect(await store.readStream(newStreamId('cafe'))).toEqual([]);
      });
    });

    describe('expected version', () => {
      it('accepts no_stream on a new stream, then the exact last revision, then any', async () => {
        const streamId = newStreamId('cafe');
        expect((await store.append(streamId, [newEvent('A', {})], 'no_stream')).nextExpectedVersion).toBe(0);
        expect((await store.append(streamId, [newEvent('B', {}), newEvent('C', {})], 0)).nextExpectedVersion).toBe(2);
        expect((await store.append(streamId, [newEvent('D', {})], 'any')).nextExpectedVersion).toBe(3);
        expect((await store.append(newStreamId('cafe'), [newEvent('A', {})], 'any')).nextExpectedVersion).toBe(0);
        expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      });

      it.each<[string, ExpectedVersion, number]>([
        ['no_stream on an existing stream', 'no_stream', 1],
        ['a revision behind', 0, 1],
        ['a revision ahead', 5, 1],
      ])('refuses %s with WrongExpectedVersionError carrying the actual version', async (_case, expected, actual) => {
        const streamId = newStreamId('cafe');
        await store.append(streamId, [newEvent('A', {}), newEvent('B', {})], 'no_stream');

        const error = await store.append(streamId, [newEvent('C', {})], expected).catch((e: unknown) => e);

        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ streamId, expected, actual });
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('refuses an exact revision on a stream that does not exist, with actual -1', async () => {
        const streamId = newStreamId('cafe');
        const error = await store.append(streamId, [newEvent('A', {})], 0).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ streamId, expected: 0, actual: -1 });
        expect(await store.readStream(streamId)).toEqual([]);
      });
    });

    describe('atomicity and duplicates', () => {
      it('writes none of a refused multi-event append', async () => {
        const streamId = newStreamId('cafe');
        await store.append(streamId, [newEvent('A', {})], 'no_stream');

        await expect(store.append(streamId, [newEvent('B', {}), newEvent('C', {})], 'no_stream')).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );

        expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['A']);
      });

      it('refuses, as a whole, an append that repeats an event id already in the stream', async () => {
        const streamId = newStreamId('cafe');
        const first = newEvent('A', {});
        await store.append(streamId, [first], 'no_stream');

        const error = await store.append(streamId, [newEvent('B', {}), { ...first }], 0).catch((e: unknown) => e);

        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(error).toMatchObject({ streamId });
        expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['A']);
        // the stream is still usable at the version it had
        expect((await store.append(streamId, [newEvent('B', {})], 0)).nextExpectedVersion).toBe(1);
      });
    });

    describe('the global log', () => {
      it('orders events of all streams by strictly increasing positions, in append order', async () => {
        const streams = [newStreamId('cafe'), newStreamId('structure'), newStreamId('funding')];
        const appended: { eventId: string; position: string }[] = [];
        for (let round = 0; round < 4; round++) {
          for (const streamId of streams) {
            const events = [newEvent('A', { round }), newEvent('B', { round })];
            const result = await store.append(streamId, events, round === 0 ? 'no_stream' : round * 2 - 1);
            appended.push({ eventId: events[0].eventId, position: '' }, { eventId: events[1].eventId, position: result.position });
          }
        }

        const log = mine(await store.readAll({ after: headBefore }), streams);

        expect(log.map((e) => e.eventId)).toEqual(appended.map((e) => e.eventId));
        expectStrictlyIncreasing(log);
        // the position an append returns is the one its last event has in the log
        for (let i = 1; i < log.length; i += 2) expect(log[i].position).toBe(appended[i].position);
      });

      it('pages through the log with `after` (exclusive) and `limit`', async () => {
        const streams = [newStreamId('cafe'), newStreamId('cafe')];
        for (let i = 0; i < 5; i++) {
          for (const streamId of streams) await store.append(streamId, [newEvent('A', { i })], 'any');
        }
        const everything = mine(await store.readAll({ after: headBefore }), streams);
        expect(everything).toHaveLength(10);

        const paged: StoredEvent[] = [];
        let after = headBefore;
        for (let pages = 0; pages < 1000; pages++) {
          const page = await store.readAll({ after, limit: 3 });
          expect(page.length).toBeLessThanOrEqual(3);
          if (page.length === 0) break;
          paged.push(...page);
          after = page[page.length - 1].position;
        }

        expect(mine(paged, streams)).toEqual(everything);
        const fromFourth = mine(await store.readAll({ after: everything[3].position }), streams);
        expect(fromFourth.map((e) => e.eventId)).toEqual(everything.slice(4).map((e) => e.eventId));
        expect(await store.readAll({ after: headBefore, limit: 0 })).toEqual([]);
      });

      it('reports the head position as the position of the last event appended', async () => {
        const result = await store.append(newStreamId('cafe'), [newEvent('A', {}), newEvent('B', {})], 'no_stream');
        const head = await store.headPosition();
        expect(head).not.toBeNull();
        expect(comparePositions(head as string, result.position)).toBeGreaterThanOrEqual(0);
        if (headBefore !== undefined) expect(comparePositions(head as string, headBefore)).toBe(1);
      });
    });

    describe('concurrent appenders on one stream', () => {
      it('lets exactly one of 50 appends racing with the same expected version win', async () => {
        const streamId = newStreamId('cafe');
        await store.append(streamId, [newEvent('A', {})], 'no_stream');

        const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => store.append(streamId, [newEvent('B', { i })], 0)));

        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(49);
        for (const error of lost) {
          expect(error).toBeInstanceOf(WrongExpectedVersionError);
          expect(error).toMatchObject({ streamId, expected: 0, actual: 1 });
        }
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('loses nothing when 50 writers re-read and retry until they land', async () => {
        const streamId = newStreamId('cafe');
        const writers = Array.from({ length: 50 }, (_, i) => newEvent('Counted', { writer: i }));

        const attempts = await Promise.all(
          writers.map(async (event) => {
            for (let attempt = 1; attempt <= 500; attempt++) {
              const current = await store.readStream(streamId);
              const expected = current.length === 0 ? 'no_stream' : current[current.length - 1].streamVersion;
              try {
                await store.append(streamId, [event], expected);
                return attempt;
              } catch (error) {
                if (!(error instanceof WrongExpectedVersionError)) throw error;
                await sleep(Math.random() * 2);
              }
            }
            throw new Error('writer never landed');
          }),
        );

        const stream = await store.readStream(streamId);
        expect(stream.map((e) => e.streamVersion)).toEqual(Array.from({ length: 50 }, (_, i) => i));
        expect(new Set(stream.map((e) => e.eventId))).toEqual(new Set(writers.map((e) => e.eventId)));
        // the race was real: at least one writer had to retry
        expect(Math.max(...attempts)).toBeGreaterThan(1);
        expect(verifyStreamChain(stream).ok).toBe(true);
      });
    });

    describe('subscribeAll', () => {
      it('delivers every event after the start exactly once, in order, while appends continue during catch-up', async () => {
        const streams = [newStreamId('cafe'), newStreamId('participant')];
        for (let i = 0; i < 20; i++) await store.append(streams[i % 2], [newEvent('Before', { i })], 'any');
        const before = mine(await store.readAll({ after: headBefore }), streams);
        const start = before[9].position;

        const delivered: StoredEvent[] = [];
        let inFlight = 0;
        let maxInFlight = 0;
        let largestBatch = 0;
        const subscription = store.subscribeAll(
          async (batch) => {
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            largestBatch = Math.max(largestBatch, batch.length);
            await sleep(2); // a slow consumer, so that appends land during catch-up
            delivered.push(...batch);
            inFlight--;
          },
          { after: start, batchSize: 3 },
        );

        const appendedDuring: string[] = [];
        for (let i = 0; i < 20; i++) {
          const event = newEvent('During', { i });
          await store.append(streams[i % 2], [event], 'any');
          appendedDuring.push(event.eventId);
          if (i % 4 === 0) await sleep(1);
        }
        const last = appendedDuring[appendedDuring.length - 1];
        await waitFor('the last event', () => delivered.some((e) => e.eventId === last));
        await subscription.close();

        const expected = mine(await store.readAll({ after: start }), streams);
        expect(expected).toHaveLength(30);
        expect(mine(delivered, streams).map((e) => e.eventId)).toEqual(expected.map((e) => e.eventId));
        expect(mine(delivered, streams)).toEqual(expected);
        expectStrictlyIncreasing(delivered);
        expect(comparePositions(delivered[0].position, start)).toBe(1);
        expect(maxInFlight).toBe(1);
        expect(largestBatch).toBeLessThanOrEqual(3);
        await expect(subscription.done).resolves.toBeUndefined();
      });

      it('delivers nothing more once closed', async () => {
        const streamId = newStreamId('cafe');
        await store.append(streamId, [newEvent('A', {})], 'no_stream');
        const delivered: StoredEvent[] = [];
        let closed = false;
        let callsAfterClose = 0;
        const subscription = store.subscribeAll(
          async (batch) => {
            if (closed) callsAfterClose++;
            delivered.push(...batch);
          },
          { after: headBefore },
        );
        await waitFor('the event of the stream', () => mine(delivered, [streamId]).length === 1);

        await subscription.close();
        closed = true;
        await store.append(streamId, [newEvent('B', {})], 0);
        // a second subscription receiving B proves B was there to deliver: the closed one must not have started a call
        await witnessDelivery(store, headBefore, streamId, 'B');

        expect(callsAfterClose).toBe(0);
        expect(mine(delivered, [streamId]).map((e) => e.type)).toEqual(['A']);
        await expect(subscription.done).resolves.toBeUndefined();
      });

      it('ends with the failure when the handler throws, and delivers nothing after it', async () => {
        const streamId = newStreamId('cafe');
        await store.append(streamId, [newEvent('A', {}), newEvent('B', {})], 'no_stream');
        let calls = 0;
        const subscription = store.subscribeAll(
          async (batch) => {
            calls++;
            if (batch.some((e) => e.streamId === streamId)) throw new Error('projection failed');
          },
          { after: headBefore, batchSize: 1 },
        );

        await expect(subscription.done).rejects.toThrow('projection failed');
        const callsAtFailure = calls;
        await store.append(streamId, [newEvent('C', {})], 1);
        await witnessDelivery(store, headBefore, streamId, 'C');
        expect(calls).toBe(callsAtFailure);
        await subscription.close();
      });
    });

    describe('chain hash', () => {
      it('chains each event of a stream to the previous one, across appends', async () => {
        const streamId = newStreamId('funding');
        await store.append(streamId, [newEvent('FundingGranted', { amount: 1000 }), newEvent('FundingStructureAdded', { s: 'a' })], 'no_stream');
        await store.append(streamId, [newEvent('FundingStructureAdded', { s: 'b', nested: { z: 1, a: [1, { y: 2, b: null }] } })], 1);
        const stream = await store.readStream(streamId);

        expect(verifyStreamChain(stream)).toEqual({ ok: true, eventsChecked: 3, streamsChecked: 1 });
        const contentOf = (e: StoredEvent) => ({ ...e, schemaVersion: e.metadata.schemaVersion });
        expect(stream[0].metadata.chainHash).toBe(computeChainHash(null, contentOf(stream[0])));
        expect(stream[2].metadata.chainHash).toBe(computeChainHash(stream[1].metadata.chainHash, contentOf(stream[2])));
      });

      it('names the first edited event of a tampered copy', async () => {
        const streamId = newStreamId('funding');
        await store.append(streamId, [newEvent('A', { amount: 1000 }), newEvent('B', { amount: 2000 }), newEvent('C', { amount: 3000 })], 'no_stream');
        const stream = await store.readStream(streamId);

        const edited = stream.map((e, i) => (i === 1 ? { ...e, data: { amount: 20000 } } : e));
        expect(verifyStreamChain(edited)).toEqual({
          ok: false,
          eventsChecked: 2,
          streamsChecked: 1,
          firstMismatch: { eventId: stream[1].eventId, streamId, streamVersion: 1, position: stream[1].position, reason: 'chain_hash_mismatch' },
        });

        const reattributed = stream.map((e, i) => (i === 2 ? { ...e, metadata: { ...e.metadata, actor: { sub: 'someone-else', role: 'council' } } } : e));
        expect(verifyStreamChain(reattributed).firstMismatch).toMatchObject({ eventId: stream[2].eventId, reason: 'chain_hash_mismatch' });

        const withoutOne = [stream[0], stream[2]];
        expect(verifyStreamChain(withoutOne).firstMismatch).toMatchObject({ eventId: stream[2].eventId, reason: 'stream_version_gap' });
      });
    });
  });
}

// ---- helpers ------------------------------------------------------------------------------------

const newStreamId = (category: string) => `${category}-${randomUUID()}`;

function newEvent(type: string, data: Record<string, unknown>, schemaVersion?: number): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { sub: 'contract-test', role: 'council' },
      recordedAt: '2026-01-15T10:00:00.000+01:00',
    },
    ...(schemaVersion === undefined ? {} : { schemaVersion }),
  };
}

/** the events of the test's own streams (a shared store holds others) */
const mine = (events: StoredEvent[], streams: string[]) => events.filter((e) => streams.includes(e.streamId));

function expectStrictlyIncreasing(events: StoredEvent[]): void {
  for (let i = 1; i < events.length; i++) expect(comparePositions(events[i - 1].position, events[i].position)).toBe(-1);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** subscribes afresh and waits until it is handed the event of that type in the stream, then closes */
async function witnessDelivery(store: EventStore, after: string | undefined, streamId: string, type: string): Promise<void> {
  let seen = false;
  const witness = store.subscribeAll(async (batch) => void (seen ||= batch.some((e) => e.streamId === streamId && e.type === type)), after ? { after } : {});
  try {
    await waitFor(`a fresh subscription to receive ${type}`, () => seen);
  } finally {
    await witness.close();
  }
}
