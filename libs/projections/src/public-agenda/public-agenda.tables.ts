import type { Kysely } from 'kysely';

/**
 * The public read model: what the public listings, calendars and the agenda serve, and nothing else. No
 * participant id, no email, no phone, no person's name (an animator's chosen display name only when they
 * asked to be listed), not even hashed; no count of enrolments or attendance beyond the places left. A bug
 * in a public handler cannot leak what these rows do not hold.
 */
export interface PublicCafeTable {
  cafe_id: string;
  structure_id: string;
  title: string;
  format: string;
  starts_at: string;
  starts_at_ms: number;
  ends_at: string | null;
  online: number;
  audience: string | null;
  /** as given (may be an arrondissement) */
  commune_code: string;
  commune: string | null;
  department: string | null;
  region: string | null;
  epci: string | null;
  /** capacity − active enrolments, never below 0; null without a capacity */
  places_left: number | null;
  /** 'scheduled' | 'held' | 'cancelled' */
  status: string;
  /** how many times it was rescheduled (the iCalendar SEQUENCE) */
  reschedules: number;
  previous_starts_at: string | null;
}

/** a structure as a place open to the public: no contact person, phone or email (we hold none) */
export interface PublicStructureTable {
  structure_id: string;
  name: string;
  kind: string;
  siret: string | null;
  commune_code: string;
  commune: string | null;
  department: string | null;
  region: string | null;
  epci: string | null;
  address: string | null;
  postal_code: string | null;
  /** YYYY-MM-DD: when its public data last changed */
  updated_on: string;
}

/** only animators registered with `listed: true`: the others are never written here */
export interface PublicAnimatorTable {
  animator_id: string;
  display_name: string;
  commune_code: string;
  commune: string | null;
  department: string | null;
  region: string | null;
  epci: string | null;
  /** 'none' | 'enrolled' | 'completed' | 'dropped' */
  training_status: string;
}

export interface PublicAgendaTables {
  public_cafes: PublicCafeTable;
  public_structures: PublicStructureTable;
  public_animators: PublicAnimatorTable;
}

const place = <T extends { addColumn: (name: string, type: 'text') => T }>(table: T): T =>
  table.addColumn('commune', 'text').addColumn('department', 'text').addColumn('region', 'text').addColumn('epci', 'text');

export const publicAgendaMigrations = {
  'public-agenda/001-tables': {
    async up(db: Kysely<any>) {
      await place(
        db.schema
          .createTable('public_cafes')
          .addColumn('cafe_id', 'text', (c) => c.primaryKey())
          .addColumn('structure_id', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('starts_at', 'text', (c) => c.notNull())
          .addColumn('starts_at_ms', 'bigint', (c) => c.notNull())
          .addColumn('ends_at', 'text')
          .addColumn('online', 'integer', (c) => c.notNull())
          .addColumn('audience', 'text')
          .addColumn('commune_code', 'text', (c) => c.notNull()),
      )
        .addColumn('places_left', 'integer')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reschedules', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('previous_starts_at', 'text')
        .execute();
      for (const column of ['commune', 'department', 'region', 'epci'] as const) {
        await db.schema.createIndex(`public_cafes_${column}`).on('public_cafes').columns([column, 'starts_at_ms']).execute();
      }
      await db.schema.createIndex('public_cafes_starts_at').on('public_cafes').columns(['starts_at_ms']).execute();
      await place(
        db.schema
          .createTable('public_structures')
          .addColumn('structure_id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('siret', 'text')
          .addColumn('commune_code', 'text', (c) => c.notNull()),
      )
        .addColumn('address', 'text')
        .addColumn('postal_code', 'text')
        .addColumn('updated_on', 'text', (c) => c.notNull())
        .execute();
      await place(
        db.schema
          .createTable('public_animators')
          .addColumn('animator_id', 'text', (c) => c.primaryKey())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('commune_code', 'text', (c) => c.notNull()),
      )
        .addColumn('training_status', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('public_animators_commune').on('public_animators').columns(['commune']).execute();
      await db.schema.createIndex('public_animators_department').on('public_animators').columns(['department']).execute();
    },
  },
};
