import type { TrainingStatus } from './animator.events';

export type RegisterAnimator = {
  type: 'RegisterAnimator';
  animatorId: string;
  displayName: string;
  communeCode: string;
  structureId: string | null;
  listed: boolean;
};
export type RecordTrainingStep = {
  type: 'RecordTrainingStep';
  animatorId: string;
  status: TrainingStatus;
  /** only with `completed` */
  capable: boolean | null;
  now: string;
};
export type AnimatorCommand = RegisterAnimator | RecordTrainingStep;
