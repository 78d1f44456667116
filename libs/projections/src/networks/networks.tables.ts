import type { Kysely } from 'kysely';
import { historyMigration } from '../schema/history-migration';

export interface NetworkTable {
  network_id: string;
  name: string;
  kind: string;
}

/** the current members: a row per (network, structure) */
export interface NetworkMemberTable {
  network_id: string;
  structure_id: string;
}

/**
 * The people a network reached: a row per (network, scope, person) for every person who attended a café of a
 * current member structure — scope `nation` (the network's `distinctParticipants`) and `region:<code>` (its
 * figures per region). A set, not a counter: each person counts once per network and once per region.
 */
export interface NetworkPersonTable {
  network_id: string;
  scope: string;
  participant_id: string;
}

export interface NetworksTables {
  networks: NetworkTable;
  network_members: NetworkMemberTable;
  network_people: NetworkPersonTable;
}

export const networksMigrations = {
  'networks/001-networks': historyMigration(async (db: Kysely<any>) => {
    await db.schema
      .createTable('networks')
      .addColumn('network_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('network_members')
      .addColumn('network_id', 'text', (c) => c.notNull())
      .addColumn('structure_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('network_members_pk', ['network_id', 'structure_id'])
      .execute();
    await db.schema.createIndex('network_members_structure').on('network_members').columns(['structure_id']).execute();
    await db.schema
      .createTable('network_people')
      .addColumn('network_id', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('participant_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('network_people_pk', ['network_id', 'scope', 'participant_id'])
      .execute();
  }),
};
