import type { PublicTerritory } from '@cafeia/projections';
import type { Territories } from '@cafeia/territories';
import { invalidField } from '../http/problem';

/** `region:84`, `department:69`, `epci:200046977` or `commune:69123` (an arrondissement: its commune) */
export function publicTerritory(territories: Territories, value: string | undefined, field = 'territory'): PublicTerritory | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = territories.parseTerritory(value);
  if (!parsed) throw invalidField(field, `${value} is not a territory (region:XX, department:XX, epci:SIREN or commune:XXXXX of the official geographic code)`);
  return { level: parsed.level, code: parsed.code };
}

/** a territory's name as the agenda and the calendars show it */
export function territoryName(territories: Territories, territory: PublicTerritory | undefined): string {
  if (!territory) return 'France';
  return territories.territory(territory.level, territory.code)?.name ?? `${territory.level}:${territory.code}`;
}
