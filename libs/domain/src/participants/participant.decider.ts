import type { ParticipantCommand } from './participant.commands';
import { aggregateDecider, eventsOf } from '../aggregate-decider';
import { notFound } from '../errors';
import type { ParticipantErased, ParticipantRegistered } from './participant.events';
import { assertNever } from '../exhaustive';

export type ParticipantEvent = ParticipantRegistered | ParticipantErased;

export type ParticipantState =
  | { status: 'unknown' }
  | { status: 'registered'; participantId: string; contactHashes: string[]; registeredAt: string }
  | { status: 'erased'; participantId: string; erasedAt: string };

export const decideParticipant = (command: ParticipantCommand, state: ParticipantState): ParticipantEvent[] => {
  switch (command.type) {
    case 'RegisterParticipant': {
      // the id is a keyed hash of the contact: registered already means the same person
      if (state.status === 'registered') return [];
      const { participantId, personalData, contactHashes, now: at } = command;
      // after an erasure the person may come back: new ciphertext under a new key
      return [{ type: 'ParticipantRegistered', data: { participantId, personalData, contactHashes, at } }];
    }
    case 'EraseParticipant':
      if (state.status === 'unknown') throw notFound('participant_not_found', 'No participant is known with this id.');
      if (state.status === 'erased') return [];
      return [{ type: 'ParticipantErased', data: { participantId: command.participantId, at: command.now } }];
    default:
      return assertNever(command);
  }
};

export const evolveParticipant = (state: ParticipantState, event: ParticipantEvent): ParticipantState => {
  switch (event.type) {
    case 'ParticipantRegistered':
      return { status: 'registered', participantId: event.data.participantId, contactHashes: event.data.contactHashes, registeredAt: event.data.at };
    case 'ParticipantErased':
      return state.status === 'unknown' ? state : { status: 'erased', participantId: state.participantId, erasedAt: event.data.at };
    default:
      return assertNever(event);
  }
};

export const isParticipantEvent = eventsOf<ParticipantEvent>({
  ParticipantRegistered: true,
  ParticipantErased: true,
});

export const participantDecider = aggregateDecider<ParticipantCommand, ParticipantEvent, ParticipantState>({
  initialState: () => ({ status: 'unknown' }),
  decide: decideParticipant,
  isOwnEvent: isParticipantEvent,
  evolveOwn: evolveParticipant,
});
