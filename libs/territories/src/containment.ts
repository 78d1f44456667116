import type { ReferenceIndex } from './reference-index';
import type { ResolvedCommune, Territory, TerritoryRef } from './territory';

/** Whether a commune (or arrondissement, already resolved) lies inside the territory. */
export function communeInside(ref: ReferenceIndex, territory: TerritoryRef, commune: ResolvedCommune): boolean {
  switch (territory.level) {
    case 'region':
      return commune.regionCode === territory.code;
    case 'department':
      return commune.departmentCode === territory.code;
    case 'epci':
      return ref.epciByCommune.get(commune.code)?.code === territory.code;
    case 'commune':
      return ref.resolved.get(territory.code)?.code === commune.code;
    default:
      return false;
  }
}

/** The current communes a territory is made of. */
function communesOf(ref: ReferenceIndex, territory: Territory): readonly Territory[] {
  switch (territory.level) {
    case 'commune':
      return [territory];
    case 'epci':
      return ref.communesByEpci.get(territory.code) ?? [];
    case 'department':
      return ref.communesByDepartment.get(territory.code) ?? [];
    case 'region':
      return (ref.departmentsByRegion.get(territory.code) ?? []).flatMap((d) => ref.communesByDepartment.get(d.code) ?? []);
  }
}

/**
 * Whether `inner` lies wholly inside `outer`: every commune of `inner` is a commune of `outer`.
 * So a region or a department holds an EPCI only when all its communes are there (a department
 * coordinator does not see an EPCI that straddles into the next department), a territory holds
 * itself, and a department may hold a region or a commune a department where they coincide
 * (Guadeloupe, Saint-Barthélemy). Unknown territories hold nothing and are held by nothing.
 */
export function territoryInside(ref: ReferenceIndex, outer: Territory, inner: Territory): boolean {
  if (outer.level === inner.level) return outer.code === inner.code;
  if (inner.level === 'commune') return communeInside(ref, outer, ref.resolved.get(inner.code)!);
  if (inner.level === 'epci' && (outer.level === 'region' || outer.level === 'department')) {
    const epci = ref.territories.epci.get(inner.code)!;
    const codes = outer.level === 'region' ? epci.regionCodes : epci.departmentCodes;
    return codes.length === 1 && codes[0] === outer.code;
  }
  if (inner.level === 'department' && outer.level === 'region') return inner.parent?.code === outer.code;
  const communes = communesOf(ref, inner);
  return communes.length > 0 && communes.every((c) => communeInside(ref, outer, ref.resolved.get(c.code)!));
}
