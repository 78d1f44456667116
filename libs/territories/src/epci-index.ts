import type { OfficialEpciRecord } from './official-data';
import { EPCI_KINDS, type Epci, type EpciKind, type ResolvedCommune, type Territory } from './territory';

export type EpciIndex = {
  /** Sorted by SIREN. */
  readonly epcis: readonly Epci[];
  /** By current commune code (not arrondissement: callers resolve first). */
  readonly epciByCommune: ReadonlyMap<string, Epci>;
  readonly communesByEpci: ReadonlyMap<string, readonly Territory<'commune'>[]>;
  /** The EPCIs with at least one commune in the department, sorted by SIREN. */
  readonly epcisByDepartment: ReadonlyMap<string, readonly Epci[]>;
};

const byCode = (a: { code: string }, b: { code: string }): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const isEpciKind = (value: string): value is EpciKind => (EPCI_KINDS as readonly string[]).includes(value);
const sortedUnique = (values: Iterable<string>): readonly string[] => Object.freeze([...new Set(values)].sort());

/**
 * Indexes the official EPCI list over the current communes. Throws on an inconsistent list (a
 * member that is not a current commune, a commune in two EPCIs, an unknown kind): a commune
 * counted toward the wrong EPCI must stop the service at start, not miscount.
 */
export function buildEpciIndex(
  records: readonly OfficialEpciRecord[],
  resolved: ReadonlyMap<string, ResolvedCommune>,
  communes: ReadonlyMap<string, Territory>,
): EpciIndex {
  const epcis: Epci[] = [];
  const epciByCommune = new Map<string, Epci>();
  const communesByEpci = new Map<string, readonly Territory<'commune'>[]>();
  const epcisByDepartment = new Map<string, Epci[]>();

  for (const record of records) {
    if (!isEpciKind(record.type)) throw new Error(`epci ${record.code}: unknown kind ${record.type}`);
    if (communesByEpci.has(record.code)) throw new Error(`epci ${record.code}: listed twice`);
    if (record.membres.length === 0) throw new Error(`epci ${record.code}: no member commune`);
    const members = record.membres.map(({ code }) => {
      const commune = resolved.get(code);
      if (!commune || commune.arrondissementOf !== undefined) throw new Error(`epci ${record.code}: member ${code} is not a current commune`);
      return commune;
    });
    const epci: Epci = Object.freeze({
      level: 'epci',
      code: record.code,
      name: record.nom,
      // Summed from the communes' populations, so an EPCI agrees with its departments (epci.json's own are of another vintage).
      population: members.reduce((sum, c) => sum + c.population, 0),
      kind: record.type,
      departmentCodes: sortedUnique(members.map((c) => c.departmentCode)),
      regionCodes: sortedUnique(members.map((c) => c.regionCode)),
    });
    for (const member of members) {
      const other = epciByCommune.get(member.code);
      if (other) throw new Error(`epci ${record.code}: commune ${member.code} already in epci ${other.code}`);
      epciByCommune.set(member.code, epci);
    }
    for (const department of epci.departmentCodes) {
      const list = epcisByDepartment.get(department);
      if (list) list.push(epci);
      else epcisByDepartment.set(department, [epci]);
    }
    communesByEpci.set(
      epci.code,
      Object.freeze(members.map((c) => communes.get(c.code) as Territory<'commune'>).sort(byCode)),
    );
    epcis.push(epci);
  }

  for (const list of epcisByDepartment.values()) Object.freeze(list.sort(byCode));
  return { epcis: Object.freeze(epcis.sort(byCode)), epciByCommune, communesByEpci, epcisByDepartment };
}
