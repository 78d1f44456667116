/**
 * A decider is the write side of one aggregate: pure functions, no I/O, no clock, no random ids.
 * Time and ids come in with the command.
 */
export interface Decider<Command, Event, State> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  /** the events the command produces in that state; throws a `DomainError` to refuse it */
  decide: (command: Command, state: State) => Event[];
}

export const fold = <Event, State>(decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>, events: Event[]): State =>
  events.reduce(decider.evolve, decider.initialState());
