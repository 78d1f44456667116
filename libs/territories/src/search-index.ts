import type { ReferenceIndex } from './reference-index';
import { codeQuery, searchText } from './search-text';
import { TERRITORY_LEVELS, type Territory, type TerritoryLevel } from './territory';

export type SearchOptions = {
  /** How many results at most; 10 by default, at most 100. */
  readonly limit?: number;
  /** Only these levels; every level by default. */
  readonly levels?: readonly TerritoryLevel[];
};

/** A candidate result and how well it matched (lower is better). */
type SearchHit = { readonly territory: Territory; readonly rank: number };

/**
 * Everything is found by bisection in sorted lists, never by scanning: the names in search form
 * (prefix matches), the later words of every name (word matches: "etienne" in "saint etienne du
 * rouvray"), and (postcode, commune) pairs.
 */
export type SearchIndex = {
  /** In the order of their names in search form. */
  readonly entries: readonly Territory[];
  /** The entries' populations, side by side, so a run of thousands of matches reads no objects. */
  readonly populations: Int32Array;
  readonly names: readonly string[];
  /** Every name in search form, each followed by a separator. */
  readonly haystack: string;
  /** Where each later word starts in `haystack`, sorted by the text from there on. */
  readonly wordStarts: Int32Array;
  /** The entry each of `wordStarts` belongs to. */
  readonly wordEntries: Int32Array;
  /** Scratch marks, one per entry, so a query offers each entry once without allocating a set. */
  readonly marks: Int32Array;
  readonly postcodes: readonly string[];
  readonly postcodeCommunes: readonly Territory[];
  readonly ref: ReferenceIndex;
};

const SEPARATOR = '|'; // never in a name's search form
const SPACE = ' '.charCodeAt(0);
const AFTER_EVERY_LETTER = '~'; // sorts after every character of a search form
let markGeneration = 0;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
const LEVEL_ORDER: Readonly<Record<TerritoryLevel, number>> = { region: 0, department: 1, epci: 2, commune: 3 };

/** Ranks of a name match, best first. */
const NAME = { exact: 0, prefix: 1, word: 2 } as const;
/** Ranks of a code match, best first: people type department numbers and postcodes far more than INSEE codes. */
const CODE = { department: 0, postcode: 1, commune: 2, region: 3, epci: 4, postcodePrefix: 5 } as const;

/** Best rank first, then the most populous, then region before department before EPCI before commune, then code. */
function better(territory: Territory, rank: number, than: SearchHit): boolean {
  if (rank !== than.rank) return rank < than.rank;
  if (territory.population !== than.territory.population) return territory.population > than.territory.population;
  const levels = LEVEL_ORDER[territory.level] - LEVEL_ORDER[than.territory.level];
  if (levels !== 0) return levels < 0;
  return territory.code < than.territory.code;
}

/**
 * Keeps the `limit` best hits without sorting every candidate (a prefix like "sai" has thousands).
 * Each territory must be offered once: callers deduplicate.
 */
class BestHits {
  private readonly hits: SearchHit[] = [];
  /** Candidates offered at the allowed levels, kept or not. */
  count = 0;

  constructor(
    private readonly limit: number,
    private readonly levels: ReadonlySet<TerritoryLevel>,
  ) {}

  /** A cheap first test: false when a hit of that rank and population cannot enter the list. */
  mayKeep(rank: number, population: number): boolean {
    if (this.hits.length < this.limit) return true;
    const worst = this.hits[this.hits.length - 1];
    return rank < worst.rank || (rank === worst.rank && population >= worst.territory.population);
  }

  /** Counts every candidate at the allowed levels, keeps it if it is among the best. */
  offer(territory: Territory, rank: number): void {
    if (!this.levels.has(territory.level)) return;
    this.count += 1;
    if (this.hits.length === this.limit && !better(territory, rank, this.hits[this.hits.length - 1])) return;
    let at = this.hits.length;
    while (at > 0 && better(territory, rank, this.hits[at - 1])) at -= 1;
    this.hits.splice(at, 0, { territory, rank });
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

/**
 * Compares the text of `haystack` from `at` with `query`, over the query's length only. A query
 * holds no separator, so the comparison stops at the end of the name at the latest.
 */
function comparePrefix(haystack: string, at: number, query: string): number {
  for (let k = 0; k < query.length; k += 1) {
    const difference = haystack.charCodeAt(at + k) - query.charCodeAt(k);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** First of the sorted word starts whose text compares ≥ `query` (`strict`: > `query`) over the query's length. */
function wordBound(haystack: string, wordStarts: Int32Array, query: string, strict: boolean): number {
  let low = 0;
  let high = wordStarts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const comparison = comparePrefix(haystack, wordStarts[middle], query);
    if (comparison < 0 || (strict && comparison === 0)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Sorts word starts by the text that follows each, up to the end of its name (its separator included). */
function sortWordStarts(haystack: string, starts: number[]): number[] {
  const separator = SEPARATOR.charCodeAt(0);
  return starts.sort((a, b) => {
    for (let k = 0; ; k += 1) {
      const x = haystack.charCodeAt(a + k);
      const y = haystack.charCodeAt(b + k);
      if (x !== y) return x - y;
      if (x === separator) return a - b;
    }
  });
}

/** Built on the first search only: processes that never search (the projector) do not pay for it. */
export function buildSearchIndex(ref: ReferenceIndex): SearchIndex {
  const named = TERRITORY_LEVELS.flatMap((level) => ref.all[level] as readonly Territory[]).map((territory) => ({
    territory,
    name: searchText(territory.name),
  }));
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const haystack = named.map((n) => n.name + SEPARATOR).join('');
  const entryOfStart = new Map<number, number>();
  let offset = 0;
  named.forEach(({ name }, entry) => {
    for (let at = name.indexOf(' '); at >= 0; at = name.indexOf(' ', at + 1)) entryOfStart.set(offset + at + 1, entry);
    offset += name.length + SEPARATOR.length;
  });
  const wordStarts = sortWordStarts(haystack, [...entryOfStart.keys()]);

  const pairs: { postcode: string; commune: Territory }[] = [];
  for (const [code, postcodes] of ref.postcodes) {
    const commune = ref.territories.commune.get(ref.resolved.get(code)!.code)!;
    for (const postcode of postcodes) pairs.push({ postcode, commune });
  }
  pairs.sort((a, b) => (a.postcode < b.postcode ? -1 : a.postcode > b.postcode ? 1 : 0));

  return {
    entries: named.map((n) => n.territory),
    populations: Int32Array.from(named, (n) => n.territory.population),
    names: named.map((n) => n.name),
    haystack,
    wordStarts: Int32Array.from(wordStarts),
    wordEntries: Int32Array.from(wordStarts, (at) => entryOfStart.get(at)!),
    marks: new Int32Array(named.length),
    postcodes: pairs.map((p) => p.postcode),
    postcodeCommunes: pairs.map((p) => p.commune),
    ref,
  };
}

function searchName(index: SearchIndex, query: string, best: BestHits, limit: number): void {
  const { names, entries, populations, haystack, wordStarts, wordEntries, marks } = index;
  // Prefix matches are the contiguous run [first, end) of the sorted names, exact ones first.
  const first = lowerBound(names, query);
  const end = lowerBound(names, query + AFTER_EVERY_LETTER);
  let i = first;
  for (; i < end && names[i].length === query.length; i += 1) best.offer(entries[i], NAME.exact);
  for (; i < end; i += 1) if (best.mayKeep(NAME.prefix, populations[i])) best.offer(entries[i], NAME.prefix);
  // Word matches rank below every prefix match: only needed when those do not fill the list.
  if (best.count >= limit) return;
  const mark = (markGeneration = (markGeneration + 1) | 0);
  const last = wordBound(haystack, wordStarts, query, true);
  for (let w = wordBound(haystack, wordStarts, query, false); w < last; w += 1) {
    const entry = wordEntries[w];
    if ((entry >= first && entry < end) || marks[entry] === mark) continue; // already offered
    marks[entry] = mark;
    if (best.mayKeep(NAME.word, populations[entry])) best.offer(entries[entry], NAME.word);
  }
}

function searchCode(index: SearchIndex, code: string, best: BestHits): void {
  const { territories, resolved } = index.ref;
  const found = new Map<Territory, number>();
  const add = (territory: Territory | undefined, rank: number): void => {
    if (territory && !(found.get(territory)! <= rank)) found.set(territory, rank);
  };
  add(territories.department.get(code), CODE.department);
  add(territories.region.get(code), CODE.region);
  const commune = resolved.get(code);
  if (commune) add(territories.commune.get(commune.code), CODE.commune);
  add(territories.epci.get(code), CODE.epci);
  // Postcodes by prefix too, for type-ahead; a single digit would list a tenth of France.
  if (code.length >= 2 && code.length <= 5) {
    const { postcodes, postcodeCommunes } = index;
    for (let i = lowerBound(postcodes, code); i < postcodes.length && postcodes[i].startsWith(code); i += 1) {
      add(postcodeCommunes[i], postcodes[i].length === code.length ? CODE.postcode : CODE.postcodePrefix);
    }
  }
  for (const [territory, rank] of found) best.offer(territory, rank);
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
