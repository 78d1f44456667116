import type { Kysely } from 'kysely';
import type { ReadModelDb } from '../schema/read-model-db';

export interface InactivePerson {
  participantId: string;
  lastActivityAt: string;
}

/** People not erased whose last registration, enrolment or attendance is before `cutoffMs`. */
export class ParticipantActivityQueries {
  constructor(private readonly database: Kysely<ReadModelDb> | (() => Kysely<ReadModelDb>)) {}

  private get db(): Kysely<ReadModelDb> {
    return typeof this.database === 'function' ? this.database() : this.database;
  }

  private inactive(cutoffMs: number) {
    return this.db.selectFrom('participant_activity').where('erased', '=', 0).where('last_activity_ms', '<', cutoffMs);
  }

  async countInactive(cutoffMs: number): Promise<number> {
    const row = await this.inactive(cutoffMs).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** the longest inactive first, at most `limit`, after the given one (keyset paging: a page is stable while people are erased) */
  async inactiveSince(cutoffMs: number, limit: number, after?: InactivePerson): Promise<InactivePerson[]> {
    let query = this.inactive(cutoffMs);
    if (after) {
      const afterMs = Date.parse(after.lastActivityAt);
      query = query.where((eb) => eb.or([eb('last_activity_ms', '>', afterMs), eb.and([eb('last_activity_ms', '=', afterMs), eb('participant_id', '>', after.participantId)])]));
    }
    const rows = await query.select(['participant_id', 'last_activity_ms']).orderBy('last_activity_ms').orderBy('participant_id').limit(limit).execute();
    return rows.map((r) => ({ participantId: r.participant_id, lastActivityAt: new Date(Number(r.last_activity_ms)).toISOString() }));
  }
}
