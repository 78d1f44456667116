import type { RecordTrainingStep, RegisterAnimator } from './animator.commands';
import type { TrainingStatus } from './animator.events';
import { given } from '../testing/given-when-then';
import { animatorDecider, type AnimatorEvent } from './animator.decider';

const animatorId = 'a-1';
const register: RegisterAnimator = { type: 'RegisterAnimator', animatorId, displayName: 'Inès', communeCode: '69123', structureId: 's-1', listed: true };
const registered: AnimatorEvent = { type: 'AnimatorRegistered', data: { animatorId, displayName: 'Inès', communeCode: '69123', structureId: 's-1', listed: true } };
const enrolled: AnimatorEvent = { type: 'AnimatorEnrolledInTraining', data: { animatorId, at: '2025-01-10T09:00:00Z' } };
const completed = (capable: boolean | null): AnimatorEvent => ({
  type: 'AnimatorCompletedTraining',
  data: { animatorId, capable, at: '2025-02-10T09:00:00Z' },
});
const dropped: AnimatorEvent = { type: 'AnimatorDroppedTraining', data: { animatorId, at: '2025-02-10T09:00:00Z' } };

const now = '2025-03-01T10:00:00Z';
const step = (status: TrainingStatus, capable: boolean | null = null): RecordTrainingStep => ({
  type: 'RecordTrainingStep',
  animatorId,
  status,
  capable,
  now,
});

describe('registering an animator', () => {
  it('registers a new animator', () => {
    given(animatorDecider, []).when(register).then([registered]);
  });

  it('registering again with identical data records nothing new', () => {
    given(animatorDecider, [registered]).when(register).then([]);
  });

  it('registering again with identical data after training records nothing new', () => {
    given(animatorDecider, [registered, enrolled]).when(register).then([]);
  });

  it('reusing the id with different data is a conflict on the id', () => {
    given(animatorDecider, [registered])
      .when({ ...register, structureId: null })
      .thenThrows('conflict', 'id_reused', 'id');
  });

  it('registering again without the consent to be listed is a conflict too: the directory is the animator’s choice, made once', () => {
    given(animatorDecider, [registered])
      .when({ ...register, listed: false })
      .thenThrows('conflict', 'id_reused', 'id');
  });
});

describe('training steps', () => {
  const history = {
    'never trained': [registered],
    enrolled: [registered, enrolled],
    'completed (capable)': [registered, enrolled, completed(true)],
    dropped: [registered, enrolled, dropped],
  } satisfies Record<string, AnimatorEvent[]>;

  it.each([
    ['an animator never trained can enrol', history['never trained'], step('enrolled'), [{ type: 'AnimatorEnrolledInTraining', data: { animatorId, at: now } }]],
    ['an animator who dropped can enrol again', history.dropped, step('enrolled'), [{ type: 'AnimatorEnrolledInTraining', data: { animatorId, at: now } }]],
    ['an enrolled animator can complete, feeling capable', history.enrolled, step('completed', true), [{ type: 'AnimatorCompletedTraining', data: { animatorId, capable: true, at: now } }]],
    ['an enrolled animator can complete without saying', history.enrolled, step('completed'), [{ type: 'AnimatorCompletedTraining', data: { animatorId, capable: null, at: now } }]],
    ['an enrolled animator can drop', history.enrolled, step('dropped'), [{ type: 'AnimatorDroppedTraining', data: { animatorId, at: now } }]],
    ['enrolling again while enrolled is a retry that records nothing', history.enrolled, step('enrolled'), []],
    ['completing again with the same answer is a retry that records nothing', history['completed (capable)'], step('completed', true), []],
    ['dropping again is a retry that records nothing', history.dropped, step('dropped'), []],
  ] as [string, AnimatorEvent[], RecordTrainingStep, AnimatorEvent[]][])('%s', (_behaviour, events, command, expected) => {
    given(animatorDecider, events).when(command).then(expected);
  });

  it.each([
    ['completing without having enrolled', history['never trained'], step('completed', true), 'training_not_in_progress', 'status'],
    ['dropping without having enrolled', history['never trained'], step('dropped'), 'training_not_in_progress', 'status'],
    ['completing after dropping', history.dropped, step('completed'), 'training_not_in_progress', 'status'],
    ['dropping after completing', history['completed (capable)'], step('dropped'), 'training_not_in_progress', 'status'],
    ['completing again with a different answer', history['completed (capable)'], step('completed', false), 'training_not_in_progress', 'status'],
    ['enrolling after completing', history['completed (capable)'], step('enrolled'), 'training_already_completed', 'status'],
    ['saying "capable" when enrolling', history['never trained'], step('enrolled', true), 'capable_only_with_completed', 'capable'],
    ['saying "capable" when dropping', history.enrolled, step('dropped', false), 'capable_only_with_completed', 'capable'],
  ] as [string, AnimatorEvent[], RecordTrainingStep, string, string][])('refuses %s', (_behaviour, events, command, code, field) => {
    given(animatorDecider, events).when(command).thenThrows('rule', code, field);
  });

  it('a training step for an unknown animator is not found', () => {
    given(animatorDecider, []).when(step('enrolled')).thenThrows('not_found', 'animator_not_found');
  });

  it('the state follows the last training step', () => {
    const state = given(animatorDecider, [registered, enrolled]).when(step('completed', false)).thenState();
    expect(state).toEqual({ status: 'completed', profile: registered.data, capable: false, since: now });
  });
});
