import type { AnimatorTrainingStatus, TrainingStatus } from '@cafeia/domain';

export type TrainingSteps =
  | { ok: true; steps: { status: TrainingStatus; capable?: boolean }[] }
  | { ok: false; field: 'training_status' | 'capable'; message: string };

/**
 * The training steps still needed to bring an animator from `current` to the file's status. The
 * API takes one step at a time (completed and dropped only after enrolled): a spreadsheet saying
 * "formé" for someone new is enrolled then completed; the same file imported again sends nothing.
 * What the API would refuse (going back from completed) is refused here, with the row's field.
 */
export function trainingStepsToReach(
  now: { status: AnimatorTrainingStatus; capable?: boolean | null },
  target: { status: TrainingStatus; capable: boolean | null },
): TrainingSteps {
  const current = now.status;
  const completed = target.capable === null ? { status: 'completed' as const } : { status: 'completed' as const, capable: target.capable };
  if (current === 'completed') {
    if (target.status === 'completed') {
      if (target.capable === null || target.capable === (now.capable ?? null)) return { ok: true, steps: [] };
      return { ok: false, field: 'capable', message: 'La formation de cette personne est déjà enregistrée comme terminée avec une autre réponse à « se sent capable » : elle ne peut plus être changée par un import.' };
    }
    return { ok: false, field: 'training_status', message: 'Cette personne a déjà terminé la formation : son statut ne peut plus revenir en arrière.' };
  }
  switch (target.status) {
    case 'enrolled':
      return { ok: true, steps: current === 'enrolled' ? [] : [{ status: 'enrolled' }] };
    case 'completed':
      return { ok: true, steps: current === 'enrolled' ? [completed] : [{ status: 'enrolled' }, completed] };
    case 'dropped':
      if (current === 'dropped') return { ok: true, steps: [] };
      return { ok: true, steps: current === 'enrolled' ? [{ status: 'dropped' }] : [{ status: 'enrolled' }, { status: 'dropped' }] };
  }
}
