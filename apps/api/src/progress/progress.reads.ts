import { Inject, Injectable } from '@nestjs/common';
import { TimelineQueryError, type Granularity, type Progress, type ReadModelQueries, type Timeline } from '@cafeia/projections';
import { invalidField } from '../http/problem';
import { READ_MODELS } from '../infrastructure/tokens';

/** National progress toward the target, for the API and the web app alike (the council's). */
@Injectable()
export class ProgressReads {
  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries) {}

  progress(): Promise<Progress> {
    return this.queries.progress();
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
