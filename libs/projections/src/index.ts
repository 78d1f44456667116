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
export * from './figures/counters';
export type { ReadModel, Message, Source, ProjectionContext, Emit } from './engine/read-model';
export { readModel } from './engine/read-model';
export { READ_MODEL_SET } from './read-models';
export { ReadModelSchemaOutdated } from './schema/migrations';
export { ProjectionEngine } from './engine/projection-engine';
export type { ProjectionEngineOptions, ApplyResult } from './engine/projection-engine';
export { READ_MODELS, WHOLE_LOG, readCheckpoint, readCheckpoints, writeCheckpoint } from './engine/checkpoints';
export type { Checkpoint } from './engine/checkpoints';
export { ReadModelQueries } from './queries/read-model-queries';
export type { ReadModelQueriesOptions, TerritoryReport, TerritoryChild, TerritoryRanking, ReadPosition } from './queries/read-model-queries';
export type { Progress, Timeline, TimelineBucket } from './figures/progress';
export { daysLeft, PACE_WINDOW_DAYS, MAX_TIMELINE_BUCKETS, TimelineQueryError } from './figures/progress';
export type { Granularity } from './queries/calendar';
export type { Page, PageRequest } from './queries/pages';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './queries/pages';
export type { CafeItem, CafeQuery } from './cafes/cafes.queries';
export type { StructureItem, StructureQuery } from './structures/structures.queries';
export type { AnimatorItem, AnimatorQuery } from './animators/animators.queries';
export type { PlaceCodes } from './queries/place-codes';
export type { FundingRecord } from './fundings/fundings.queries';
export { parseTerritoryRef } from './queries/territory-filter';
export type { TerritoryRef } from './queries/territory-filter';
export { catchUp, DEFAULT_BATCH_SIZE } from './rebuild/catch-up';
export type { CatchUpReport } from './rebuild/catch-up';
export { ProjectionRunner } from './rebuild/projection-runner';
export type { ProjectionStatus, ProjectionState, ProjectionRunnerOptions } from './rebuild/projection-runner';
export { LiveReadModels } from './rebuild/live-read-models';
export type { LiveReadModelsOptions, RebuildReport } from './rebuild/live-read-models';
export { buildGeneration } from './rebuild/build-generation';
export { PublicAgendaQueries } from './public-agenda/public-agenda.queries';
export type { PublicTerritory, PublicCafeRecord, PublicStructureRecord, PublicAnimatorRecord, PublicCafeQuery } from './public-agenda/public-agenda.queries';
export { ParticipantActivityQueries, type InactivePerson } from './participant-activity/participant-activity.queries';
export { openFigureCounts, type OpenFigureCount } from './open-figures/open-figure-counts';
export { parisMonthOf } from './open-figures/paris-month';
export { publicFundings, type PublicFundingRecord } from './public-agenda/public-fundings.queries';
