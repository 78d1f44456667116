export { createDatabase, databaseKind, assertSafeIdentifier } from './database';
export type { DatabaseConfig, DatabaseKind } from './database';
export { runMigrations } from './migrations';
export type { Migration, Migrations, MigrationOptions } from './migrations';
export { generationCatalog, SqliteGenerationCatalog, PostgresGenerationCatalog } from './generations';
export type { GenerationCatalog } from './generations';
export { chunkRows, maxParameters } from './batching';
export { withStatementCache } from './statement-cache';
export * from './private-files';
