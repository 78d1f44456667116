import { Kysely } from 'kysely';
import type { TerritoryLevel } from '@cafeia/domain';
import type { ReadModelDb } from '../schema/read-model-db';
import type { TerritoryDirectory } from '../territory/territory-directory';
import { LEVEL_COLUMN } from './place-codes';

/** the level of a territory's children: a region's departments, a department's or an EPCI's communes */
export const CHILD_LEVEL: Record<TerritoryLevel, TerritoryLevel | null> = { region: 'department', department: 'commune', epci: 'commune', commune: null };

const keysOf = (directory: Pick<TerritoryDirectory, 'keysOf'>, communeCode: string): readonly string[] => {
  try {
    return directory.keysOf(communeCode);
  } catch {
    return [];
  }
};

/**
 * The codes of a territory's children: a region's departments (all of them); a department's or an EPCI's communes
 * with activity (a café or an animator there), from the directories' rows.
 */
export async function childCodes(db: Kysely<ReadModelDb>, directory: TerritoryDirectory, level: TerritoryLevel, code: string): Promise<string[]> {
  if (level === 'region') return directory.departmentsOf(code).map((d) => d.code);
  if (level !== 'department' && level !== 'epci') return [];
  const column = LEVEL_COLUMN[level];
  const fromCafes = await db.selectFrom('cafes').select('commune').distinct().where(column, '=', code).where('commune', 'is not', null).execute();
  const fromAnimators = await db.selectFrom('animators').select('commune').distinct().where(column, '=', code).where('commune', 'is not', null).execute();
  return [...new Set([...fromCafes, ...fromAnimators].map((r) => r.commune as string))].sort();
}

/**
 * The same as of a day: a region's departments; a department's or an EPCI's communes with activity recorded by
 * then (`activeCommunes`: the commune keys with activity by then), placed with the reference's keys.
 */
export function childCodesAsOf(directory: TerritoryDirectory, level: TerritoryLevel, code: string, activeCommunes: string[]): string[] {
  if (level === 'region') return directory.departmentsOf(code).map((d) => d.code);
  if (level !== 'department' && level !== 'epci') return [];
  const parent = `${level}:${code}`;
  return activeCommunes
    .map((key) => key.slice('commune:'.length))
    .filter((commune) => keysOf(directory, commune).includes(parent))
    .sort();
}

/**
 * The EPCIs that touch a department (API.md: a department's answer adds `epcis`): from the reference when it lists
 * them, else those of its communes with activity (`communes`).
 */
export function epciCodesOf(directory: TerritoryDirectory, departmentCode: string, communes: string[]): string[] {
  if (directory.epcisOf) return directory.epcisOf(departmentCode).map((e) => e.code);
  const codes = new Set<string>();
  for (const commune of communes) for (const key of keysOf(directory, commune)) if (key.startsWith('epci:')) codes.add(key.slice('epci:'.length));
  return [...codes].sort();
}
