import { ensurePrivateDir } from './private-files';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { DatabaseConfig, assertSafeIdentifier, createDatabase } from './database';

/**
 * Read-model generations: a rebuild builds a fresh set of tables *beside* the live one (a new SQLite file,
 * a new PostgreSQL schema), then the catalog's pointer is switched to it in one atomic step:
 * - SQLite: the pointer is a small file `read-models.current`, replaced with rename(2) (atomic on POSIX);
 * - PostgreSQL: the pointer is the single row of `cafeia_read_model_generation` (in the URL's default
 *   schema), updated in one statement.
 * A process holding the old generation keeps serving it until it re-reads the pointer (`current()`),
 * so reads never stop; the old generation is dropped afterwards.
 */
export interface GenerationCatalog {
  readonly kind: DatabaseConfig['kind'];
  /** the generation reads should use, or null before the first one is promoted */
  current(): Promise<string | null>;
  /** a new, unused generation name (sortable by creation time) */
  newGeneration(): string;
  /** where that generation lives (for `createDatabase`) */
  configOf(generation: string): DatabaseConfig;
  /** opens that generation (PostgreSQL: pass the returned schema to `runMigrations`) */
  open<DB = any>(generation: string): Kysely<DB>;
  /** PostgreSQL schema of a generation (undefined on SQLite) */
  schemaOf(generation: string): string | undefined;
  promote(generation: string): Promise<void>;
  drop(generation: string): Promise<void>;
  close(): Promise<void>;
}

let sequence = 0;
const generationName = (): string => `g${Date.now().toString(36)}${(sequence++ % 1296).toString(36).padStart(2, '0')}`;
const assertGeneration = (generation: string): string => {
  if (!/^[a-z0-9]{1,40}$/.test(generation)) throw new Error(`invalid generation name: ${generation}`);
  return generation;
};

export class SqliteGenerationCatalog implements GenerationCatalog {
  readonly kind = 'sqlite' as const;
  constructor(private readonly dir: string, private readonly prefix = 'read-models') {
    ensurePrivateDir(dir);
  }

  private get pointer(): string {
    return join(this.dir, `${this.prefix}.current`);
  }

  async current(): Promise<string | null> {
    if (!existsSync(this.pointer)) return null;
    const { generation } = JSON.parse(readFileSync(this.pointer, 'utf8')) as { generation: string };
    return generation;
  }

  newGeneration(): string {
    return generationName();
  }

  fileOf(generation: string): string {
    return join(this.dir, `${this.prefix}.${assertGeneration(generation)}.sqlite`);
  }

  configOf(generation: string): DatabaseConfig {
    return { kind: 'sqlite', file: this.fileOf(generation) };
  }

  open<DB = any>(generation: string): Kysely<DB> {
    return createDatabase<DB>(this.configOf(generation));
  }

  schemaOf(): undefined {
    return undefined;
  }

  async promote(generation: string): Promise<void> {
    const tmp = `${this.pointer}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ generation: assertGeneration(generation) }));
    renameSync(tmp, this.pointer);
  }

  async drop(generation: string): Promise<void> {
    const file = this.fileOf(generation);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }

  async close(): Promise<void> {}
}

export class PostgresGenerationCatalog implements GenerationCatalog {
  readonly kind = 'postgres' as const;
  private readonly admin: Kysely<any>;
  private ready: Promise<void> | null = null;

  constructor(private readonly url: string, private readonly prefix = 'read_models') {
    assertSafeIdentifier(prefix);
    this.admin = createDatabase({ kind: 'postgres', url, poolSize: 2 });
  }

  private ensurePointer(): Promise<void> {
    this.ready ??= sql`create table if not exists cafeia_read_model_generation (
        prefix text primary key, generation text not null, promoted_at timestamptz not null default now())`
      .execute(this.admin)
      .then(() => undefined);
    return this.ready;
  }

  async current(): Promise<string | null> {
    await this.ensurePointer();
    const { rows } = await sql<{ generation: string }>`select generation from cafeia_read_model_generation where prefix = ${this.prefix}`.execute(
      this.admin,
    );
    return rows[0]?.generation ?? null;
  }

  newGeneration(): string {
    return generationName();
  }

  schemaOf(generation: string): string {
    return assertSafeIdentifier(`${this.prefix}_${assertGeneration(generation)}`);
  }

  configOf(generation: string): DatabaseConfig {
    return { kind: 'postgres', url: this.url, schema: this.schemaOf(generation) };
  }

  open<DB = any>(generation: string): Kysely<DB> {
    return createDatabase<DB>(this.configOf(generation));
  }

  async promote(generation: string): Promise<void> {
    await this.ensurePointer();
    await sql`insert into cafeia_read_model_generation (prefix, generation) values (${this.prefix}, ${assertGeneration(generation)})
      on conflict (prefix) do update set generation = excluded.generation, promoted_at = now()`.execute(this.admin);
  }

  async drop(generation: string): Promise<void> {
    await sql`drop schema if exists ${sql.id(this.schemaOf(generation))} cascade`.execute(this.admin);
  }

  async close(): Promise<void> {
    await this.admin.destroy();
  }
}

export function generationCatalog(config: { kind: 'sqlite'; dir: string } | { kind: 'postgres'; url: string }, prefix?: string): GenerationCatalog {
  return config.kind === 'sqlite' ? new SqliteGenerationCatalog(config.dir, prefix) : new PostgresGenerationCatalog(config.url, prefix);
}
