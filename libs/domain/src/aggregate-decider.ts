import type { Decider } from './decider';
import type { DomainEvent } from './events';

/**
 * A decider whose `decide` yields only its aggregate's events but whose `evolve` accepts any
 * `DomainEvent`, ignoring the others: readers of the store get `DomainEvent`s and can fold them without
 * casting, while `evolveX` keeps an exhaustive switch over the aggregate's own events. It is both a
 * `Decider<C, E, S>` and a `Decider<C, DomainEvent, S>`.
 */
export interface AggregateDecider<Command, Event extends DomainEvent, State> extends Decider<Command, Event, State> {
  evolve: (state: State, event: DomainEvent) => State;
  evolveMany?: (state: State, events: readonly DomainEvent[]) => State;
}

/** the record form makes the compiler demand every event type of the aggregate, and nothing else */
export const eventsOf =
  <E extends DomainEvent>(types: Record<E['type'], true>) =>
  (event: DomainEvent): event is E =>
    Object.prototype.hasOwnProperty.call(types, event.type);

export const aggregateDecider = <Command, Event extends DomainEvent, State>(parts: {
  initialState: () => State;
  decide: (command: Command, state: State) => Event[];
  isOwnEvent: (event: DomainEvent) => event is Event;
  evolveOwn: (state: State, event: Event) => State;
  /** optional: many of the aggregate's events at once (see `Decider.evolveMany`) */
  evolveManyOwn?: (state: State, events: readonly Event[]) => State;
}): AggregateDecider<Command, Event, State> => {
  const { evolveManyOwn, isOwnEvent } = parts;
  return {
    initialState: parts.initialState,
    decide: parts.decide,
    evolve: (state, event) => (isOwnEvent(event) ? parts.evolveOwn(state, event) : state),
    ...(evolveManyOwn ? { evolveMany: (state: State, events: readonly DomainEvent[]) => evolveManyOwn(state, events.filter(isOwnEvent)) } : {}),
  };
};
