import { sql } from 'kysely';

/** the training counters of any set of animators (table alias `an`), summed at read time */
export interface AnimatorSums {
  trained: number;
  inTraining: number;
  capable: number;
}

export const noAnimatorSums = (): AnimatorSums => ({ trained: 0, inTraining: 0, capable: 0 });

export const animatorSumSelections = () => [
  sql<number>`sum(case when an.training_status = 'completed' then 1 else 0 end)`.as('trained'),
  sql<number>`sum(case when an.training_status = 'enrolled' then 1 else 0 end)`.as('in_training'),
  sql<number>`sum(case when an.training_status = 'completed' and an.capable = 1 then 1 else 0 end)`.as('capable'),
];

export const toAnimatorSums = (row: { trained: unknown; in_training: unknown; capable: unknown }): AnimatorSums => ({
  trained: Number(row.trained ?? 0),
  inTraining: Number(row.in_training ?? 0),
  capable: Number(row.capable ?? 0),
});

export const addAnimatorSums = (a: AnimatorSums, b: AnimatorSums): AnimatorSums => ({
  trained: a.trained + b.trained,
  inTraining: a.inTraining + b.inTraining,
  capable: a.capable + b.capable,
});
