import type { OpenFigureCount } from '@cafeia/projections';
import { NATIONAL_CODE, publishedParents, type PublishedLevel, type TerritoryFigures } from '@cafeia/publication';
import type { Territories } from '@cafeia/territories';

const LEVELS = new Set(['region', 'department', 'epci', 'commune']);

/**
 * The open-data table before suppression: each count with its territory's official name and the published
 * territories it sums into (a commune into its department and EPCI, a department into its region, a region
 * into the nation). A key the reference no longer knows (an old event, a merged commune) is left out.
 */
export function openFiguresTable(counts: readonly OpenFigureCount[], territories: Territories): TerritoryFigures[] {
  const rows: TerritoryFigures[] = [];
  for (const count of counts) {
    const place = describe(count.key, territories);
    if (!place) continue;
    rows.push({
      code: place.code,
      name: place.name,
      level: place.level,
      ...(count.month !== null ? { month: count.month } : {}),
      partOf: place.partOf,
      peopleReached: count.peopleReached,
      attendances: count.attendances,
      anonymousAttendees: count.anonymousAttendees,
      cafesHeld: count.cafesHeld,
      structuresActive: count.structuresActive,
    });
  }
  return rows;
}

function describe(key: string, territories: Territories): { code: string; name: string; level: PublishedLevel; partOf: string[] } | null {
  if (key === 'nation') return { code: NATIONAL_CODE, name: 'France', level: 'national', partOf: [] };
  const [level, code] = key.split(':');
  if (!LEVELS.has(level) || !code) return null;
  switch (level) {
    case 'region': {
      const region = territories.region(code);
      return region && { code: key, name: region.name, level, partOf: publishedParents({ level }) };
    }
    case 'department': {
      const department = territories.department(code);
      return department && { code: key, name: department.name, level, partOf: publishedParents({ level, regionCode: department.parent?.code }) };
    }
    case 'epci': {
      const epci = territories.epci(code);
      return epci && { code: key, name: epci.name, level, partOf: publishedParents({ level }) };
    }
    default: {
      const commune = territories.commune(code);
      if (!commune) return null;
      return { code: key, name: commune.name, level: 'commune', partOf: publishedParents({ level: 'commune', departmentCode: commune.parent?.code, epciCode: territories.epciOf(code)?.code ?? null }) };
    }
  }
}
