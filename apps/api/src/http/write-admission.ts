import type { FastifyInstance } from 'fastify';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * At most `limit` write requests of the JSON API (`/v1/…`, any method but GET, HEAD, OPTIONS) are processed at once;
 * the others wait, parked once their body is read (a slow upload holds no place) and before the framework's guard,
 * validation and handler, in arrival order. The next one is let in on the next turn of the event loop
 * (`setImmediate`), after the I/O that arrived meanwhile: a dashboard read that arrives while 16 clients write at full
 * speed then waits behind at most `limit` writes' work, not behind every write in flight. Writes are not refused, only queued; one whose client goes away while it waits leaves the queue.
 *
 * `limit` 0 turns the gate off.
 */
export function installWriteAdmission(fastify: FastifyInstance, limit: number): WriteAdmission {
  const gate = new WriteAdmission(limit);
  if (limit <= 0) return gate;
  fastify.addHook('preHandler', (request, reply, done) => {
    if (READ_METHODS.has(request.method) || !request.url.startsWith('/v1/')) return done();
    // 'close' is emitted once whatever the end: answered, failed, or the client gone (waiting or not); listened to
    // before the write may enter, so that no end can come before it
    let ticket: Ticket | null = null;
    reply.raw.once('close', () => ticket && gate.leave(ticket));
    ticket = gate.admit(() => done());
  });
  return gate;
}

interface Ticket {
  enter: () => void;
  state: 'waiting' | 'running' | 'left';
}

export class WriteAdmission {
  private running = 0;
  private readonly waiting: Ticket[] = [];
  private scheduled = false;

  constructor(readonly limit: number) {}

  /** writes being processed / waiting their turn (for metrics and tests) */
  get counts(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** `enter` is called now if there is room and nobody waits, else in its turn */
  admit(enter: () => void): Ticket {
    const ticket: Ticket = { enter, state: 'waiting' };
    if (this.running < this.limit && this.waiting.length === 0) this.start(ticket);
    else this.waiting.push(ticket);
    return ticket;
  }

  /** the request ended (or its client left): frees its place, or takes it out of the queue */
  leave(ticket: Ticket): void {
    if (ticket.state === 'running') {
      this.running--;
      this.scheduleNext();
    } else if (ticket.state === 'waiting') {
      const index = this.waiting.indexOf(ticket);
      if (index >= 0) this.waiting.splice(index, 1);
    }
    ticket.state = 'left';
  }

  private start(ticket: Ticket): void {
    this.running++;
    ticket.state = 'running';
    ticket.enter();
  }

  private scheduleNext(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.running < this.limit && this.waiting.length > 0) this.start(this.waiting.shift()!);
    });
  }
}
