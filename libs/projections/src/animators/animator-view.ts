import type {
  AnimatorCompletedTraining,
  AnimatorDroppedTraining,
  AnimatorEnrolledInTraining,
  AnimatorRegistered,
  TrainingStatus,
} from '@cafeia/domain';
import type { Place } from '../territory/territory-directory';

export type AnimatorEvent = AnimatorRegistered | AnimatorEnrolledInTraining | AnimatorCompletedTraining | AnimatorDroppedTraining;

export const ANIMATOR_EVENT_TYPES: ReadonlySet<string> = new Set<AnimatorEvent['type']>([
  'AnimatorRegistered',
  'AnimatorEnrolledInTraining',
  'AnimatorCompletedTraining',
  'AnimatorDroppedTraining',
]);

/** 'none' until the animator first enrols in training */
export type AnimatorTrainingStatus = TrainingStatus | 'none';

export interface AnimatorView {
  animatorId: string;
  displayName: string;
  communeCode: string;
  commune: string | null;
  department: string | null;
  region: string | null;
  epci: string | null;
  structureId: string | null;
  trainingStatus: AnimatorTrainingStatus;
  /** only meaningful once completed */
  capable: boolean | null;
  trainingUpdatedAt: string | null;
}

export function evolveAnimator(view: AnimatorView | null, event: AnimatorEvent, placeOf: (communeCode: string) => Place): AnimatorView | null {
  if (event.type === 'AnimatorRegistered') {
    if (view) return view;
    const place = placeOf(event.data.communeCode);
    return {
      animatorId: event.data.animatorId,
      displayName: event.data.displayName,
      communeCode: event.data.communeCode,
      commune: place.commune,
      department: place.department,
      region: place.region,
      epci: place.epci,
      structureId: event.data.structureId,
      trainingStatus: 'none',
      capable: null,
      trainingUpdatedAt: null,
    };
  }
  if (!view) return view;
  switch (event.type) {
    case 'AnimatorEnrolledInTraining':
      return { ...view, trainingStatus: 'enrolled', capable: null, trainingUpdatedAt: event.data.at };
    case 'AnimatorCompletedTraining':
      return { ...view, trainingStatus: 'completed', capable: event.data.capable, trainingUpdatedAt: event.data.at };
    case 'AnimatorDroppedTraining':
      return { ...view, trainingStatus: 'dropped', capable: null, trainingUpdatedAt: event.data.at };
  }
}

export interface AnimatorContribution {
  keys: string[];
  trained: number;
  inTraining: number;
  capable: number;
}

/** An animator belongs to the territory of their commune. */
export function animatorContribution(view: AnimatorView | null, placeOf: (communeCode: string) => Place): AnimatorContribution | null {
  if (!view) return null;
  const trained = view.trainingStatus === 'completed' ? 1 : 0;
  return {
    keys: placeOf(view.communeCode).keys,
    trained,
    inTraining: view.trainingStatus === 'enrolled' ? 1 : 0,
    capable: trained && view.capable === true ? 1 : 0,
  };
}
