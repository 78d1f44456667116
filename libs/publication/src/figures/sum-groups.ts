import type { TerritoryFigures } from './territory-figures';

/**
 * A relation the public can subtract with: `total` = Σ `members` (exactly for additive counts, at
 * most for `peopleReached`). Cells are keyed by `cellKey`.
 */
export interface SumGroup {
  readonly total: string;
  readonly members: readonly string[];
}

const ALL_TIME = '*';

/** One key per (territory, period): `department:69@2026-05`, `department:69@*` for all time. */
export const cellKey = (row: Pick<TerritoryFigures, 'code' | 'month'>): string => `${row.code}@${row.month ?? ALL_TIME}`;

/**
 * Every sum relation among the rows: each territory with the rows that are part of it in the same
 * period, and, for a territory published both for all time and per month, all time = Σ its months
 * (the months partition the cafés by start). Groups and members come sorted, so whatever the order
 * of the rows the suppression that follows is the same.
 */
export function sumGroupsOf(rows: readonly TerritoryFigures[]): SumGroup[] {
  const keys = new Set<string>();
  for (const row of rows) {
    const key = cellKey(row);
    if (keys.has(key)) throw new Error(`figures: ${row.code} is given twice for ${row.month ?? 'all time'}`);
    keys.add(key);
  }
  // a territory's parts in one period, and its months, are two different sums with the same total
  const members = new Map<string, { total: string; list: string[] }>();
  const add = (relation: 'parts' | 'months', total: string, member: string) => {
    if (!keys.has(total)) return;
    const id = `${relation} ${total}`;
    const group = members.get(id) ?? { total, list: [] };
    group.list.push(member);
    members.set(id, group);
  };
  for (const row of rows) {
    for (const parent of row.partOf) add('parts', cellKey({ code: parent, month: row.month }), cellKey(row));
    if (row.month !== undefined) add('months', cellKey({ code: row.code }), cellKey(row));
  }
  return [...members.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => ({ total: group.total, members: [...group.list].sort() }));
}
