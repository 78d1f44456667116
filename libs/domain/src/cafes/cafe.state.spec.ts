import type { DomainEvent } from '../events';
import { evolveAll } from '../decider';
import { cafeDecider } from './cafe.decider';
import { attended, cancelled, enrolled, enrolmentCancelled, headcount, scheduled } from './cafe.fixtures';
import { evolveCafe, evolveCafeMany, initialCafeState, type CafeEvent, type CafeState } from './cafe.state';

const stream: CafeEvent[] = [
  scheduled,
  enrolled('p-1'),
  enrolled('p-2'),
  enrolmentCancelled('p-2'),
  enrolled('p-2', 'e-p-2-again'),
  attended('p-1'),
  attended('p-3', 'e-p-3'),
  headcount(4),
  headcount(2, 4),
  cancelled,
];

const snapshot = (state: CafeState) =>
  state.status === 'unscheduled'
    ? state
    : { ...state, enrolments: [...state.enrolments], activeEnrolments: [...state.activeEnrolments], attended: [...state.attended] };

describe('folding a café stream at once (evolveCafeMany)', () => {
  it('gives what one evolveCafe per event gives, from the start and from any state along the stream', () => {
    for (let from = 0; from <= stream.length; from++) {
      const before = stream.slice(0, from).reduce(evolveCafe, initialCafeState());
      const expected = snapshot(stream.slice(from).reduce(evolveCafe, before));
      expect(snapshot(evolveCafeMany(before, stream.slice(from)))).toEqual(expected);
    }
  });

  it('never changes the state it is given (states are shared by the state cache)', () => {
    const before = stream.slice(0, 3).reduce(evolveCafe, initialCafeState());
    const kept = snapshot(before);
    evolveCafeMany(before, stream.slice(3));
    expect(snapshot(before)).toEqual(kept);
  });

  it('is the café decider’s evolveMany, which skips other aggregates’ events as evolve does', () => {
    const foreign = { type: 'StructureRegistered', data: {} } as unknown as DomainEvent;
    const events: DomainEvent[] = [stream[0], foreign, ...stream.slice(1)];
    expect(snapshot(evolveAll(cafeDecider, cafeDecider.initialState(), events))).toEqual(snapshot(events.reduce(cafeDecider.evolve, cafeDecider.initialState())));
  });
});
