import { Inject, Injectable } from '@nestjs/common';
import { TimelineQueryError, type Granularity, type Progress, type ProgressAsOf, type ReadModelQueries, type Timeline } from '@cafeia/projections';
import { assertPastOrToday } from '../http/as-of-date';
import { invalidField } from '../http/problem';
import { CLOCK, READ_MODELS } from '../infrastructure/tokens';

/** National progress toward the target, for the API and the web app alike (the council's). */
@Injectable()
export class ProgressReads {
  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries, @Inject(CLOCK) private readonly clock: () => Date) {}

  progress(): Promise<Progress> {
    return this.queries.progress();
  }

  /** checked before anything is read (400 naming asOfDate on a future or impossible day) */
  progressAsOf(asOfDate: string): () => Promise<ProgressAsOf> {
    const date = assertPastOrToday(asOfDate, this.clock().getTime());
    return async () => {
      try {
        return await this.queries.progressAsOf(date);
      } catch (error) {
        if (error instanceof RangeError) throw invalidField('asOfDate', error.message);
        throw error;
      }
    };
  }

  async timeline(query: { granularity?: Granularity; from?: string; to?: string }): Promise<Timeline> {
    try {
      return await this.queries.timeline({ granularity: query.granularity ?? 'month', from: query.from, to: query.to });
    } catch (error) {
      if (error instanceof TimelineQueryError) throw invalidField(error.field, error.message);
      throw error;
    }
  }
}
