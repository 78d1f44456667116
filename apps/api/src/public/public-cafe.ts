import type { PublicCafeRecord, PublicStructureRecord } from '@cafeia/projections';
import type { PlaceName, PublicCafe, PublicStructure } from '@cafeia/publication';
import type { Territories } from '@cafeia/territories';

/** the official name of a territory; its code when the reference no longer knows it */
const named = (code: string | null, name: (code: string) => string | null | undefined): PlaceName => ({ code: code ?? '', name: (code && name(code)) || code || '' });

/**
 * A café of the public read model as the publication functions take it, with the official names of its
 * places. Its venue's address is its structure's when it is held in the structure's commune (the usual
 * case): we hold no other address for a café.
 */
export function toPublicCafe(record: PublicCafeRecord, territories: Territories): PublicCafe {
  const commune = record.commune ?? territories.resolveCommune(record.communeCode)?.code ?? record.communeCode;
  const atStructure = !record.online && record.structure.communeCode !== null && (territories.resolveCommune(record.structure.communeCode)?.code ?? record.structure.communeCode) === commune;
  return {
    id: record.id,
    title: record.title,
    format: record.format,
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    online: record.online,
    audience: record.audience,
    commune: named(commune, (code) => territories.commune(code)?.name),
    department: named(record.department, (code) => territories.department(code)?.name),
    region: named(record.region, (code) => territories.region(code)?.name),
    structure: { id: record.structure.id, name: record.structure.name ?? '', kind: record.structure.kind ?? 'other' },
    placesLeft: record.placesLeft,
    status: record.status,
    reschedules: record.reschedules,
    previousStartsAt: record.previousStartsAt,
    address: atStructure && (record.structure.address || record.structure.postalCode) ? { streetAddress: record.structure.address, postalCode: record.structure.postalCode } : null,
  };
}

/** `/public/v1/cafes` items: the contract's fields, and the status (scheduled, held, cancelled) */
export function cafeItem(cafe: PublicCafe) {
  return {
    id: cafe.id,
    title: cafe.title,
    format: cafe.format,
    startsAt: cafe.startsAt,
    endsAt: cafe.endsAt,
    online: cafe.online,
    audience: cafe.audience,
    commune: cafe.commune,
    department: cafe.department,
    region: cafe.region,
    structure: cafe.structure,
    placesLeft: cafe.placesLeft,
    status: cafe.status,
  };
}

export type PublicCafeItem = ReturnType<typeof cafeItem>;

export function toPublicStructure(record: PublicStructureRecord, territories: Territories): PublicStructure {
  const commune = record.commune ?? record.communeCode;
  const siret = record.siret && /^\d{14}$/.test(record.siret) ? record.siret : null;
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    siret,
    commune: named(commune, (code) => territories.commune(code)?.name),
    postalCode: record.postalCode,
    streetAddress: record.address,
    updatedOn: record.updatedOn,
  };
}
