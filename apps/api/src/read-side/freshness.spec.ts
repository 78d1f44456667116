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
});
