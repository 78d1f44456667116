import type { Kysely } from 'kysely';

/** one row per person per café attended: who to move when a café is rescheduled */
export interface CafeAttendeeTable {
  cafe_id: string;
  participant_id: string;
  recorded_at: string;
}

/** per person: every café they attended, as [cafeId, startsAtMs, communeCode, structureId] (JSON) */
export interface ParticipantReachTable {
  participant_id: string;
  attended: string;
}

export interface ReachTables {
  cafe_attendees: CafeAttendeeTable;
  participant_reach: ParticipantReachTable;
}

export const reachMigrations = {
  'reach/001-attendees-and-reach': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('cafe_attendees')
        .addColumn('cafe_id', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cafe_attendees_pk', ['cafe_id', 'participant_id'])
        .execute();
      await db.schema
        .createTable('participant_reach')
        .addColumn('participant_id', 'text', (c) => c.primaryKey())
        .addColumn('attended', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // a network that loses a member re-checks its people's other cafés (networks/network-people.ts): by person
  'reach/002-attendees-by-person': {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('cafe_attendees_participant').on('cafe_attendees').columns(['participant_id']).execute();
    },
  },
};
