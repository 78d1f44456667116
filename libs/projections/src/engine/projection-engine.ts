import { Kysely } from 'kysely';
import { databaseKind } from '@cafeia/database';
import type { DomainEvent } from '@cafeia/domain';
import { isDomainEventType, schemaVersions } from '@cafeia/domain/events';
import { upcastEvent } from '@cafeia/domain/upcasters';
import type { StoredEvent } from '@cafeia/event-store/event-store.port';
import { AnimatorView, ANIMATOR_EVENT_TYPES, animatorContribution, evolveAnimator, AnimatorEvent } from '../animators/animator-view';
import { ANIMATOR_COLUMNS, animatorFromRow, animatorToValues } from '../animators/animator-rows';
import { cafeContribution } from '../cafes/cafe-contribution';
import { CAFE_COLUMNS, cafeFromRow, cafeToValues } from '../cafes/cafe-rows';
import { CAFE_EVENT_TYPES, CafeEvent, CafeView, evolveCafe } from '../cafes/cafe-view';
import { FigureChanges, isZero } from '../figures/figure-changes';
import { funderRow, fundingRow } from '../fundings/funding-rows';
import { ParticipantReach, attend, attendMoves, emptyReach, moveCafe, reachContribution } from '../reach/participant-reach';
import type { AnimatorTable, CafeTable, ReadModelDb } from '../schema/read-model-db';
import { STRUCTURE_REGISTRATION_COLUMNS, structureRegistration } from '../structures/structure-registration';
import { territoryTargetRow } from '../targets/territory-target';
import { PlaceResolver, TerritoryDirectory } from '../territory/territory-directory';
import { bulkUpsert, selectByIds } from './bulk-write';
import { Checkpoint, READ_MODELS, WHOLE_LOG, readCheckpoint, readCheckpoints, writeCheckpoint } from './checkpoints';

export interface ProjectionEngineOptions {
  /** checkpoint name (default 'read-models') */
  projection?: string;
  /**
   * 'shared' when several writers apply batches to the same tables at once (a Kafka consumer group,
   * one consumer per partition): the participant rows a batch folds are then locked (PostgreSQL
   * `FOR UPDATE`, after inserting empty placeholders so that new rows are locked too). 'single' (default):
   * one writer, as with a subscription to the store.
   */
  writers?: 'single' | 'shared';
  /** for `updated_at` of the checkpoint */
  clock?: () => Date;
  /** test hook, called inside the transaction after each table is written (to simulate a crash mid-batch) */
  afterWrite?: (table: string) => void | Promise<void>;
}

export interface ApplyResult {
  /** events applied by this call */
  applied: number;
  /** events skipped because already applied (position at or before the checkpoint) */
  skipped: number;
  /** the checkpoint after the call */
  position: string | null;
}

type Decoded = { stored: StoredEvent; event: DomainEvent };

const TRANSIENT_PG_ERRORS = new Set(['40001', '40P01', '23505']);

/**
 * Applies batches of stored events to the read models. Per batch, in ONE transaction:
 *  1. read the checkpoint of (projection, partition) and drop events at or before it (replays are no-ops);
 *  2. load only the rows the batch touches (cafés, people who attended, attendees of rescheduled cafés,
 *     animators) with a few multi-row selects;
 *  3. fold the events in memory with the pure evolve functions, collecting counter deltas;
 *  4. write every touched row once (multi-row upserts) and the new checkpoint, then commit.
 * A crash anywhere rolls the whole batch back, checkpoint included: resuming re-applies it exactly once.
 * Memory is bounded by the batch: nothing is kept between batches except a commune → territory cache.
 */
export class ProjectionEngine {
  private readonly places: PlaceResolver;
  private readonly projection: string;
  private readonly placeOf: PlaceResolver['of'];

  constructor(
    private readonly db: Kysely<ReadModelDb>,
    territories: Pick<TerritoryDirectory, 'keysOf' | 'isParis'>,
    private readonly options: ProjectionEngineOptions = {},
  ) {
    this.places = new PlaceResolver(territories);
    this.placeOf = (code) => this.places.of(code);
    this.projection = options.projection ?? READ_MODELS;
  }

  checkpoint(partition: string = WHOLE_LOG): Promise<Checkpoint | null> {
    return readCheckpoint(this.db, this.projection, partition);
  }

  checkpoints(): Promise<Checkpoint[]> {
    return readCheckpoints(this.db, this.projection);
  }

  /** Applies a batch (in position order) read from `partition`; events already applied are skipped. */
  async apply(events: readonly StoredEvent[], partition: string = WHOLE_LOG): Promise<ApplyResult> {
    if (events.length === 0) {
      const cp = await this.checkpoint(partition);
      return { applied: 0, skipped: 0, position: cp?.position ?? null };
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.transaction().execute((trx) => this.applyIn(trx, events, partition));
      } catch (error) {
        const code = (error as { code?: string }).code;
        // PostgreSQL may abort one of two writers sharing rows (deadlock, serialization): try again
        if (attempt < 5 && code !== undefined && TRANSIENT_PG_ERRORS.has(code)) continue;
        throw error;
      }
    }
  }

  private async applyIn(trx: Kysely<ReadModelDb>, events: readonly StoredEvent[], partition: string): Promise<ApplyResult> {
    const shared = this.options.writers === 'shared';
    const current = await readCheckpoint(trx, this.projection, partition, true);
    const fresh = freshEvents(events, current?.position ?? null);
    if (fresh.length === 0) return { applied: 0, skipped: events.length, position: current?.position ?? null };

    const decoded: Decoded[] = [];
    for (const stored of fresh) {
      // a type this release does not know is skipped (it cannot change figures it does not define)
      if (!isDomainEventType(stored.type)) continue;
      const version = stored.metadata?.schemaVersion ?? 1;
      const event =
        version === schemaVersions[stored.type] ? ({ type: stored.type, data: stored.data } as unknown as DomainEvent) : upcastEvent(stored.type, version, stored.data);
      decoded.push({ stored, event });
    }

    const fold = await this.load(trx, decoded, shared);
    for (const { event } of decoded) fold.apply(event);
    await this.write(trx, fold);

    const last = fresh[fresh.length - 1];
    const checkpoint: Checkpoint = {
      projection: this.projection,
      partition,
      position: last.position,
      eventsApplied: (current?.eventsApplied ?? 0) + fresh.length,
      lastEventAt: last.metadata?.recordedAt ?? null,
      updatedAt: (this.options.clock?.() ?? new Date()).toISOString(),
    };
    await writeCheckpoint(trx, checkpoint);
    await this.options.afterWrite?.('projection_checkpoints');
    return { applied: fresh.length, skipped: events.length - fresh.length, position: checkpoint.position };
  }

  private async load(trx: Kysely<ReadModelDb>, decoded: Decoded[], shared: boolean): Promise<BatchFold> {
    const cafeIds = new Set<string>();
    const rescheduled = new Set<string>();
    const participantIds = new Set<string>();
    const animatorIds = new Set<string>();
    for (const { event } of decoded) {
      if (CAFE_EVENT_TYPES.has(event.type)) {
        const data = (event as CafeEvent).data;
        cafeIds.add(data.cafeId);
        if (event.type === 'CafeRescheduled') rescheduled.add(data.cafeId);
        if (event.type === 'AttendanceRecorded') participantIds.add(event.data.participantId);
      } else if (ANIMATOR_EVENT_TYPES.has(event.type)) {
        animatorIds.add((event as AnimatorEvent).data.animatorId);
      }
    }
    const fold = new BatchFold(this.placeOf);
    for (const row of await selectByIds<CafeTable>(trx, 'cafes', 'cafe_id', [...cafeIds])) fold.cafes.set(row.cafe_id, cafeFromRow(row));

    // a rescheduled café moves its attendees' first café: load them (rare, so it may cost a query more)
    for (const cafeId of rescheduled) fold.attendeesOf.set(cafeId, new Set());
    const attendees = await selectByIds<{ cafe_id: string; participant_id: string }>(trx, 'cafe_attendees', 'cafe_id', [...rescheduled], {
      columns: 'cafe_id, participant_id',
    });
    for (const row of attendees) {
      fold.attendeesOf.get(row.cafe_id)!.add(row.participant_id);
      participantIds.add(row.participant_id);
    }

    const people = [...participantIds].sort();
    if (shared && databaseKind(trx) === 'postgres') {
      await bulkUpsert(trx, { table: 'participant_reach', columns: ['participant_id', 'attended'], keys: ['participant_id'], rows: people.map((id) => [id, '[]']), onConflict: 'ignore' });
    }
    const reachRows = await selectByIds<{ participant_id: string; attended: string }>(trx, 'participant_reach', 'participant_id', people, { lock: shared });
    for (const row of reachRows) fold.reach.set(row.participant_id, { participantId: row.participant_id, attended: JSON.parse(row.attended) });

    for (const row of await selectByIds<AnimatorTable>(trx, 'animators', 'animator_id', [...animatorIds])) {
      fold.animators.set(row.animator_id, animatorFromRow(row));
    }
    return fold;
  }

  private async write(trx: Kysely<ReadModelDb>, fold: BatchFold): Promise<void> {
    const done = async (table: string) => this.options.afterWrite?.(table);
    const { changes } = fold;

    await bulkUpsert(trx, { table: 'cafes', columns: CAFE_COLUMNS, keys: ['cafe_id'], onConflict: 'set', rows: [...fold.dirtyCafes].map((id) => cafeToValues(fold.cafes.get(id)!)) });
    await done('cafes');
    await bulkUpsert(trx, { table: 'cafe_attendees', columns: ['cafe_id', 'participant_id', 'recorded_at'], keys: ['cafe_id', 'participant_id'], onConflict: 'ignore', rows: fold.newAttendees });
    await done('cafe_attendees');
    await bulkUpsert(trx, {
      table: 'participant_reach',
      columns: ['participant_id', 'attended'],
      keys: ['participant_id'],
      onConflict: 'set',
      rows: [...fold.dirtyReach].map((id) => [id, JSON.stringify(fold.reach.get(id)!.attended)]),
    });
    await done('participant_reach');

    const territoryColumns = [
      'attendances_named',
      'distinct_participants',
      'anonymous',
      'cafes_held',
      'cafes_held_outside_paris',
      'cafes_cancelled',
      'animators_trained',
      'animators_in_training',
      'animators_capable',
    ] as const;
    await bulkUpsert(trx, {
      table: 'territory_figures',
      columns: ['territory_key', ...territoryColumns],
      keys: ['territory_key'],
      onConflict: 'add',
      rows: [...changes.territories].filter(([, c]) => !isZero(c)).map(([key, c]) => [key, ...territoryColumns.map((col) => c[col])]),
    });
    await done('territory_figures');
    await bulkUpsert(trx, {
      table: 'reach_by_start',
      columns: ['territory_key', 'starts_at_ms', 'first_people', 'anonymous', 'attendances_named', 'cafes_held'],
      keys: ['territory_key', 'starts_at_ms'],
      onConflict: 'add',
      rows: [...changes.startRows()]
        .filter((s) => !isZero(s.counters))
        .map((s) => [s.territoryKey, s.startsAtMs, s.counters.first_people, s.counters.anonymous, s.counters.attendances_named, s.counters.cafes_held]),
    });
    await done('reach_by_start');
    await bulkUpsert(trx, {
      table: 'structure_territories',
      columns: ['territory_key', 'structure_id', 'cafes_held'],
      keys: ['territory_key', 'structure_id'],
      onConflict: 'add',
      rows: [...changes.structureTerritories.values()].filter((s) => s.cafesHeld !== 0).map((s) => [s.territoryKey, s.structureId, s.cafesHeld]),
    });
    await done('structure_territories');
    await bulkUpsert(trx, { table: 'structures', columns: STRUCTURE_REGISTRATION_COLUMNS, keys: ['structure_id'], onConflict: 'set', rows: [...fold.structureRegistrations.values()] });
    await bulkUpsert(trx, {
      table: 'structures',
      columns: ['structure_id', 'cafes_held', 'anonymous', 'distinct_named'],
      keys: ['structure_id'],
      onConflict: 'add',
      rows: [...changes.structures].filter(([, c]) => !isZero(c)).map(([id, c]) => [id, c.cafes_held, c.anonymous, c.distinct_named]),
    });
    await done('structures');
    await bulkUpsert(trx, { table: 'animators', columns: ANIMATOR_COLUMNS, keys: ['animator_id'], onConflict: 'set', rows: [...fold.dirtyAnimators].map((id) => animatorToValues(fold.animators.get(id)!)) });
    await done('animators');
    await bulkUpsert(trx, { table: 'territory_targets', columns: ['territory_key', 'people', 'set_at'], keys: ['territory_key'], onConflict: 'set', rows: [...fold.targets.values()] });
    await bulkUpsert(trx, { table: 'funders', columns: ['funder_id', 'name', 'kind'], keys: ['funder_id'], onConflict: 'set', rows: [...fold.funders.values()] });
    await bulkUpsert(trx, {
      table: 'fundings',
      columns: ['funding_id', 'funder_id', 'from_date', 'to_date', 'amount_euros', 'target_people', 'target_cafes'],
      keys: ['funding_id'],
      onConflict: 'set',
      rows: [...fold.fundings.values()],
    });
    await bulkUpsert(trx, {
      table: 'funding_structures',
      columns: ['funding_id', 'structure_id'],
      keys: ['funding_id', 'structure_id'],
      onConflict: 'ignore',
      rows: [...fold.fundingStructures].map((pair) => pair.split('\u0000')),
    });
    await done('fundings');
  }
}

/**
 * Orders two positions. Positions are canonical decimal strings (no leading zero, see `isPosition`), so
 * the longer is the larger and equal lengths compare as text: the same order as `comparePositions`
 * without converting millions of strings to BigInt.
 */
const comparePositions = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** Keeps the events strictly after the checkpoint, in position order, each position once. */
function freshEvents(events: readonly StoredEvent[], after: string | null): StoredEvent[] {
  let ordered = events;
  for (let i = 1; i < events.length; i += 1) {
    if (comparePositions(events[i - 1].position, events[i].position) > 0) {
      ordered = [...events].sort((a, b) => comparePositions(a.position, b.position));
      break;
    }
  }
  const fresh: StoredEvent[] = [];
  let last = after;
  for (const event of ordered) {
    if (last === null || comparePositions(event.position, last) > 0) {
      fresh.push(event);
      last = event.position;
    }
  }
  return fresh;
}

/** The in-memory state of one batch: the rows it touches, folded event by event, and the figure deltas. */
class BatchFold {
  readonly cafes = new Map<string, CafeView>();
  readonly dirtyCafes = new Set<string>();
  /** attendees of the cafés rescheduled in this batch (stored ones plus those recorded in the batch) */
  readonly attendeesOf = new Map<string, Set<string>>();
  readonly newAttendees: [string, string, string][] = [];
  readonly reach = new Map<string, ParticipantReach>();
  readonly dirtyReach = new Set<string>();
  readonly animators = new Map<string, AnimatorView>();
  readonly dirtyAnimators = new Set<string>();
  readonly structureRegistrations = new Map<string, (string | null)[]>();
  readonly targets = new Map<string, [string, number, string]>();
  readonly funders = new Map<string, [string, string, string]>();
  readonly fundings = new Map<string, (string | number | null)[]>();
  readonly fundingStructures = new Set<string>();
  readonly changes = new FigureChanges();

  constructor(private readonly placeOf: PlaceResolver['of']) {}

  apply(event: DomainEvent): void {
    switch (event.type) {
      case 'CafeScheduled':
      case 'CafeRescheduled':
      case 'CafeCancelled':
      case 'ParticipantEnrolled':
      case 'EnrolmentCancelled':
      case 'AttendanceRecorded':
      case 'AnonymousHeadcountDeclared':
        return this.applyCafe(event);
      case 'AnimatorRegistered':
      case 'AnimatorEnrolledInTraining':
      case 'AnimatorCompletedTraining':
      case 'AnimatorDroppedTraining':
        return this.applyAnimator(event);
      case 'StructureRegistered':
        this.structureRegistrations.set(event.data.structureId, structureRegistration(event, this.placeOf));
        return;
      case 'TerritoryTargetSet': {
        const row = territoryTargetRow(event);
        this.targets.set(row[0], row);
        return;
      }
      case 'FunderRegistered':
        this.funders.set(event.data.funderId, funderRow(event));
        return;
      case 'FundingGranted':
        this.fundings.set(event.data.fundingId, fundingRow(event));
        for (const structureId of event.data.structureIds) this.fundingStructures.add(`${event.data.fundingId}\u0000${structureId}`);
        return;
      case 'FundingStructureAdded':
        this.fundingStructures.add(`${event.data.fundingId}\u0000${event.data.structureId}`);
        return;
      case 'ParticipantRegistered':
      case 'ParticipantErased':
        // personal data never reaches the read models, and erasing a person changes no count
        return;
      default:
        return assertNever(event);
    }
  }

  private applyCafe(event: CafeEvent): void {
    const cafeId = event.data.cafeId;
    const before = this.cafes.get(cafeId) ?? null;
    const after = evolveCafe(before, event, this.placeOf);
    if (after === before || !after) return;
    // enrolments change no figure: skip the contribution diff (a third of a rebuild's events)
    if (event.type !== 'ParticipantEnrolled' && event.type !== 'EnrolmentCancelled') {
      this.changes.cafeChange(cafeContribution(before, this.placeOf), cafeContribution(after, this.placeOf));
    }
    this.cafes.set(cafeId, after);
    this.dirtyCafes.add(cafeId);

    if (event.type === 'AttendanceRecorded') {
      const { participantId, at } = event.data;
      this.recordAttendance(participantId, after);
      this.newAttendees.push([cafeId, participantId, at]);
      this.attendeesOf.get(cafeId)?.add(participantId);
    } else if (event.type === 'CafeRescheduled' && before && before.startsAtMs !== after.startsAtMs) {
      for (const participantId of this.attendeesOf.get(cafeId) ?? []) {
        this.updateReach(participantId, (reach) => moveCafe(reach, cafeId, after.startsAtMs));
      }
    }
  }

  private recordAttendance(participantId: string, cafe: CafeView): void {
    const before = this.reach.get(participantId) ?? emptyReach(participantId);
    const after = attend(before, cafe);
    if (after === before) return;
    const { moves, newStructure } = attendMoves(before, cafe, this.placeOf);
    this.changes.firstMoves(moves, newStructure ? cafe.structureId : null);
    this.reach.set(participantId, after);
    this.dirtyReach.add(participantId);
  }

  private updateReach(participantId: string, change: (reach: ParticipantReach) => ParticipantReach): void {
    const before = this.reach.get(participantId) ?? emptyReach(participantId);
    const after = change(before);
    if (after === before) return;
    this.changes.reach(reachContribution(before, this.placeOf), reachContribution(after, this.placeOf));
    this.reach.set(participantId, after);
    this.dirtyReach.add(participantId);
  }

  private applyAnimator(event: AnimatorEvent): void {
    const animatorId = event.data.animatorId;
    const before = this.animators.get(animatorId) ?? null;
    const after = evolveAnimator(before, event, this.placeOf);
    if (after === before || !after) return;
    this.changes.animator(animatorContribution(before, this.placeOf), -1);
    this.changes.animator(animatorContribution(after, this.placeOf), 1);
    this.animators.set(animatorId, after);
    this.dirtyAnimators.add(animatorId);
  }
}

function assertNever(value: never): void {
  void value;
}
