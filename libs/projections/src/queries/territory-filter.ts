import { TERRITORY_LEVELS, type TerritoryLevel } from '@cafeia/domain';

export interface TerritoryRef {
  level: TerritoryLevel;
  code: string;
}

/** 'region:84' → {level: 'region', code: '84'}; throws RangeError on anything else */
export function parseTerritoryRef(value: string | TerritoryRef): TerritoryRef {
  if (typeof value !== 'string') return value;
  const [level, code, ...rest] = value.split(':');
  if (rest.length || !code || !(TERRITORY_LEVELS as readonly string[]).includes(level)) throw new RangeError(`not a territory: ${value}`);
  return { level: level as TerritoryLevel, code };
}
