import { Kysely } from 'kysely';
import { AnimatorSums, addAnimatorSums, animatorSumSelections, noAnimatorSums, toAnimatorSums } from '../animators/animator-sums';
import { CafeSums, addCafeSums, cafeSumSelections, noCafeSums, toCafeSums } from '../cafes/cafe-sums';
import type { Figures } from '../figures/figures';
import { figuresOfSums } from '../figures/figures-of-sums';
import { Page, PageRequest, pageOf } from '../queries/pages';
import type { ReadModelDb } from '../schema/read-model-db';
import type { TerritoryDirectory } from '../territory/territory-directory';
import { NETWORK_WHOLE } from './network-scopes';

export interface NetworkItem {
  rank: number;
  id: string;
  name: string;
  kind: string;
  /** current member structures */
  structureCount: number;
  figures: Figures;
}

export interface NetworkStructureFigures {
  structureId: string;
  /** '' while the structure's registration is not applied yet */
  name: string;
  figures: Figures;
}

export interface NetworkRegionFigures {
  code: string;
  name: string;
  figures: Figures;
}

/** the body of `GET /v1/networks/{id}` (without `asOf`) */
export interface NetworkReport {
  id: string;
  name: string;
  kind: string;
  figures: Figures;
  structures: NetworkStructureFigures[];
  regions: NetworkRegionFigures[];
}

interface Group {
  cafes: CafeSums;
  animators: AnimatorSums;
}
const group = (): Group => ({ cafes: noCafeSums(), animators: noAnimatorSums() });
const at = <K>(map: Map<K, Group>, key: K): Group => {
  let g = map.get(key);
  if (!g) map.set(key, (g = group()));
  return g;
};

/** per (network, structure, region): the members' cafés and animators summed; one grouped query each */
async function memberGroups(db: Kysely<ReadModelDb>, networkIds: string[] | null, nowMs: number) {
  let cafes = db
    .selectFrom('network_members as m')
    .innerJoin('cafes as c', 'c.structure_id', 'm.structure_id')
    .select(['m.network_id', 'c.structure_id', 'c.region', ...cafeSumSelections(nowMs)])
    .groupBy(['m.network_id', 'c.structure_id', 'c.region']);
  let animators = db
    .selectFrom('network_members as m')
    .innerJoin('animators as an', 'an.structure_id', 'm.structure_id')
    .select(['m.network_id', 'an.structure_id', 'an.region', ...animatorSumSelections()])
    .groupBy(['m.network_id', 'an.structure_id', 'an.region']);
  if (networkIds) {
    cafes = cafes.where('m.network_id', 'in', networkIds);
    animators = animators.where('m.network_id', 'in', networkIds);
  }
  const rows: { network: string; structure: string; region: string | null; sums: Group }[] = [];
  for (const row of await cafes.execute()) rows.push({ network: row.network_id, structure: row.structure_id, region: row.region, sums: { cafes: toCafeSums(row), animators: noAnimatorSums() } });
  for (const row of await animators.execute()) rows.push({ network: row.network_id, structure: row.structure_id!, region: row.region, sums: { cafes: noCafeSums(), animators: toAnimatorSums(row) } });
  return rows;
}

/** distinct people per (network, scope) from the `network_people` sets */
async function distinctPeople(db: Kysely<ReadModelDb>, networkIds: string[] | null, wholeOnly: boolean): Promise<Map<string, number>> {
  let query = db.selectFrom('network_people').select((eb) => ['network_id', 'scope', eb.fn.countAll<number>().as('n')]).groupBy(['network_id', 'scope']);
  if (networkIds) query = query.where('network_id', 'in', networkIds);
  if (wholeOnly) query = query.where('scope', '=', NETWORK_WHOLE);
  return new Map((await query.execute()).map((r) => [`${r.network_id}|${r.scope}`, Number(r.n)]));
}

const figuresOf = (g: Group, distinct: number, active: number): Figures => figuresOfSums(g.cafes, distinct, active, g.animators);

/**
 * Every network with its figures, ranked by people reached, then cafés held, then name: the members' cafés summed
 * (all their cafés, whatever the date), each person counted once per network.
 */
export async function listNetworks(db: Kysely<ReadModelDb>, request: PageRequest, nowMs: number, within?: (networkId: string) => boolean): Promise<Page<NetworkItem>> {
  const { page, pageSize, offset } = pageOf(request);
  const networks = (await db.selectFrom('networks').selectAll().execute()).filter((n) => !within || within(n.network_id));
  const members = await db.selectFrom('network_members').select((eb) => ['network_id', eb.fn.countAll<number>().as('n')]).groupBy('network_id').execute();
  const count = new Map(members.map((m) => [m.network_id, Number(m.n)]));
  const totals = new Map<string, Group>();
  const active = new Map<string, Set<string>>();
  for (const row of await memberGroups(db, null, nowMs)) {
    const g = at(totals, row.network);
    g.cafes = addCafeSums(g.cafes, row.sums.cafes);
    g.animators = addAnimatorSums(g.animators, row.sums.animators);
    if (row.sums.cafes.held > 0) (active.get(row.network) ?? active.set(row.network, new Set()).get(row.network)!).add(row.structure);
  }
  const distinct = await distinctPeople(db, null, true);
  const ranked = networks
    .map((n) => ({ n, figures: figuresOf(totals.get(n.network_id) ?? group(), distinct.get(`${n.network_id}|${NETWORK_WHOLE}`) ?? 0, active.get(n.network_id)?.size ?? 0) }))
    .sort((a, b) => b.figures.peopleReached - a.figures.peopleReached || b.figures.cafesHeld - a.figures.cafesHeld || a.n.name.localeCompare(b.n.name) || a.n.network_id.localeCompare(b.n.network_id));
  return {
    items: ranked.slice(offset, offset + pageSize).map(({ n, figures }, i) => ({ rank: offset + i + 1, id: n.network_id, name: n.name, kind: n.kind, structureCount: count.get(n.network_id) ?? 0, figures })),
    page,
    pageSize,
    total: ranked.length,
  };
}

/** one network with its figures, its member structures' and its figures per region; null when unknown */
export async function findNetwork(db: Kysely<ReadModelDb>, directory: Pick<TerritoryDirectory, 'region'>, id: string, nowMs: number): Promise<NetworkReport | null> {
  const network = await db.selectFrom('networks').selectAll().where('network_id', '=', id).executeTakeFirst();
  if (!network) return null;
  const memberIds = await networkStructureIds(db, id);
  const whole = group();
  const byStructure = new Map<string, Group>();
  const byRegion = new Map<string, Group>();
  const activeIn = new Map<string, Set<string>>();
  for (const row of await memberGroups(db, [id], nowMs)) {
    for (const g of [whole, at(byStructure, row.structure), ...(row.region === null ? [] : [at(byRegion, row.region)])]) {
      g.cafes = addCafeSums(g.cafes, row.sums.cafes);
      g.animators = addAnimatorSums(g.animators, row.sums.animators);
    }
    if (row.sums.cafes.held > 0) {
      for (const scope of [NETWORK_WHOLE, ...(row.region === null ? [] : [`region:${row.region}`])]) {
        (activeIn.get(scope) ?? activeIn.set(scope, new Set()).get(scope)!).add(row.structure);
      }
    }
  }
  const distinct = await distinctPeople(db, [id], false);
  const structures = memberIds.length === 0 ? [] : await db.selectFrom('structures').select(['structure_id', 'name', 'distinct_named']).where('structure_id', 'in', memberIds).execute();
  const registered = new Map(structures.map((s) => [s.structure_id, s]));
  const regionName = (code: string): string => {
    try {
      return directory.region(code)?.name ?? code;
    } catch {
      return code;
    }
  };
  const byPeople = <T extends { figures: Figures }>(key: (t: T) => string) => (a: T, b: T) => b.figures.peopleReached - a.figures.peopleReached || b.figures.cafesHeld - a.figures.cafesHeld || key(a).localeCompare(key(b));
  return {
    id: network.network_id,
    name: network.name,
    kind: network.kind,
    figures: figuresOf(whole, distinct.get(`${id}|${NETWORK_WHOLE}`) ?? 0, activeIn.get(NETWORK_WHOLE)?.size ?? 0),
    structures: memberIds
      .map((structureId): NetworkStructureFigures => {
        const g = byStructure.get(structureId) ?? group();
        const s = registered.get(structureId);
        return { structureId, name: s?.name ?? '', figures: figuresOf(g, Number(s?.distinct_named ?? 0), g.cafes.held > 0 ? 1 : 0) };
      })
      .sort(byPeople((s) => `${s.name}|${s.structureId}`)),
    regions: [...byRegion]
      .map(([code, g]): NetworkRegionFigures => ({ code, name: regionName(code), figures: figuresOf(g, distinct.get(`${id}|region:${code}`) ?? 0, activeIn.get(`region:${code}`)?.size ?? 0) }))
      .sort(byPeople((r) => r.code)),
  };
}

/** whether a network was created (a filter naming an unknown one is a 404, as its dashboard is) */
export async function networkExists(db: Kysely<ReadModelDb>, id: string): Promise<boolean> {
  return (await db.selectFrom('networks').select('network_id').where('network_id', '=', id).executeTakeFirst()) !== undefined;
}

/** the current member structures of a network, sorted (what the `network` role is scoped to); [] when unknown */
export async function networkStructureIds(db: Kysely<ReadModelDb>, id: string): Promise<string[]> {
  const rows = await db.selectFrom('network_members').select('structure_id').where('network_id', '=', id).orderBy('structure_id').execute();
  return rows.map((r) => r.structure_id);
}
