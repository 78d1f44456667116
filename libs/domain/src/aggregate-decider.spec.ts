import { fold } from './decider';
import type { DomainEvent } from './events';
import { animatorDecider, isAnimatorEvent } from './animators/animator.decider';
import { cafeDecider, isCafeEvent } from './cafes/cafe.decider';
import { funderDecider } from './fundings/funder.decider';
import { fundingDecider } from './fundings/funding.decider';
import { participantDecider } from './participants/participant.decider';
import { structureDecider } from './structures/structure.decider';
import { territoryTargetDecider } from './targets/target.decider';

const structureRegistered: DomainEvent = {
  type: 'StructureRegistered',
  data: { structureId: 's-1', name: 'MJC', kind: 'association', communeCode: '69123', siret: null, address: null, postalCode: null },
};
const participantErased: DomainEvent = { type: 'ParticipantErased', data: { participantId: 'p-1', at: '2025-01-01T00:00:00Z' } };

describe('folding events read from the store', () => {
  it('every aggregate ignores events of other aggregates', () => {
    expect(fold(animatorDecider, [structureRegistered])).toEqual(animatorDecider.initialState());
    expect(fold(cafeDecider, [structureRegistered])).toEqual(cafeDecider.initialState());
    expect(fold(funderDecider, [structureRegistered])).toEqual(funderDecider.initialState());
    expect(fold(fundingDecider, [structureRegistered])).toEqual(fundingDecider.initialState());
    expect(fold(participantDecider, [structureRegistered])).toEqual(participantDecider.initialState());
    expect(fold(territoryTargetDecider, [structureRegistered])).toEqual(territoryTargetDecider.initialState());
  });

  it('a structure ignores events of other aggregates but folds its own', () => {
    expect(fold(structureDecider, [participantErased, structureRegistered])).toEqual({ status: 'registered', structure: structureRegistered.data });
  });

  it('tells its own events from the others', () => {
    expect(isCafeEvent({ type: 'AnonymousHeadcountDeclared', data: { cafeId: 'c', count: 1, previousCount: 0, at: 'x' } })).toBe(true);
    expect(isCafeEvent(participantErased)).toBe(false);
    expect(isAnimatorEvent(structureRegistered)).toBe(false);
  });
});
