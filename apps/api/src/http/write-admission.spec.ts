import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { installWriteAdmission, WriteAdmission } from './write-admission';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('the admission of writes', () => {
  it('lets in at most its limit at once, the others in arrival order as places free', async () => {
    const gate = new WriteAdmission(2);
    const entered: string[] = [];
    const tickets = ['a', 'b', 'c', 'd'].map((name) => gate.admit(() => entered.push(name)));
    expect(entered).toEqual(['a', 'b']);
    expect(gate.counts).toEqual({ running: 2, waiting: 2 });

    gate.leave(tickets[1]);
    expect(entered).toEqual(['a', 'b']); // the next one enters on the next turn, after the I/O that waits
    await nextTurn();
    expect(entered).toEqual(['a', 'b', 'c']);
    gate.leave(tickets[0]);
    await nextTurn();
    expect(entered).toEqual(['a', 'b', 'c', 'd']);
  });

  it('takes a write whose client left out of the queue, and a place is freed once only', async () => {
    const gate = new WriteAdmission(1);
    const entered: string[] = [];
    const first = gate.admit(() => entered.push('first'));
    const gone = gate.admit(() => entered.push('gone'));
    gate.admit(() => entered.push('third'));
    gate.leave(gone);
    gate.leave(first);
    gate.leave(first);
    await nextTurn();
    expect(entered).toEqual(['first', 'third']);
    expect(gate.counts).toEqual({ running: 1, waiting: 0 });
  });

  describe('in the HTTP server', () => {
    let server: FastifyInstance;
    let port: number;
    const releases: (() => void)[] = [];

    beforeEach(async () => {
      server = Fastify();
      installWriteAdmission(server, 1);
      // a write that answers when the test says so; reads answer at once
      server.post('/v1/things', () => new Promise((resolve) => releases.push(() => resolve({ ok: true }))));
      server.get('/v1/things', async () => ({ read: true }));
      await server.listen({ port: 0, host: '127.0.0.1' });
      port = (server.server.address() as AddressInfo).port;
    });
    afterEach(async () => {
      releases.splice(0).forEach((release) => release());
      await server.close();
    });

    const send = (method: string, signal?: AbortSignal) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/v1/things', method, headers: { 'content-type': 'application/json' }, signal }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(method === 'POST' ? '{}' : undefined);
      });
    const until = async (condition: () => boolean) => {
      for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(condition()).toBe(true);
    };

    it('answers reads while writes wait their turn', async () => {
      const first = send('POST');
      const second = send('POST');
      await until(() => releases.length === 1);
      expect(await send('GET')).toBe(200);
      expect(releases).toHaveLength(1); // the second write still waits

      releases.shift()!();
      expect(await first).toBe(200);
      await until(() => releases.length === 1);
      releases.shift()!();
      expect(await second).toBe(200);
    });

    it('keeps admitting writes after clients went away while theirs waited or ran', async () => {
      const running = new AbortController();
      const waiting = new AbortController();
      const runningWrite = send('POST', running.signal).catch(() => 'aborted');
      await until(() => releases.length === 1);
      const waitingWrite = send('POST', waiting.signal).catch(() => 'aborted');
      await new Promise((resolve) => setTimeout(resolve, 20));
      waiting.abort();
      running.abort();
      expect(await runningWrite).toBe('aborted');
      expect(await waitingWrite).toBe('aborted');

      const next = send('POST');
      await until(() => releases.length === 2); // the aborted one's handler, and the next write's
      releases.splice(0).forEach((release) => release());
      expect(await next).toBe(200);
    });
  });
});
