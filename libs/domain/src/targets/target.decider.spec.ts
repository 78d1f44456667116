import type { SetTerritoryTarget } from './target.commands';
import { given } from '../testing/given-when-then';
import { territoryTargetDecider, type TerritoryTargetEvent } from './target.decider';

const setTarget = (people: number, now = '2025-03-01T09:00:00Z'): SetTerritoryTarget => ({
  type: 'SetTerritoryTarget',
  level: 'department',
  code: '69',
  people,
  now,
});
const targetSet = (people: number, at = '2025-03-01T09:00:00Z'): TerritoryTargetEvent => ({
  type: 'TerritoryTargetSet',
  data: { level: 'department', code: '69', people, at },
});

describe('setting a territory target', () => {
  it('sets the target of a territory', () => {
    given(territoryTargetDecider, []).when(setTarget(40000)).then([targetSet(40000)]);
  });

  it('a target of zero is accepted', () => {
    given(territoryTargetDecider, []).when(setTarget(0)).then([targetSet(0)]);
  });

  it('setting the same target again is recorded again', () => {
    given(territoryTargetDecider, [targetSet(40000)]).when(setTarget(40000, '2025-03-02T09:00:00Z')).then([targetSet(40000, '2025-03-02T09:00:00Z')]);
  });

  it('the latest target is the one in force', () => {
    const state = given(territoryTargetDecider, [targetSet(40000)]).when(setTarget(35000, '2025-03-02T09:00:00Z')).thenState();
    expect(state).toEqual({ status: 'overridden', level: 'department', code: '69', people: 35000, at: '2025-03-02T09:00:00Z' });
  });

  it.each([-1, 10.5])('refuses a target of %p people', (people) => {
    given(territoryTargetDecider, []).when(setTarget(people)).thenThrows('rule', 'invalid_target', 'people');
  });
});
