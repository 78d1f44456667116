/**
 * The counter columns of the figures tables, defined once: the table types, the migrations, the deltas a batch
 * adds, the upserts and the readers all take their column names from here.
 */
export const TERRITORY_COUNTERS = [
  'attendances_named',
  'distinct_participants',
  'anonymous',
  'cafes_held',
  'cafes_held_outside_paris',
  'cafes_cancelled',
  'animators_trained',
  'animators_in_training',
  'animators_capable',
] as const;

/** per territory and café start instant: what that instant added (the series and the pace are sums of these) */
export const START_COUNTERS = ['first_people', 'anonymous', 'attendances_named', 'cafes_held'] as const;

/** per structure (its engagement) */
export const STRUCTURE_COUNTERS = ['cafes_held', 'anonymous', 'distinct_named'] as const;

export type CounterRow<Columns extends readonly string[]> = { [C in Columns[number]]: number };
export type TerritoryCounters = CounterRow<typeof TERRITORY_COUNTERS>;
export type StartCounters = CounterRow<typeof START_COUNTERS>;
export type StructureCounters = CounterRow<typeof STRUCTURE_COUNTERS>;

export const zeroCounters = <Columns extends readonly string[]>(columns: Columns): CounterRow<Columns> =>
  Object.fromEntries(columns.map((c) => [c, 0])) as CounterRow<Columns>;

export const isZero = (counters: object): boolean => Object.values(counters).every((v) => v === 0);

/** a schema builder's `createTable` with each counter column added: integer, not null, default 0 */
export const withCounters = <T extends { addColumn: (name: string, type: 'integer', build: (c: any) => any) => T }>(table: T, columns: readonly string[]): T =>
  columns.reduce((t, name) => t.addColumn(name, 'integer', (c: any) => c.notNull().defaultTo(0)), table);
