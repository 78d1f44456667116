import type { ImportKind } from '@cafeia/imports';

/** the demo's "now": the morning after year one (June 2025 – May 2026), so that its cafés are in the past and a few still to come */
export const DEMO_CLOCK = '2026-06-01T06:00:00Z';

/** The demo year one's files in demo/, and the order they are imported in (each names rows of the ones before). */
export const DEMO_FILES = {
  structures: 'structures.csv',
  animators: 'animateurs.xlsx',
  cafes: 'cafes.csv',
  attendance: 'presences.csv',
  headcounts: 'participants-anonymes.xlsx',
} as const;

export const DEMO_IMPORTS: readonly { kind: ImportKind; file: string }[] = [
  { kind: 'structures', file: DEMO_FILES.structures },
  { kind: 'animators', file: DEMO_FILES.animators },
  { kind: 'cafes', file: DEMO_FILES.cafes },
  { kind: 'attendance', file: DEMO_FILES.attendance },
  { kind: 'attendance', file: DEMO_FILES.headcounts },
];
