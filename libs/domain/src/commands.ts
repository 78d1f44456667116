/**
 * Commands: imperative, validated at the edge, carrying their own time (`now`) and ids.
 * Each aggregate's decider takes the union of its commands.
 */
// each command is defined beside its aggregate; this barrel gathers them
export * from './structures/structure.commands';
export * from './animators/animator.commands';
export * from './cafes/cafe.commands';
export * from './participants/participant.commands';
export * from './fundings/funding.commands';
export * from './targets/target.commands';
export * from './access/access.commands';
export * from './networks/network.commands';
