import type { FunderCommand } from './funding.commands';
import { aggregateDecider, eventsOf } from '../aggregate-decider';
import { conflict } from '../errors';
import type { FunderRegistered } from './funding.events';
import { assertNever } from '../exhaustive';
import { sameData } from '../same-data';

export type FunderEvent = FunderRegistered;

export type FunderState = { status: 'unregistered' } | { status: 'registered'; funder: FunderRegistered['data'] };

export const decideFunder = (command: FunderCommand, state: FunderState): FunderEvent[] => {
  switch (command.type) {
    case 'RegisterFunder': {
      const { type: _type, ...data } = command;
      if (state.status === 'registered') {
        if (sameData(state.funder, data)) return [];
        throw conflict('id_reused', 'This id already belongs to a funder registered with different details.', 'id');
      }
      return [{ type: 'FunderRegistered', data }];
    }
    default:
      return assertNever(command.type);
  }
};

export const evolveFunder = (state: FunderState, event: FunderEvent): FunderState => {
  switch (event.type) {
    case 'FunderRegistered':
      return { status: 'registered', funder: event.data };
    default:
      return assertNever(event.type);
  }
};

export const isFunderEvent = eventsOf<FunderEvent>({
  FunderRegistered: true,
});

export const funderDecider = aggregateDecider<FunderCommand, FunderEvent, FunderState>({
  initialState: () => ({ status: 'unregistered' }),
  decide: decideFunder,
  isOwnEvent: isFunderEvent,
  evolveOwn: evolveFunder,
});
