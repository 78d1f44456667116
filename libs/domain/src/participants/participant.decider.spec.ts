import type { ParticipantCommand } from './participant.commands';
import { given } from '../testing/given-when-then';
import { participantDecider, type ParticipantEvent } from './participant.decider';

const participantId = 'p-1';
const register = (personalData: string, now: string): ParticipantCommand => ({
  type: 'RegisterParticipant',
  participantId,
  personalData,
  contactHashes: ['h-email'],
  now,
});
const registered = (personalData: string, at: string): ParticipantEvent => ({
  type: 'ParticipantRegistered',
  data: { participantId, personalData, contactHashes: ['h-email'], at },
});
const erase: ParticipantCommand = { type: 'EraseParticipant', participantId, now: '2025-04-01T09:00:00Z' };
const erased: ParticipantEvent = { type: 'ParticipantErased', data: { participantId, at: '2025-04-01T09:00:00Z' } };

describe('registering a participant', () => {
  it('registers a person seen for the first time', () => {
    given(participantDecider, []).when(register('cipher-1', '2025-03-01T09:00:00Z')).then([registered('cipher-1', '2025-03-01T09:00:00Z')]);
  });

  it('a person already registered records nothing', () => {
    given(participantDecider, [registered('cipher-1', '2025-03-01T09:00:00Z')]).when(register('cipher-2', '2025-03-02T09:00:00Z')).then([]);
  });

  it('a person who was erased may register again', () => {
    given(participantDecider, [registered('cipher-1', '2025-03-01T09:00:00Z'), erased])
      .when(register('cipher-2', '2025-05-01T09:00:00Z'))
      .then([registered('cipher-2', '2025-05-01T09:00:00Z')]);
  });
});

describe('erasing a participant', () => {
  it('erases a registered person', () => {
    given(participantDecider, [registered('cipher-1', '2025-03-01T09:00:00Z')]).when(erase).then([erased]);
  });

  it('erasing an already erased person records nothing', () => {
    given(participantDecider, [registered('cipher-1', '2025-03-01T09:00:00Z'), erased]).when(erase).then([]);
  });

  it('erasing an unknown person is not found', () => {
    given(participantDecider, []).when(erase).thenThrows('not_found', 'participant_not_found');
  });
});
