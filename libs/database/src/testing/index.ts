export { describeOnBothDialects } from './describe-on-both-dialects';
export type { DialectUnderTest } from './describe-on-both-dialects';
export { createThrowawayDatabase, postgresWanted } from './throwaway-database';
