import type { StructureCommand } from './structure.commands';
import { aggregateDecider, eventsOf } from '../aggregate-decider';
import { conflict } from '../errors';
import type { StructureRegistered } from './structure.events';
import { assertNever } from '../exhaustive';
import { sameData } from '../same-data';

export type StructureEvent = StructureRegistered;

export type StructureState = { status: 'unregistered' } | { status: 'registered'; structure: StructureRegistered['data'] };

export const isStructureEvent = eventsOf<StructureEvent>({ StructureRegistered: true });

export const evolveStructure = (state: StructureState, event: StructureEvent): StructureState => {
  switch (event.type) {
    case 'StructureRegistered':
      return { status: 'registered', structure: event.data };
    default:
      return assertNever(event.type);
  }
};

export const decideStructure = (command: StructureCommand, state: StructureState): StructureEvent[] => {
  switch (command.type) {
    case 'RegisterStructure': {
      const { type: _type, ...data } = command;
      if (state.status === 'registered') {
        if (sameData(state.structure, data)) return [];
        throw conflict('id_reused', 'This id already belongs to a structure registered with different details.', 'id');
      }
      return [{ type: 'StructureRegistered', data }];
    }
    default:
      return assertNever(command.type);
  }
};

export const structureDecider = aggregateDecider<StructureCommand, StructureEvent, StructureState>({
  initialState: () => ({ status: 'unregistered' }),
  decide: decideStructure,
  isOwnEvent: isStructureEvent,
  evolveOwn: evolveStructure,
});
