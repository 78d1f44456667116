import type { AnimatorTable } from './animators.tables';
import type { AnimatorTrainingStatus, AnimatorView } from './animator-view';

export const ANIMATOR_COLUMNS = [
  'animator_id',
  'display_name',
  'commune_code',
  'commune',
  'department',
  'region',
  'structure_id',
  'training_status',
  'capable',
  'training_updated_at',
  'epci',
] as const satisfies readonly (keyof AnimatorTable)[];

export const animatorFromRow = (row: AnimatorTable): AnimatorView => ({
  animatorId: row.animator_id,
  displayName: row.display_name,
  communeCode: row.commune_code,
  commune: row.commune,
  department: row.department,
  region: row.region,
  structureId: row.structure_id,
  trainingStatus: row.training_status as AnimatorTrainingStatus,
  capable: row.capable === null ? null : row.capable === 1,
  trainingUpdatedAt: row.training_updated_at,
  epci: row.epci,
});

export const animatorToValues = (v: AnimatorView): (string | number | null)[] => [
  v.animatorId,
  v.displayName,
  v.communeCode,
  v.commune,
  v.department,
  v.region,
  v.structureId,
  v.trainingStatus,
  v.capable === null ? null : v.capable ? 1 : 0,
  v.trainingUpdatedAt,
  v.epci,
];
