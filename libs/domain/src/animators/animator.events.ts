/** Stream `animator-{id}`. */
export const TRAINING_STATUSES = ['enrolled', 'completed', 'dropped'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export type AnimatorRegistered = {
  type: 'AnimatorRegistered';
  data: {
    animatorId: string;
    displayName: string;
    communeCode: string;
    structureId: string | null;
    /** the animator agreed to appear in the public directory (v2; false for every earlier registration) */
    listed: boolean;
  };
};
export type AnimatorEnrolledInTraining = {
  type: 'AnimatorEnrolledInTraining';
  data: { animatorId: string; at: string };
};
export type AnimatorCompletedTraining = {
  type: 'AnimatorCompletedTraining';
  data: { animatorId: string; capable: boolean | null; at: string };
};
export type AnimatorDroppedTraining = {
  type: 'AnimatorDroppedTraining';
  data: { animatorId: string; at: string };
};
