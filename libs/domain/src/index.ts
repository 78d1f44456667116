/**
 * The write side's pure core: events, commands, deciders, domain errors, upcasters.
 * The test DSL is not exported here (it uses jest's `expect`); specs import it from
 * `@cafeia/domain/testing/given-when-then`.
 */
export * from './events';
export * from './commands';
export * from './decider';
export * from './errors';
export * from './upcasters';
export * from './aggregate-decider';
export { assertNever } from './exhaustive';

export * from './structures/structure.decider';
export * from './animators/animator.decider';
export * from './cafes/cafe.state';
export * from './cafes/cafe.decider';
export { activeEnrolmentOf, anonymousCountOf, attendanceRecorded, attendedParticipants, cafeSummary, type CafeSummary } from './cafes/cafe.queries';
export * from './cafes/held';
export * from './participants/participant.decider';
export * from './fundings/funder.decider';
export * from './fundings/funding.decider';
export * from './targets/target.decider';
export * from './access/access.decider';
export * from './networks/network.decider';
