import type { TerritoryTargetCommand } from './target.commands';
import { aggregateDecider, eventsOf } from '../aggregate-decider';
import { ruleViolation } from '../errors';
import type { TerritoryLevel } from '../territory-level';
import type { TerritoryTargetSet } from './target.events';
import { assertNever } from '../exhaustive';
import { isNonNegativeInteger } from '../whole-numbers';

export type TerritoryTargetEvent = TerritoryTargetSet;

/** `apportioned`: no override, the read side apportions the national target by population */
export type TerritoryTargetState =
  | { status: 'apportioned' }
  | { status: 'overridden'; level: TerritoryLevel; code: string; people: number; at: string };

export const decideTerritoryTarget = (command: TerritoryTargetCommand, _state: TerritoryTargetState): TerritoryTargetEvent[] => {
  switch (command.type) {
    case 'SetTerritoryTarget': {
      if (!isNonNegativeInteger(command.people)) {
        throw ruleViolation('invalid_target', 'The target must be a whole number of people, zero or more.', 'people');
      }
      const { level, code, people, now: at } = command;
      // always recorded, even when unchanged: each PUT is a decision the council made, kept for the audit trail
      return [{ type: 'TerritoryTargetSet', data: { level, code, people, at } }];
    }
    default:
      return assertNever(command.type);
  }
};

export const evolveTerritoryTarget = (_state: TerritoryTargetState, event: TerritoryTargetEvent): TerritoryTargetState => {
  switch (event.type) {
    case 'TerritoryTargetSet':
      return { status: 'overridden', ...event.data };
    default:
      return assertNever(event.type);
  }
};

export const isTerritoryTargetEvent = eventsOf<TerritoryTargetEvent>({
  TerritoryTargetSet: true,
});

export const territoryTargetDecider = aggregateDecider<TerritoryTargetCommand, TerritoryTargetEvent, TerritoryTargetState>({
  initialState: () => ({ status: 'apportioned' }),
  decide: decideTerritoryTarget,
  isOwnEvent: isTerritoryTargetEvent,
  evolveOwn: evolveTerritoryTarget,
});
