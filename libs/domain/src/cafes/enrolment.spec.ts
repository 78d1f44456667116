import type { CafeCommand } from './cafe.commands';
import { given } from '../testing/given-when-then';
import { cafeDecider } from './cafe.decider';
import { activeEnrolmentOf } from './cafe.queries';
import { attended, cafeId, cancelled, enrol, enrolled, enrolmentCancelled, scheduled } from './cafe.fixtures';

const cancelEnrolment = (enrolmentId: string): CafeCommand => ({ type: 'CancelEnrolment', cafeId, enrolmentId, now: '2025-02-03T09:00:00Z' });

describe('enrolling in a café', () => {
  it('enrols a person under the given enrolment id', () => {
    given(cafeDecider, [scheduled]).when(enrol('p-1')).then([enrolled('p-1')]);
  });

  it('a person may enrol whatever the café date, even after it (back-filling)', () => {
    given(cafeDecider, [scheduled])
      .when(enrol('p-1', 'e-late', '2025-06-01T09:00:00Z'))
      .then([enrolled('p-1', 'e-late', '2025-06-01T09:00:00Z')]);
  });

  it('the same person enrolling twice keeps their first enrolment and records nothing', () => {
    const scenario = given(cafeDecider, [scheduled, enrolled('p-1', 'e-first')]);
    scenario.when(enrol('p-1', 'e-second')).then([]);
    expect(activeEnrolmentOf(scenario.state(), 'p-1')).toEqual({ enrolmentId: 'e-first', participantId: 'p-1' });
  });

  it('a person whose enrolment was cancelled can enrol again with a new enrolment', () => {
    given(cafeDecider, [scheduled, enrolled('p-1', 'e-first'), enrolmentCancelled('p-1', 'e-first')])
      .when(enrol('p-1', 'e-second'))
      .then([enrolled('p-1', 'e-second')]);
  });

  it('an enrolment id already used in the café is a conflict', () => {
    given(cafeDecider, [scheduled, enrolled('p-1', 'e-1')]).when(enrol('p-2', 'e-1')).thenThrows('conflict', 'enrolment_id_reused', 'enrolmentId');
  });

  it('refuses to enrol in a cancelled café', () => {
    given(cafeDecider, [scheduled, cancelled]).when(enrol('p-1')).thenThrows('rule', 'cafe_cancelled');
  });

  it('enrolling in an unknown café is not found', () => {
    given(cafeDecider, []).when(enrol('p-1')).thenThrows('not_found', 'cafe_not_found');
  });
});

describe('cancelling an enrolment', () => {
  it('cancels an active enrolment of the person', () => {
    given(cafeDecider, [scheduled, enrolled('p-1')]).when(cancelEnrolment('e-p-1')).then([enrolmentCancelled('p-1')]);
  });

  it('cancelling an already cancelled enrolment records nothing', () => {
    given(cafeDecider, [scheduled, enrolled('p-1'), enrolmentCancelled('p-1')]).when(cancelEnrolment('e-p-1')).then([]);
  });

  it('the person no longer has an active enrolment afterwards', () => {
    const state = given(cafeDecider, [scheduled, enrolled('p-1')]).when(cancelEnrolment('e-p-1')).thenState();
    expect(activeEnrolmentOf(state, 'p-1')).toBeNull();
  });

  it('refuses to cancel the enrolment of a person who already attended', () => {
    given(cafeDecider, [scheduled, enrolled('p-1'), attended('p-1')]).when(cancelEnrolment('e-p-1')).thenThrows('rule', 'participant_attended');
  });

  it('an unknown enrolment is not found', () => {
    given(cafeDecider, [scheduled, enrolled('p-1')]).when(cancelEnrolment('e-unknown')).thenThrows('not_found', 'enrolment_not_found');
  });

  it('an enrolment in an unknown café is not found', () => {
    given(cafeDecider, []).when(cancelEnrolment('e-p-1')).thenThrows('not_found', 'cafe_not_found');
  });
});
