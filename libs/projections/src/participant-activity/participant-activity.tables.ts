import type { Kysely } from 'kysely';

/**
 * When each person was last active (registered, enrolled, attended): what the retention job reads to find
 * those to erase. A pseudonymous id and an instant, nothing else; never served by a public endpoint.
 */
export interface ParticipantActivityTable {
  participant_id: string;
  last_activity_ms: number;
  /** 1 once erased (until they register again) */
  erased: number;
}

export interface ParticipantActivityTables {
  participant_activity: ParticipantActivityTable;
}

export const participantActivityMigrations = {
  'participant-activity/001-table': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('participant_activity')
        .addColumn('participant_id', 'text', (c) => c.primaryKey())
        .addColumn('last_activity_ms', 'bigint', (c) => c.notNull())
        .addColumn('erased', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('participant_activity_last').on('participant_activity').columns(['erased', 'last_activity_ms']).execute();
    },
  },
};
