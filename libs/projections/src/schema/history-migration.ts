import type { Kysely } from 'kysely';

/**
 * A migration whose tables or columns are derived from the whole history (a new read model, a column computed
 * from events): applied to a generation that already holds projected rows, it would leave them empty or null
 * while the checkpoint says everything was applied. `migrateReadModels` therefore refuses to apply one to an
 * existing generation (`ReadModelSchemaOutdated`), and the callers rebuild from the store into a new one.
 */
export interface HistoryMigration {
  up(db: Kysely<any>): Promise<void>;
  readonly derivedFromHistory: true;
}

export const historyMigration = (up: (db: Kysely<any>) => Promise<void>): HistoryMigration => ({ up, derivedFromHistory: true });

export const isHistoryMigration = (migration: object): boolean => (migration as Partial<HistoryMigration>).derivedFromHistory === true;
