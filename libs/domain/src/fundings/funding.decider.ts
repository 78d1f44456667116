import type { FundingCommand, GrantFunding } from './funding.commands';
import { aggregateDecider, eventsOf } from '../aggregate-decider';
import { conflict, notFound, ruleViolation } from '../errors';
import type { FundingGranted, FundingStructureAdded } from './funding.events';
import { assertNever } from '../exhaustive';
import { toMillis } from '../instants';
import { isNonNegativeInteger } from '../whole-numbers';
import { sameData } from '../same-data';

export type FundingEvent = FundingGranted | FundingStructureAdded;

export type FundingState =
  | { status: 'ungranted' }
  | {
      status: 'granted';
      /** as first granted, kept to recognise a retried grant after structures were added */
      granted: FundingGranted['data'];
      structureIds: string[];
    };

const checkGrant = (command: GrantFunding): void => {
  if (toMillis(command.from, 'from') > toMillis(command.to, 'to')) {
    throw ruleViolation('period_reversed', 'The end of the funding period must not come before its start.', 'to');
  }
  if (command.structureIds.length === 0) {
    throw ruleViolation('structures_required', 'A funding must support at least one structure.', 'structureIds');
  }
  if (new Set(command.structureIds).size !== command.structureIds.length) {
    throw ruleViolation('structures_duplicated', 'A structure is listed more than once.', 'structureIds');
  }
  if (command.amountEuros !== null && !(Number.isFinite(command.amountEuros) && command.amountEuros >= 0)) {
    throw ruleViolation('invalid_amount', 'The amount must be zero or more.', 'amountEuros');
  }
  for (const target of ['people', 'cafes'] as const) {
    const value = command.targets[target];
    if (value !== null && !isNonNegativeInteger(value)) {
      throw ruleViolation('invalid_target', `The target of ${target} must be a whole number, zero or more.`, `targets.${target}`);
    }
  }
};

export const decideFunding = (command: FundingCommand, state: FundingState): FundingEvent[] => {
  switch (command.type) {
    case 'GrantFunding': {
      const { type: _type, ...data } = command;
      if (state.status === 'granted') {
        if (sameData(state.granted, data)) return [];
        throw conflict('id_reused', 'This id already belongs to a funding granted with different details.', 'id');
      }
      checkGrant(command);
      return [{ type: 'FundingGranted', data }];
    }
    case 'AddFundingStructure':
      if (state.status === 'ungranted') throw notFound('funding_not_found', 'No funding is granted with this id.');
      if (state.structureIds.includes(command.structureId)) return [];
      return [{ type: 'FundingStructureAdded', data: { fundingId: command.fundingId, structureId: command.structureId } }];
    default:
      return assertNever(command);
  }
};

export const evolveFunding = (state: FundingState, event: FundingEvent): FundingState => {
  switch (event.type) {
    case 'FundingGranted':
      return { status: 'granted', granted: event.data, structureIds: [...event.data.structureIds] };
    case 'FundingStructureAdded':
      return state.status === 'ungranted' ? state : { ...state, structureIds: [...state.structureIds, event.data.structureId] };
    default:
      return assertNever(event);
  }
};

export const isFundingEvent = eventsOf<FundingEvent>({
  FundingGranted: true,
  FundingStructureAdded: true,
});

export const fundingDecider = aggregateDecider<FundingCommand, FundingEvent, FundingState>({
  initialState: () => ({ status: 'ungranted' }),
  decide: decideFunding,
  isOwnEvent: isFundingEvent,
  evolveOwn: evolveFunding,
});
