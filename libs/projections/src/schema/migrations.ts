import type { Kysely } from 'kysely';
import type { Migrations } from '@cafeia/database';
import { runMigrations } from '@cafeia/database';

const counters = <T extends { addColumn: (name: string, type: 'integer', build: (c: any) => any) => T }>(table: T, ...names: string[]): T =>
  names.reduce((t, name) => t.addColumn(name, 'integer', (c: any) => c.notNull().defaultTo(0)), table);

/** The read models' tables, written once with Kysely's schema builder, run on SQLite and PostgreSQL. */
export const readModelMigrations: Migrations = {
  '001-read-models': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('projection_checkpoints')
        .addColumn('projection', 'text', (c) => c.notNull())
        .addColumn('partition', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('events_applied', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('last_event_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('projection_checkpoints_pk', ['projection', 'partition'])
        .execute();

      await counters(
        db.schema
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
          .addColumn('cancelled_at', 'text'),
        'cancelled',
        'enrolled',
        'attended_named',
        'anonymous',
        'rescheduled_after_attendance',
      ).execute();
      await db.schema.createIndex('cafes_starts_at').on('cafes').columns(['starts_at_ms']).execute();
      await db.schema.createIndex('cafes_structure').on('cafes').columns(['structure_id', 'starts_at_ms']).execute();
      await db.schema.createIndex('cafes_commune').on('cafes').columns(['commune', 'starts_at_ms']).execute();
      await db.schema.createIndex('cafes_department').on('cafes').columns(['department', 'starts_at_ms']).execute();
      await db.schema.createIndex('cafes_region').on('cafes').columns(['region', 'starts_at_ms']).execute();

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

      await counters(
        db.schema.createTable('territory_figures').addColumn('territory_key', 'text', (c) => c.primaryKey()),
        'attendances_named',
        'distinct_participants',
        'anonymous',
        'cafes_held',
        'cafes_held_outside_paris',
        'cafes_cancelled',
        'animators_trained',
        'animators_in_training',
        'animators_capable',
      ).execute();

      await counters(
        db.schema
          .createTable('reach_by_start')
          .addColumn('territory_key', 'text', (c) => c.notNull())
          .addColumn('starts_at_ms', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('reach_by_start_pk', ['territory_key', 'starts_at_ms']),
        'first_people',
        'anonymous',
        'attendances_named',
        'cafes_held',
      ).execute();

      await counters(
        db.schema
          .createTable('structure_territories')
          .addColumn('territory_key', 'text', (c) => c.notNull())
          .addColumn('structure_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('structure_territories_pk', ['territory_key', 'structure_id']),
        'cafes_held',
      ).execute();

      await counters(
        db.schema
          .createTable('structures')
          .addColumn('structure_id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text')
          .addColumn('kind', 'text')
          .addColumn('commune_code', 'text')
          .addColumn('commune', 'text')
          .addColumn('department', 'text')
          .addColumn('region', 'text')
          .addColumn('siret', 'text'),
        'cafes_held',
        'anonymous',
        'distinct_named',
      ).execute();
      await db.schema.createIndex('structures_region').on('structures').columns(['region']).execute();
      await db.schema.createIndex('structures_department').on('structures').columns(['department']).execute();
      await db.schema.createIndex('structures_commune').on('structures').columns(['commune']).execute();

      await db.schema
        .createTable('animators')
        .addColumn('animator_id', 'text', (c) => c.primaryKey())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('commune', 'text')
        .addColumn('department', 'text')
        .addColumn('region', 'text')
        .addColumn('structure_id', 'text')
        .addColumn('training_status', 'text', (c) => c.notNull())
        .addColumn('capable', 'integer')
        .addColumn('training_updated_at', 'text')
        .execute();

      await db.schema
        .createTable('territory_targets')
        .addColumn('territory_key', 'text', (c) => c.primaryKey())
        .addColumn('people', 'bigint', (c) => c.notNull())
        .addColumn('set_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('funders')
        .addColumn('funder_id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('fundings')
        .addColumn('funding_id', 'text', (c) => c.primaryKey())
        .addColumn('funder_id', 'text', (c) => c.notNull())
        .addColumn('from_date', 'text', (c) => c.notNull())
        .addColumn('to_date', 'text', (c) => c.notNull())
        .addColumn('amount_euros', 'double precision')
        .addColumn('target_people', 'integer')
        .addColumn('target_cafes', 'integer')
        .execute();
      await db.schema
        .createTable('funding_structures')
        .addColumn('funding_id', 'text', (c) => c.notNull())
        .addColumn('structure_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('funding_structures_pk', ['funding_id', 'structure_id'])
        .execute();
    },
  },
};

/** Creates or upgrades the read-model tables (PostgreSQL: inside `schema` when given). */
export const migrateReadModels = (db: Kysely<any>, schema?: string): Promise<string[]> =>
  runMigrations(db, readModelMigrations, schema ? { schema } : {});
