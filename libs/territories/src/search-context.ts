import type { ReferenceIndex } from './reference-index';
import type { EpciKind, Territory } from './territory';

/** The French names of the EPCI kinds, as a user reads them. */
export const EPCI_KIND_LABELS: Readonly<Record<EpciKind, string>> = Object.freeze({
  CC: 'Communauté de communes',
  CA: "Communauté d'agglomération",
  CU: 'Communauté urbaine',
  METRO: 'Métropole',
  MET69: 'Métropole',
});

/** Overseas collectivities are a region and a department under one 3-digit code (975, 977, …). */
const isOverseasCollectivity = (regionCode: string): boolean => regionCode.length === 3;

/** `Rhône (69)` */
const departmentLabel = (department: Territory): string => `${department.name} (${department.code})`;

/**
 * The French line that tells a territory apart from its namesakes in a search list:
 * "Rhône (69) · Auvergne-Rhône-Alpes" for a commune, "Métropole · Rhône (69) · Auvergne-Rhône-Alpes"
 * for an EPCI, "Département (69) · Auvergne-Rhône-Alpes", "Région". A region named like its only
 * department (Guadeloupe) is not repeated.
 */
export function searchContext(ref: ReferenceIndex, territory: Territory): string {
  const region = (code: string): Territory => ref.territories.region.get(code)!;
  const department = (code: string): Territory => ref.territories.department.get(code)!;
  const placeOf = (departmentCodes: readonly string[], regionCodes: readonly string[]): string => {
    const departments = departmentCodes.map(department);
    const regions = regionCodes.map(region).filter((r) => !departments.some((d) => d.name === r.name));
    return [departments.map(departmentLabel).join(', '), regions.map((r) => r.name).join(', ')].filter(Boolean).join(' · ');
  };

  switch (territory.level) {
    case 'region':
      return isOverseasCollectivity(territory.code) ? 'Outre-mer' : 'Région';
    case 'department': {
      const regionCode = territory.parent!.code;
      if (isOverseasCollectivity(regionCode)) return `Outre-mer (${territory.code})`;
      const regionName = region(regionCode).name;
      return regionName === territory.name ? `Département (${territory.code})` : `Département (${territory.code}) · ${regionName}`;
    }
    case 'epci': {
      const epci = ref.territories.epci.get(territory.code)!;
      return `${EPCI_KIND_LABELS[epci.kind]} · ${placeOf(epci.departmentCodes, epci.regionCodes)}`;
    }
    case 'commune': {
      const commune = ref.resolved.get(territory.code)!;
      return placeOf([commune.departmentCode], [commune.regionCode]);
    }
  }
}
