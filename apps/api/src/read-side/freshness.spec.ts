import type { FastifyReply } from 'fastify';
import type { AppConfig } from '@cafeia/config';
import type { ReadModelQueries } from '@cafeia/projections';
import { Freshness } from './freshness';

/** the part of a Fastify reply that `serve` uses: its request's URL and caller, headers, serializer */
const replyTo = (url: string, principal = { role: 'council' }) => {
  const headers: Record<string, string> = {};
  let serializer: ((payload: unknown) => string) | null = null;
  const reply = {
    request: { url, principal },
    header: (name: string, value: string) => ((headers[name] = value), reply),
    type: (value: string) => ((headers['content-type'] = value), reply),
    serializer: (fn: (payload: unknown) => string) => ((serializer = fn), reply),
  };
  return { reply: reply as unknown as FastifyReply, headers, sent: (payload: unknown) => (serializer ? serializer(payload) : JSON.stringify(payload)) };
};

describe('reads served with their freshness', () => {
  const position = { value: '41' };
  const queries = { position: async () => ({ position: position.value, at: '2026-06-15T10:00:00.000Z' }) } as unknown as ReadModelQueries;
  const config = { readCacheMs: 500, readCacheMaxBytes: 1_000_000, minPositionWaitMs: 200 } as AppConfig;

  it('runs one read for concurrent callers of the same URL and scope, and one per scope', async () => {
    const fresh = new Freshness(queries, config);
    let reads = 0;
    const read = async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { people: 12 };
    };
    const callers = Array.from({ length: 10 }, () => replyTo('/v1/progress'));
    const other = replyTo('/v1/progress', { role: 'coordinator', territory: 'region:84' } as never);
    const answers = await Promise.all([...callers.map((c) => fresh.serve(c.reply, undefined, read)), fresh.serve(other.reply, undefined, read)]);
    expect(reads).toBe(2);
    for (const [i, caller] of callers.entries()) {
      expect(caller.sent(answers[i])).toBe('{"people":12,"asOf":{"position":"41","at":"2026-06-15T10:00:00.000Z"}}');
      expect(caller.headers['x-read-model-position']).toBe('41');
    }
  });

  it('does not join a read in flight when the caller asks for a position: it waits for its own', async () => {
    const fresh = new Freshness(queries, config);
    let reads = 0;
    const read = async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { people: reads };
    };
    const first = fresh.serve(replyTo('/v1/progress').reply, undefined, read);
    const second = fresh.serve(replyTo('/v1/progress?minPosition=41').reply, '41', read);
    await Promise.all([first, second]);
    expect(reads).toBe(2);
  });

  it('gives every caller waiting on a failed read its error, and runs the next read anew', async () => {
    const fresh = new Freshness(queries, config);
    let reads = 0;
    const failing = async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error('scope refused');
    };
    const waiting = Array.from({ length: 3 }, () => fresh.serve(replyTo('/v1/cafes').reply, undefined, failing));
    for (const outcome of await Promise.allSettled(waiting)) expect(outcome).toMatchObject({ status: 'rejected', reason: { message: 'scope refused' } });
    expect(reads).toBe(1);
    await expect(fresh.serve(replyTo('/v1/cafes').reply, undefined, async () => ({ items: [] }))).resolves.toMatchObject({ items: [] });
  });
  describe('while an answer is refreshed', () => {
    const staleConfig = { ...config, readCacheMs: 40, readCacheStaleMs: 10_000 } as AppConfig;
    const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it('sends the last answer at once, with its own asOf, and runs one read behind it for the next callers', async () => {
      const fresh = new Freshness(queries, staleConfig);
      let reads = 0;
      let release: () => void = () => undefined;
      const read = async () => {
        reads += 1;
        if (reads === 2) await new Promise<void>((resolve) => (release = resolve));
        return { people: reads };
      };
      position.value = '41';
      await fresh.serve(replyTo('/v1/progress').reply, undefined, read);
      await later(60);
      position.value = '42';
      // the answer has expired: five callers get it at once, while a single read computes the next
      const callers = Array.from({ length: 5 }, () => replyTo('/v1/progress'));
      const answers = await Promise.all(callers.map((c) => fresh.serve(c.reply, undefined, read)));
      for (const [i, caller] of callers.entries()) {
        expect(caller.sent(answers[i])).toBe('{"people":1,"asOf":{"position":"41","at":"2026-06-15T10:00:00.000Z"}}');
        expect(caller.headers['x-read-model-position']).toBe('41');
      }
      expect(reads).toBe(2);
      // the framework's fast path sends it too while that read runs
      expect(fresh.cached('/v1/progress', { role: 'council' })).toEqual({ position: '41', json: '{"people":1,"asOf":{"position":"41","at":"2026-06-15T10:00:00.000Z"}}' });
      release();
      await later(5);
      const next = replyTo('/v1/progress');
      expect(next.sent(await fresh.serve(next.reply, undefined, read))).toBe('{"people":2,"asOf":{"position":"42","at":"2026-06-15T10:00:00.000Z"}}');
      expect(reads).toBe(2);
      position.value = '41';
    });

    it('does not send an expired answer on the fast path when no read is refreshing it: that request goes on to start one', async () => {
      const fresh = new Freshness(queries, staleConfig);
      await fresh.serve(replyTo('/v1/progress').reply, undefined, async () => ({ people: 1 }));
      expect(fresh.cached('/v1/progress', { role: 'council' })).toBeDefined();
      await later(60);
      expect(fresh.cached('/v1/progress', { role: 'council' })).toBeUndefined();
    });

    it('never sends an answer older than the position a caller asks for', async () => {
      const fresh = new Freshness(queries, staleConfig);
      position.value = '41';
      await fresh.serve(replyTo('/v1/progress').reply, undefined, async () => ({ people: 1 }));
      await later(60);
      position.value = '42';
      const asking = replyTo('/v1/progress?minPosition=42');
      expect(asking.sent(await fresh.serve(asking.reply, '42', async () => ({ people: 2 })))).toBe('{"people":2,"asOf":{"position":"42","at":"2026-06-15T10:00:00.000Z"}}');
      position.value = '41';
    });

    it('lets a failed refresh leave the stale answer to expire; the next caller after the window reads anew', async () => {
      const fresh = new Freshness(queries, { ...config, readCacheMs: 20, readCacheStaleMs: 40 } as AppConfig);
      await fresh.serve(replyTo('/v1/cafes').reply, undefined, async () => ({ items: [1] }));
      await later(30);
      const stale = replyTo('/v1/cafes');
      expect(stale.sent(await fresh.serve(stale.reply, undefined, async () => Promise.reject(new Error('database gone'))))).toContain('"items":[1]');
      await later(50);
      const next = replyTo('/v1/cafes');
      expect(next.sent(await fresh.serve(next.reply, undefined, async () => ({ items: [2] })))).toContain('"items":[2]');
    });
  });
});
