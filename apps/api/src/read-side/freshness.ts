import { Inject, Injectable } from '@nestjs/common';
import { comparePositions } from '@cafeia/event-store';
import type { ReadModelQueries } from '@cafeia/projections';
import type { FastifyReply } from 'fastify';
import { ProblemException } from '../http/problem';
import { READ_MODELS } from '../infrastructure/tokens';

export const MIN_POSITION_WAIT_MS = 5000;

export interface AsOf {
  position: string;
  at: string | null;
}

/**
 * Reads say how fresh they are (`asOf` and `X-Read-Model-Position`), and `?minPosition=P` waits until every event
 * at or before P is applied (up to 5 s, then 503 with Retry-After).
 */
@Injectable()
export class Freshness {
  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries) {}

  async asOf(minPosition?: string): Promise<AsOf> {
    const deadline = Date.now() + MIN_POSITION_WAIT_MS;
    let delay = 5;
    for (;;) {
      const { position, at } = await this.queries.position();
      const applied = position ?? '0';
      if (!minPosition || comparePositions(applied, minPosition) >= 0) return { position: applied, at };
      if (Date.now() >= deadline) {
        throw new ProblemException(503, `The read models have applied events up to position ${applied}, not yet ${minPosition}; retry shortly.`, {
          code: 'read_model_behind',
          headers: { 'retry-after': '1' },
        });
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 100);
    }
  }

  /** runs the read after the position is known, so `asOf` never claims more than the read saw */
  async serve<T extends object>(reply: FastifyReply, minPosition: string | undefined, read: () => Promise<T>): Promise<T & { asOf: AsOf }> {
    const asOf = await this.asOf(minPosition);
    const body = await read();
    void reply.header('x-read-model-position', asOf.position);
    return { ...body, asOf };
  }
}
