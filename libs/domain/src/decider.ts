/**
 * A decider is the write side of one aggregate: pure functions, no I/O, no clock, no random ids.
 * Time and ids come in with the command.
 */
export interface Decider<Command, Event, State> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  /**
   * Optional: the same as `events.reduce(evolve, state)`, for folding a whole stream at once — e.g. into private
   * copies of the state's maps made once, where `evolve` must copy them on every event. Never changes `state`.
   */
  evolveMany?: (state: State, events: readonly Event[]) => State;
  /** the events the command produces in that state; throws a `DomainError` to refuse it */
  decide: (command: Command, state: State) => Event[];
}

export const fold = <Event, State>(decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve' | 'evolveMany'>, events: Event[]): State =>
  evolveAll(decider, decider.initialState(), events);

/** `state` brought past `events`: the decider's `evolveMany` when it has one, else one `evolve` per event */
export const evolveAll = <Event, State>(decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'evolveMany'>, state: State, events: readonly Event[]): State =>
  decider.evolveMany && events.length > 1 ? decider.evolveMany(state, events) : events.reduce(decider.evolve, state);
