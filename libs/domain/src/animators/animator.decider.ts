import type { AnimatorCommand, RecordTrainingStep } from './animator.commands';
import { aggregateDecider, eventsOf } from '../aggregate-decider';
import { conflict, notFound, ruleViolation } from '../errors';
import type {
  AnimatorCompletedTraining,
  AnimatorDroppedTraining,
  AnimatorEnrolledInTraining,
  AnimatorRegistered,
} from './animator.events';
import { assertNever } from '../exhaustive';
import { sameData } from '../same-data';

export type AnimatorEvent = AnimatorRegistered | AnimatorEnrolledInTraining | AnimatorCompletedTraining | AnimatorDroppedTraining;

type Profile = AnimatorRegistered['data'];

/** `untrained`: registered, never enrolled in training; the other statuses are the last training step */
export type AnimatorState =
  | { status: 'unregistered' }
  | { status: 'untrained'; profile: Profile }
  | { status: 'enrolled'; profile: Profile; since: string }
  | { status: 'completed'; profile: Profile; capable: boolean | null; since: string }
  | { status: 'dropped'; profile: Profile; since: string };

export type AnimatorTrainingStatus = Exclude<AnimatorState['status'], 'unregistered'>;

const recordTrainingStep = (command: RecordTrainingStep, state: AnimatorState): AnimatorEvent[] => {
  if (state.status === 'unregistered') {
    throw notFound('animator_not_found', 'No animator is registered with this id.');
  }
  if (command.capable !== null && command.status !== 'completed') {
    throw ruleViolation('capable_only_with_completed', 'Whether the animator feels capable can only be given when the training is completed.', 'capable');
  }
  const { animatorId, now: at } = command;
  switch (command.status) {
    case 'enrolled':
      if (state.status === 'enrolled') return []; // the same step again: a retry
      if (state.status === 'completed') {
        throw ruleViolation('training_already_completed', 'This animator has already completed the training.', 'status');
      }
      return [{ type: 'AnimatorEnrolledInTraining', data: { animatorId, at } }];
    case 'completed':
      if (state.status === 'completed' && state.capable === command.capable) return [];
      if (state.status !== 'enrolled') {
        throw ruleViolation('training_not_in_progress', 'The training can only be completed by an animator currently enrolled in it.', 'status');
      }
      return [{ type: 'AnimatorCompletedTraining', data: { animatorId, capable: command.capable, at } }];
    case 'dropped':
      if (state.status === 'dropped') return [];
      if (state.status !== 'enrolled') {
        throw ruleViolation('training_not_in_progress', 'The training can only be dropped by an animator currently enrolled in it.', 'status');
      }
      return [{ type: 'AnimatorDroppedTraining', data: { animatorId, at } }];
    default:
      return assertNever(command.status);
  }
};

export const decideAnimator = (command: AnimatorCommand, state: AnimatorState): AnimatorEvent[] => {
  switch (command.type) {
    case 'RegisterAnimator': {
      const { type: _type, ...profile } = command;
      if (state.status !== 'unregistered') {
        if (sameData(state.profile, profile)) return [];
        throw conflict('id_reused', 'This id already belongs to an animator registered with different details.', 'id');
      }
      return [{ type: 'AnimatorRegistered', data: profile }];
    }
    case 'RecordTrainingStep':
      return recordTrainingStep(command, state);
    default:
      return assertNever(command);
  }
};

export const evolveAnimator = (state: AnimatorState, event: AnimatorEvent): AnimatorState => {
  switch (event.type) {
    case 'AnimatorRegistered':
      return { status: 'untrained', profile: event.data };
    case 'AnimatorEnrolledInTraining':
      return state.status === 'unregistered' ? state : { status: 'enrolled', profile: state.profile, since: event.data.at };
    case 'AnimatorCompletedTraining':
      return state.status === 'unregistered'
        ? state
        : { status: 'completed', profile: state.profile, capable: event.data.capable, since: event.data.at };
    case 'AnimatorDroppedTraining':
      return state.status === 'unregistered' ? state : { status: 'dropped', profile: state.profile, since: event.data.at };
    default:
      return assertNever(event);
  }
};

export const isAnimatorEvent = eventsOf<AnimatorEvent>({
  AnimatorRegistered: true,
  AnimatorEnrolledInTraining: true,
  AnimatorCompletedTraining: true,
  AnimatorDroppedTraining: true,
});

export const animatorDecider = aggregateDecider<AnimatorCommand, AnimatorEvent, AnimatorState>({
  initialState: () => ({ status: 'unregistered' }),
  decide: decideAnimator,
  isOwnEvent: isAnimatorEvent,
  evolveOwn: evolveAnimator,
});
