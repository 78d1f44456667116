/**
 * Kysely table types of the read models. Booleans are stored as 0/1 integers and instants as
 * epoch milliseconds (bigint) next to the ISO text as given, so that the same SQL compares and
 * sorts identically on SQLite and PostgreSQL (no collation or timezone surprises).
 */
export interface CheckpointTable {
  projection: string;
  /** 'all' for a store subscription; a Kafka consumer keeps one row per partition */
  partition: string;
  /** decimal string; compared with comparePositions, never in SQL */
  position: string;
  events_applied: number;
  last_event_at: string | null;
  updated_at: string;
}

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
}

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

export interface TerritoryFiguresTable {
  territory_key: string;
  attendances_named: number;
  distinct_participants: number;
  anonymous: number;
  cafes_held: number;
  cafes_held_outside_paris: number;
  cafes_cancelled: number;
  animators_trained: number;
  animators_in_training: number;
  animators_capable: number;
}

/** per territory and café start instant: the reach that instant added */
export interface ReachByStartTable {
  territory_key: string;
  starts_at_ms: number;
  /** people whose first attended café in that territory starts at that instant */
  first_people: number;
  anonymous: number;
  attendances_named: number;
  cafes_held: number;
}

export interface StructureTerritoryTable {
  territory_key: string;
  structure_id: string;
  cafes_held: number;
}

export interface StructureTable {
  structure_id: string;
  name: string | null;
  kind: string | null;
  commune_code: string | null;
  commune: string | null;
  department: string | null;
  region: string | null;
  siret: string | null;
  cafes_held: number;
  anonymous: number;
  distinct_named: number;
}

export interface AnimatorTable {
  animator_id: string;
  display_name: string;
  commune_code: string;
  commune: string | null;
  department: string | null;
  region: string | null;
  structure_id: string | null;
  training_status: string;
  capable: number | null;
  training_updated_at: string | null;
}

export interface TerritoryTargetTable {
  territory_key: string;
  people: number;
  set_at: string;
}

export interface FunderTable {
  funder_id: string;
  name: string;
  kind: string;
}

export interface FundingTable {
  funding_id: string;
  funder_id: string;
  from_date: string;
  to_date: string;
  amount_euros: number | null;
  target_people: number | null;
  target_cafes: number | null;
}

export interface FundingStructureTable {
  funding_id: string;
  structure_id: string;
}

export interface ReadModelDb {
  projection_checkpoints: CheckpointTable;
  cafes: CafeTable;
  cafe_attendees: CafeAttendeeTable;
  participant_reach: ParticipantReachTable;
  territory_figures: TerritoryFiguresTable;
  reach_by_start: ReachByStartTable;
  structure_territories: StructureTerritoryTable;
  structures: StructureTable;
  animators: AnimatorTable;
  territory_targets: TerritoryTargetTable;
  funders: FunderTable;
  fundings: FundingTable;
  funding_structures: FundingStructureTable;
}
