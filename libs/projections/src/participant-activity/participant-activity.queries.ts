import type { Kysely } from 'kysely';
import type { ReadModelDb } from '../schema/read-model-db';

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

  /** the longest inactive first, at most `limit` */
  async inactiveSince(cutoffMs: number, limit: number): Promise<{ participantId: string; lastActivityAt: string }[]> {
    const rows = await this.inactive(cutoffMs).select(['participant_id', 'last_activity_ms']).orderBy('last_activity_ms').orderBy('participant_id').limit(limit).execute();
    return rows.map((r) => ({ participantId: r.participant_id, lastActivityAt: new Date(Number(r.last_activity_ms)).toISOString() }));
  }
}
