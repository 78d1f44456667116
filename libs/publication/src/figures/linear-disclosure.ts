import type { SumGroup } from './sum-groups';

/** A hidden cell an attacker recovers exactly, and the published cells the recovery uses. */
export interface Disclosure {
  readonly cell: string;
  readonly uses: readonly string[];
}

/**
 * The hidden cells that published cells pin down exactly through the sum relations, whatever
 * combination of them an attacker uses: with the hidden cells as unknowns, each group gives one linear
 * equation (total − Σ members = what the published cells of the group leave), and a hidden cell is
 * recovered exactly when its unit vector lies in the span of those equations. Checked with exact
 * integer (BigInt) Gauss–Jordan elimination, one connected component of unknowns at a time, keeping
 * for each row the combination of groups it came from, so that a recovery names the published cells it
 * subtracts: hiding one of them is what can stop it.
 *
 * This catches what the one-group rule misses where relations overlap (a commune sums into its
 * department and its EPCI; a month into its territory's all-time figure): a department minus all its
 * EPCIs but one gives that one, even when each sum on its own has two unknowns.
 */
export function linearDisclosures(
  groups: readonly SumGroup[],
  hidden: ReadonlySet<string>,
  onlyAround?: Iterable<string>,
): Disclosure[] {
  return new DisclosureAudit(groups).disclosures(hidden, onlyAround);
}

/** The audit of one set of relations, run again and again as cells get hidden. */
export class DisclosureAudit {
  private readonly groupsOf = new Map<string, number[]>();

  constructor(private readonly groups: readonly SumGroup[]) {
    groups.forEach((group, g) => {
      for (const key of [group.total, ...group.members]) {
        const list = this.groupsOf.get(key);
        if (list) list.push(g);
        else this.groupsOf.set(key, [g]);
      }
    });
  }

  /** Every recovery, or only those in the components of unknowns that hold one of `onlyAround`. */
  disclosures(hidden: ReadonlySet<string>, onlyAround?: Iterable<string>): Disclosure[] {
    const groups = this.groups;
    const selected = onlyAround === undefined ? groups.map((_, g) => g) : this.groupsReachedFrom(onlyAround, hidden);
    return disclosuresIn(groups, selected, hidden);
  }

  /** the groups linked to these cells through hidden cells: the equations of their components */
  private groupsReachedFrom(cells: Iterable<string>, hidden: ReadonlySet<string>): number[] {
    const seenCells = new Set<string>();
    const seenGroups = new Set<number>();
    const queue = [...cells].filter((key) => hidden.has(key));
    for (const key of queue) seenCells.add(key);
    while (queue.length > 0) {
      for (const g of this.groupsOf.get(queue.pop()!) ?? []) {
        if (seenGroups.has(g)) continue;
        seenGroups.add(g);
        for (const key of [this.groups[g].total, ...this.groups[g].members]) {
          if (hidden.has(key) && !seenCells.has(key)) {
            seenCells.add(key);
            queue.push(key);
          }
        }
      }
    }
    return [...seenGroups].sort((a, b) => a - b);
  }
}

function disclosuresIn(groups: readonly SumGroup[], selected: readonly number[], hidden: ReadonlySet<string>): Disclosure[] {
  const index = new Map<string, number>();
  const names: string[] = [];
  const variable = (key: string): number => {
    let i = index.get(key);
    if (i === undefined) {
      i = names.length;
      index.set(key, i);
      names.push(key);
    }
    return i;
  };
  const rows: Row[] = [];
  for (const g of selected) {
    const group = groups[g];
    const entries = new Map<number, bigint>();
    if (hidden.has(group.total)) entries.set(variable(group.total), 1n);
    for (const member of group.members) if (hidden.has(member)) entries.set(variable(member), -1n);
    if (entries.size > 0) rows.push({ entries, combination: new Map([[g, 1n]]) });
  }

  const components = new UnionFind(names.length);
  for (const row of rows) {
    const [head, ...rest] = row.entries.keys();
    for (const other of rest) components.union(head, other);
  }
  const byComponent = new Map<number, Row[]>();
  for (const row of rows) {
    const root = components.find(first(row.entries));
    const list = byComponent.get(root) ?? [];
    list.push(row);
    byComponent.set(root, list);
  }

  const disclosures: Disclosure[] = [];
  for (const component of byComponent.values()) {
    // short sums first: they make short pivot rows, and the long ones are reduced by them cheaply
    component.sort((a, b) => a.entries.size - b.entries.size);
    // most components give nothing away: find out without the bookkeeping of combinations first
    if (!reducedBasis(component, false).some((row) => row.entries.size === 1)) continue;
    for (const row of reducedBasis(component, true)) {
      if (row.entries.size === 1) {
        disclosures.push({ cell: names[first(row.entries)], uses: publishedTerms(row.combination, groups, hidden) });
      }
    }
  }
  return disclosures.sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0));
}

/** The hidden cells recovered exactly, by name. */
export const determinedCells = (groups: readonly SumGroup[], hidden: ReadonlySet<string>): string[] =>
  linearDisclosures(groups, hidden).map((d) => d.cell);

/** `entries` (over hidden cells) = Σ combination[g] × (total − Σ members) of group g, restricted to them. */
interface Row {
  entries: Map<number, bigint>;
  combination: Map<number, bigint>;
}

/** The published cells that do not cancel out of a combination of groups. */
function publishedTerms(combination: Map<number, bigint>, groups: readonly SumGroup[], hidden: ReadonlySet<string>): string[] {
  const terms = new Map<string, bigint>();
  const add = (key: string, by: bigint) => {
    if (!hidden.has(key)) terms.set(key, (terms.get(key) ?? 0n) + by);
  };
  for (const [g, factor] of combination) {
    add(groups[g].total, factor);
    for (const member of groups[g].members) add(member, -factor);
  }
  return [...terms].filter(([, factor]) => factor !== 0n).map(([key]) => key).sort();
}

/** The reduced row echelon basis of the rows' span: a unit vector is in the span iff it is a basis row. */
function reducedBasis(rows: readonly Row[], track: boolean): Row[] {
  const basis = new Map<number, Row>(); // pivot column → row
  for (const input of rows) {
    let row: Row = { entries: new Map(input.entries), combination: track ? new Map(input.combination) : new Map() };
    for (let pivot = pivotIn(row, basis); pivot !== undefined; pivot = pivotIn(row, basis)) {
      row = eliminate(row, basis.get(pivot)!, pivot);
    }
    if (row.entries.size === 0) continue;
    const pivot = smallest(row.entries.keys());
    for (const [otherPivot, other] of basis) {
      if (other.entries.has(pivot)) basis.set(otherPivot, eliminate(other, row, pivot));
    }
    basis.set(pivot, row);
  }
  return [...basis.values()];
}

const first = (entries: Map<number, bigint>): number => entries.keys().next().value as number;

const smallest = (columns: Iterable<number>): number => {
  let min = Infinity;
  for (const c of columns) if (c < min) min = c;
  return min;
};

const pivotIn = (row: Row, basis: Map<number, Row>): number | undefined => {
  for (const column of row.entries.keys()) if (basis.has(column)) return column;
  return undefined;
};

/** `row` with `column` cancelled by a multiple of `by` (whose entry in `column` is not 0), in lowest terms. */
function eliminate(row: Row, by: Row, column: number): Row {
  const a = by.entries.get(column)!;
  const b = row.entries.get(column)!;
  const entries = combine(row.entries, a, by.entries, b);
  const combination = combine(row.combination, a, by.combination, b);
  let divisor = 0n;
  for (const v of entries.values()) divisor = gcd(divisor, v < 0n ? -v : v);
  for (const v of combination.values()) divisor = gcd(divisor, v < 0n ? -v : v);
  if (divisor > 1n) {
    for (const [c, v] of entries) entries.set(c, v / divisor);
    for (const [c, v] of combination) combination.set(c, v / divisor);
  }
  return { entries, combination };
}

/** a × x − b × y, zeros dropped */
function combine(x: Map<number, bigint>, a: bigint, y: Map<number, bigint>, b: bigint): Map<number, bigint> {
  const out = new Map<number, bigint>();
  for (const [c, v] of x) out.set(c, v * a);
  for (const [c, v] of y) out.set(c, (out.get(c) ?? 0n) - v * b);
  for (const [c, v] of out) if (v === 0n) out.delete(c);
  return out;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}
