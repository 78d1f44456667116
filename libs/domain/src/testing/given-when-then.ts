/**
 * A tiny test DSL for deciders: `given(decider, events).when(command).then(events)` or
 * `.thenThrows(kind, code, field?)`. Uses jest's global `expect`, so it is for specs only and is not
 * re-exported from the library's index (import it from `@cafeia/domain/testing/given-when-then`).
 */
import { fold, type Decider } from '../decider';
import { DomainError, type DomainErrorKind } from '../errors';

export type Scenario<Command, Event, State> = {
  /** the state the given events fold to, for assertions on helpers that read state */
  state: () => State;
  when: (command: Command) => Outcome<Event, State>;
};

export type Outcome<Event, State> = {
  /** asserts the events the command produces (an empty list means "accepted, nothing new") */
  then: (expected: Event[]) => void;
  /** asserts the command is refused with that kind and code (and field, when given) */
  thenThrows: (kind: DomainErrorKind, code: string, field?: string) => DomainError;
  /** the state after the given events and the command's events, for assertions on helpers */
  thenState: () => State;
};

export const given = <Command, Event, State>(decider: Decider<Command, Event, State>, events: Event[]): Scenario<Command, Event, State> => {
  const state = () => fold(decider, events);
  return {
    state,
    when: (command) => {
      const decide = () => decider.decide(command, state());
      return {
        then: (expected) => {
          const produced = decide();
          expect(produced).toEqual(expected);
          // every produced event must also be one the aggregate can fold without error
          fold(decider, [...events, ...produced]);
        },
        thenThrows: (kind, code, field) => {
          let refusal: unknown;
          let produced: Event[] | undefined;
          try {
            produced = decide();
          } catch (error) {
            refusal = error;
          }
          if (refusal === undefined) {
            throw new Error(`expected a ${kind} refusal "${code}" but the command produced ${JSON.stringify(produced)}`);
          }
          expect(refusal).toBeInstanceOf(DomainError);
          const domainError = refusal as DomainError;
          expect({ kind: domainError.kind, code: domainError.code }).toEqual({ kind, code });
          if (field !== undefined) expect(domainError.field).toBe(field);
          // a coordinator reads this sentence: it must say something
          expect(domainError.message.trim().length).toBeGreaterThan(10);
          return domainError;
        },
        thenState: () => fold(decider, [...events, ...decide()]),
      };
    },
  };
};
