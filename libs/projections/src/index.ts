/**
 * The read side: read models as pure mappings from events to changes, the engine that applies batches
 * of stored events to them (changes and checkpoint in one transaction), their queries, and rebuilds.
 */
export * from './schema/read-model-db';
export { readModelMigrations, migrateReadModels } from './schema/migrations';
export * from './territory/territory-directory';
export * from './cafes/cafe-view';
export * from './cafes/cafe-contribution';
export * from './reach/participant-reach';
export * from './animators/animator-view';
export * from './figures/figures';
export { FigureChanges } from './figures/figure-changes';
export { ProjectionEngine } from './engine/projection-engine';
export type { ProjectionEngineOptions, ApplyResult } from './engine/projection-engine';
export { READ_MODELS, WHOLE_LOG, readCheckpoint, readCheckpoints } from './engine/checkpoints';
export type { Checkpoint } from './engine/checkpoints';
export { ReadModelQueries } from './queries/read-model-queries';
export type { ReadModelQueriesOptions, TerritoryReport, TerritoryChild, TerritoryRanking, ReadPosition } from './queries/read-model-queries';
export type { Progress, Timeline, TimelineBucket } from './queries/progress';
export { daysLeft, PACE_WINDOW_DAYS, MAX_TIMELINE_BUCKETS, TimelineQueryError } from './queries/progress';
export type { Granularity } from './queries/calendar';
export type { Page, PageRequest } from './queries/pages';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './queries/pages';
export type { CafeItem, CafeQuery, StructureItem, StructureQuery, AnimatorItem, AnimatorQuery, PlaceCodes } from './queries/directories';
export type { FundingRecord } from './queries/fundings';
export { parseTerritoryRef } from './queries/territory-filter';
export type { TerritoryRef } from './queries/territory-filter';
export { catchUp, DEFAULT_BATCH_SIZE } from './rebuild/catch-up';
export type { CatchUpReport } from './rebuild/catch-up';
export { ProjectionRunner } from './rebuild/projection-runner';
export type { ProjectionStatus, ProjectionState, ProjectionRunnerOptions } from './rebuild/projection-runner';
export { LiveReadModels } from './rebuild/live-read-models';
export type { LiveReadModelsOptions, RebuildReport } from './rebuild/live-read-models';
export { buildGeneration } from './rebuild/build-generation';
