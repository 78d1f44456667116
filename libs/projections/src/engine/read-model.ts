import type { Kysely } from 'kysely';
import type { DomainEvent } from '@cafeia/domain';
import type { Place } from '../territory/territory-directory';

/**
 * A read model, as the projection engine sees it: the messages it folds, a fresh state per batch, the rows it
 * loads before folding, a pure fold, and the rows it writes. The engine knows nothing else about it: adding a read
 * model is adding a folder that exports one of these, and listing it in `read-models.ts`.
 *
 * Messages are the domain events, plus the *changes* read models emit while folding (e.g. the cafés directory
 * emits `CafeChanged` with a café's view before and after each of its events; the territory figures fold those
 * changes into counters). A change is dispatched at once, in the order of the events that caused it.
 */
export interface Message {
  type: string;
}

/** the stored event a message comes from */
export interface Source {
  position: string;
  /** when the command was accepted (metadata.recordedAt); null for events written without it */
  recordedAt: string | null;
}

export interface ProjectionContext {
  /** commune code → where it counts (commune, department, region keys…), cached */
  placeOf: (communeCode: string) => Place;
  /**
   * 'shared' when several writers apply batches to the same tables at once (a Kafka consumer group):
   * a read model that reads, folds and writes back rows must lock them (PostgreSQL `FOR UPDATE`).
   */
  writers: 'single' | 'shared';
  dialect: 'sqlite' | 'postgres';
}

export type Emit = (change: Message) => void;

export interface ReadModel<Batch = unknown> {
  /** also the prefix of its migrations */
  readonly name: string;
  /** the message types it folds: domain event types, or change types other read models emit */
  readonly handles: readonly string[];
  /** its tables, versioned: `{'cafes/001-table': migration}`, applied in name order with the others' */
  readonly migrations: Readonly<Record<string, { up(db: Kysely<any>): Promise<void> }>>;
  /** a fresh state for one batch */
  begin(context: ProjectionContext): Batch;
  /** loads the rows the batch's events will touch (a few multi-row selects), inside the batch's transaction */
  load?(trx: Kysely<any>, batch: Batch, events: readonly DomainEvent[], context: ProjectionContext): Promise<void>;
  /** folds one message, purely, into the batch's state; may emit changes for other read models */
  apply(batch: Batch, message: Message, emit: Emit, source: Source, context: ProjectionContext): void;
  /** writes what the batch changed; `written(table)` after each table (crash-injection hook of the tests) */
  write(trx: Kysely<any>, batch: Batch, context: ProjectionContext, written: (table: string) => Promise<void>): Promise<void>;
}

/** builds a read model with its batch type checked */
export const readModel = <Batch>(definition: ReadModel<Batch>): ReadModel<Batch> => definition;
