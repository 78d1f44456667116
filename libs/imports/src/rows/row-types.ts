import type { StructureKind, TrainingStatus } from '@cafeia/domain';

/** Checked rows: every value parsed, ids derived, ready to become the API's commands */
interface RowBase {
  /** the spreadsheet row it came from */
  line: number;
  /** the row's key in the importer's file */
  ref: string;
}

export interface StructureRow extends RowBase {
  kind: 'structures';
  id: string;
  name: string;
  structureKind: StructureKind;
  communeCode: string;
  siret: string | null;
}

export interface AnimatorRow extends RowBase {
  kind: 'animators';
  id: string;
  displayName: string;
  communeCode: string;
  structureId: string | null;
  /** the training status to reach, if the file gives one */
  training: { status: TrainingStatus; capable: boolean | null } | null;
  listed: boolean | null;
}

export interface CafeRow extends RowBase {
  kind: 'cafes';
  id: string;
  structureId: string;
  title: string;
  format: string;
  /** ISO 8601 with Paris's offset */
  startsAt: string;
  endsAt: string | null;
  /** null: the structure's commune (the API's default) */
  communeCode: string | null;
  capacity: number | null;
  audience: string | null;
  online: boolean | null;
}

/** Personal data: never logged, never echoed in an error message */
export interface Attendee {
  email?: string;
  phone?: string;
  name?: string;
}

export interface AttendanceRow extends RowBase {
  kind: 'attendance';
  cafeId: string;
  /** a named person, or null for a row that gives the anonymous headcount */
  attendee: Attendee | null;
  anonymousCount: number | null;
}

/** A collective AI workshop from La Coop's export: a café and its anonymous headcount */
export interface CoopActivityRow extends RowBase {
  kind: 'coop_activities';
  id: string;
  structureId: string;
  title: string;
  format: string;
  startsAt: string;
  endsAt: string | null;
  communeCode: string | null;
  online: boolean;
  participants: number;
}

export type ImportRow = StructureRow | AnimatorRow | CafeRow | AttendanceRow | CoopActivityRow;

export type RowCheck<T> = { ok: true; row: T } | { ok: false; errors: import('../errors').RowError[] } | { ok: 'skipped'; reason: string };
