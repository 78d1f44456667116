import { sql, type Kysely } from 'kysely';
import { historyMigration } from '../schema/history-migration';

export interface CafeTable {
  cafe_id: string;
  structure_id: string;
  title: string;
  format: string;
  starts_at: string;
  starts_at_ms: number;
  ends_at: string | null;
  commune_code: string;
  commune: string | null;
  department: string | null;
  region: string | null;
  outside_paris: number;
  capacity: number | null;
  audience: string | null;
  online: number;
  animator_ids: string;
  scheduled_at: string;
  cancelled: number;
  cancellation_reason: string | null;
  cancelled_at: string | null;
  enrolled: number;
  attended_named: number;
  anonymous: number;
  rescheduled_after_attendance: number;
  /** from cafes/002-year-two */
  epci: string | null;
  starts_month: string | null;
  first_attendance_at_ms: number | null;
}

/** a café due to be reported that has no attendance yet, apart from its start (see unreportedCondition) */
export const UNREPORTED = 'cancelled = 0 and attended_named + anonymous = 0';

export interface CafesTables {
  cafes: CafeTable;
}

export const cafesMigrations = {
  'cafes/001-cafes': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('cafes')
        .addColumn('cafe_id', 'text', (c) => c.primaryKey())
        .addColumn('structure_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('starts_at_ms', 'bigint', (c) => c.notNull())
        .addColumn('ends_at', 'text')
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('commune', 'text')
        .addColumn('department', 'text')
        .addColumn('region', 'text')
        .addColumn('outside_paris', 'integer', (c) => c.notNull())
        .addColumn('capacity', 'integer')
        .addColumn('audience', 'text')
        .addColumn('online', 'integer', (c) => c.notNull())
        .addColumn('animator_ids', 'text', (c) => c.notNull())
        .addColumn('scheduled_at', 'text', (c) => c.notNull())
        .addColumn('cancellation_reason', 'text')
        .addColumn('cancelled_at', 'text')
        .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('enrolled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('attended_named', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rescheduled_after_attendance', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('cafes_starts_at').on('cafes').columns(['starts_at_ms']).execute();
      await db.schema.createIndex('cafes_structure').on('cafes').columns(['structure_id', 'starts_at_ms']).execute();
      await db.schema.createIndex('cafes_commune').on('cafes').columns(['commune', 'starts_at_ms']).execute();
      await db.schema.createIndex('cafes_department').on('cafes').columns(['department', 'starts_at_ms']).execute();
      await db.schema.createIndex('cafes_region').on('cafes').columns(['region', 'starts_at_ms']).execute();
    },
  },
  // derived from history (an EPCI, a Paris month, a first attendance): a generation built before it is rebuilt
  'cafes/002-year-two': historyMigration(async (db: Kysely<any>) => {
    await db.schema.alterTable('cafes').addColumn('epci', 'text').execute();
    await db.schema.alterTable('cafes').addColumn('starts_month', 'text').execute();
    await db.schema.alterTable('cafes').addColumn('first_attendance_at_ms', 'bigint').execute();
    await db.schema.createIndex('cafes_epci').on('cafes').columns(['epci', 'starts_at_ms']).execute();
  }),
  // indexes only (built from the table's own rows, so applied to an existing generation as it is): the cafés still
  // awaiting their attendance sheet — a few percent of them — read without scanning a territory's whole history
  // (partial indexes whose condition is UNREPORTED, word for word, so that SQLite and PostgreSQL both match it), and
  // a territory's communes with cafés from the index alone
  'cafes/003-read-paths': {
    async up(db: Kysely<any>) {
      await sql`create index cafes_awaiting on cafes (starts_at_ms) where ${sql.raw(UNREPORTED)}`.execute(db);
      for (const level of ['region', 'department', 'epci', 'commune']) {
        await sql`create index ${sql.id(`cafes_awaiting_${level}`)} on cafes (${sql.id(level)}, starts_at_ms) where ${sql.raw(UNREPORTED)}`.execute(db);
      }
      await db.schema.createIndex('cafes_department_commune').on('cafes').columns(['department', 'commune']).execute();
      await db.schema.createIndex('cafes_epci_commune').on('cafes').columns(['epci', 'commune']).execute();
    },
  },
};
