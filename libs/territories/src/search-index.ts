import type { ReferenceIndex } from './reference-index';
import { codeQuery, searchText } from './search-text';
import { TERRITORY_LEVELS, type Territory, type TerritoryLevel } from './territory';

export type SearchOptions = {
  /** How many results at most; 10 by default, at most 100. */
  readonly limit?: number;
  /** Only these levels; every level by default. */
  readonly levels?: readonly TerritoryLevel[];
};

/** A territory found, with what is needed to show it in a list. */
export type SearchHit = { readonly territory: Territory; readonly rank: number };

/**
 * Names sorted in search form for prefix lookups by bisection, the same names joined into one
 * string for substring lookups with `indexOf`, and (postcode, commune) pairs sorted by postcode.
 */
export type SearchIndex = {
  readonly entries: readonly Territory[];
  readonly names: readonly string[];
  readonly haystack: string;
  /** Where each name starts in `haystack`, ascending. */
  readonly offsets: Int32Array;
  readonly postcodes: readonly string[];
  readonly postcodeCommunes: readonly Territory[];
  readonly ref: ReferenceIndex;
};

const SEPARATOR = '|'; // never in a name's search form
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
const LEVEL_ORDER: Readonly<Record<TerritoryLevel, number>> = { region: 0, department: 1, epci: 2, commune: 3 };

/** Ranks of a name match, best first. */
const NAME = { exact: 0, prefix: 1, wordStart: 2, inside: 3 } as const;
/** Ranks of a code match, best first: people type department numbers and postcodes far more than INSEE codes. */
const CODE = { department: 0, postcode: 1, commune: 2, region: 3, epci: 4, postcodePrefix: 5 } as const;

/** Best rank first, then the most populous, then region before department before EPCI before commune, then code. */
function better(a: SearchHit, b: SearchHit): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.territory.population !== b.territory.population) return a.territory.population > b.territory.population;
  const levels = LEVEL_ORDER[a.territory.level] - LEVEL_ORDER[b.territory.level];
  if (levels !== 0) return levels < 0;
  return a.territory.code < b.territory.code;
}

/** Keeps the `limit` best hits, one per territory, without sorting every candidate. */
class BestHits {
  private readonly hits: SearchHit[] = [];
  private readonly seen = new Map<Territory, SearchHit>();

  constructor(
    private readonly limit: number,
    private readonly levels: ReadonlySet<TerritoryLevel>,
  ) {}

  /** Candidates seen so far at the allowed levels, kept or not. */
  get count(): number {
    return this.seen.size;
  }

  offer(territory: Territory, rank: number): void {
    if (!this.levels.has(territory.level)) return;
    const previous = this.seen.get(territory);
    if (previous && previous.rank <= rank) return;
    const hit = { territory, rank };
    this.seen.set(territory, hit);
    if (previous) {
      const at = this.hits.indexOf(previous);
      if (at >= 0) this.hits.splice(at, 1);
    }
    if (this.hits.length === this.limit && !better(hit, this.hits[this.hits.length - 1])) return;
    let at = this.hits.length;
    while (at > 0 && better(hit, this.hits[at - 1])) at -= 1;
    this.hits.splice(at, 0, hit);
    if (this.hits.length > this.limit) this.hits.pop();
  }

  result(): readonly SearchHit[] {
    return this.hits;
  }
}

/** First index whose value is ≥ `key` in a sorted list. */
function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The entry whose name holds position `at` of the haystack. */
function entryAt(offsets: Int32Array, at: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (offsets[middle] <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Built on the first search only: processes that never search (the projector) do not pay for it. */
export function buildSearchIndex(ref: ReferenceIndex): SearchIndex {
  const named = TERRITORY_LEVELS.flatMap((level) => ref.all[level] as readonly Territory[]).map((territory) => ({
    territory,
    name: searchText(territory.name),
  }));
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const offsets = new Int32Array(named.length);
  let offset = 0;
  named.forEach(({ name }, i) => {
    offsets[i] = offset;
    offset += name.length + SEPARATOR.length;
  });

  const pairs: { postcode: string; commune: Territory }[] = [];
  for (const [code, postcodes] of ref.postcodes) {
    const commune = ref.territories.commune.get(ref.resolved.get(code)!.code)!;
    for (const postcode of postcodes) pairs.push({ postcode, commune });
  }
  pairs.sort((a, b) => (a.postcode < b.postcode ? -1 : a.postcode > b.postcode ? 1 : 0));

  return {
    entries: named.map((n) => n.territory),
    names: named.map((n) => n.name),
    haystack: named.map((n) => n.name).join(SEPARATOR),
    offsets,
    postcodes: pairs.map((p) => p.postcode),
    postcodeCommunes: pairs.map((p) => p.commune),
    ref,
  };
}

function searchName(index: SearchIndex, query: string, best: BestHits, limit: number): void {
  // Prefix matches are a contiguous run of the sorted names.
  for (let i = lowerBound(index.names, query); i < index.names.length && index.names[i].startsWith(query); i += 1) {
    best.offer(index.entries[i], index.names[i].length === query.length ? NAME.exact : NAME.prefix);
  }
  // Substring matches rank below every prefix match: only needed when those do not fill the list.
  if (best.count >= limit) return;
  const { haystack, offsets, entries } = index;
  for (let at = haystack.indexOf(query); at >= 0; at = haystack.indexOf(query, at + 1)) {
    const entry = entryAt(offsets, at);
    if (offsets[entry] === at) continue;
    best.offer(entries[entry], haystack[at - 1] === ' ' ? NAME.wordStart : NAME.inside);
  }
}

function searchPostcodes(index: SearchIndex, code: string, best: BestHits): void {
  const { postcodes, postcodeCommunes } = index;
  for (let i = lowerBound(postcodes, code); i < postcodes.length && postcodes[i].startsWith(code); i += 1) {
    best.offer(postcodeCommunes[i], postcodes[i].length === code.length ? CODE.postcode : CODE.postcodePrefix);
  }
}

function searchCode(index: SearchIndex, code: string, best: BestHits): void {
  const { territories, resolved } = index.ref;
  const offer = (territory: Territory | undefined, rank: number): void => {
    if (territory) best.offer(territory, rank);
  };
  offer(territories.department.get(code), CODE.department);
  offer(territories.region.get(code), CODE.region);
  const commune = resolved.get(code);
  if (commune) offer(territories.commune.get(commune.code), CODE.commune);
  offer(territories.epci.get(code), CODE.epci);
  // A single digit would list a tenth of France.
  if (code.length >= 2 && code.length <= 5) searchPostcodes(index, code, best);
}

/**
 * Territories whose name, code or postcode matches the query, best first (see the README for the
 * ranking). Never throws: a blank query or a limit below 1 finds nothing.
 */
export function searchTerritories(index: SearchIndex, query: string, options: SearchOptions = {}): readonly Territory[] {
  const limit = Math.min(Math.floor(options.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
  if (typeof query !== 'string' || !(limit >= 1)) return [];
  const best = new BestHits(limit, new Set(options.levels ?? TERRITORY_LEVELS));
  const code = codeQuery(query);
  if (code !== null) searchCode(index, code, best);
  else {
    const text = searchText(query);
    if (text === '') return [];
    searchName(index, text, best, limit);
  }
  return best.result().map((hit) => hit.territory);
}
