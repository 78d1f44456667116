import { DisclosureAudit } from './linear-disclosure';
import { cellKey, sumGroupsOf, type SumGroup } from './sum-groups';
import {
  DEFAULT_MIN_CELL,
  PEOPLE_COUNT_FIELDS,
  type PeopleCountField,
  type PublishedFigures,
  type TerritoryFigures,
} from './territory-figures';

export interface SuppressionOptions {
  /** `OPEN_DATA_MIN_CELL`: a count of people below it is never published. */
  readonly minCell?: number;
}

/**
 * Small-cell suppression of the open-data table, per people count (`PEOPLE_COUNT_FIELDS`):
 *
 * 1. primary: a count below `minCell` is hidden;
 * 2. complementary, the contract's rule: in every sum relation (`sumGroupsOf`: a territory and its
 *    published parts, a territory's all-time figure and its months), a hidden cell may not be the only
 *    one, or subtraction gives it back. The second one hidden is the smallest published member (ties:
 *    by code), the total when no member is left; hiding the total when it alone is hidden and every
 *    member is published, since then adding the members gives it back;
 * 3. no zero sum: where the total is published, the hidden members may not add up to 0, since counts
 *    are never negative and each of them would then be known to be 0;
 * 4. no exact recovery by combining relations (`linearDisclosures`): of the published cells a
 *    recovery subtracts, the smallest (ties by code) is hidden too;
 *
 * and again until nothing changes, since each new hidden cell can make a lone one elsewhere (at
 * another level, in another month). Give every period at once (all time and every month), so that
 * the relations between them are protected too.
 *
 * What it does not promise: bounds. A hidden cell may be known to lie in an interval (at most its
 * parent; at least what its parent leaves after its published siblings). The primary hidden cells are
 * below `minCell` anyway, which a `null` already says.
 */
export function suppressFigures(
  rows: readonly TerritoryFigures[],
  options: SuppressionOptions = {},
): PublishedFigures[] {
  const minCell = options.minCell ?? DEFAULT_MIN_CELL;
  if (!Number.isInteger(minCell) || minCell < 1) throw new Error(`figures: minCell must be a positive integer, got ${minCell}`);
  for (const row of rows) {
    for (const field of PEOPLE_COUNT_FIELDS) {
      const value = row[field];
      if (!Number.isInteger(value) || value < 0) throw new Error(`figures: ${field} of ${row.code} must be a count, got ${value}`);
    }
  }
  const groups = sumGroupsOf(rows);
  const hiddenBy = new Map<PeopleCountField, Set<string>>();
  for (const field of PEOPLE_COUNT_FIELDS) {
    const values = new Map(rows.map((row) => [cellKey(row), row[field]]));
    hiddenBy.set(field, hiddenCells(values, groups, minCell));
  }
  return rows.map((row) => {
    const key = cellKey(row);
    const suppressed = PEOPLE_COUNT_FIELDS.filter((field) => hiddenBy.get(field)!.has(key));
    const shown = (field: PeopleCountField) => (suppressed.includes(field) ? null : row[field]);
    return {
      code: row.code,
      name: row.name,
      level: row.level,
      ...(row.month !== undefined ? { month: row.month } : {}),
      peopleReached: shown('peopleReached'),
      attendances: shown('attendances'),
      anonymousAttendees: shown('anonymousAttendees'),
      cafesHeld: row.cafesHeld,
      structuresActive: row.structuresActive,
      suppressed,
    };
  });
}

/** The cells to hide for one field, given every cell's value. */
export function hiddenCells(
  values: ReadonlyMap<string, number>,
  groups: readonly SumGroup[],
  minCell: number,
): Set<string> {
  const hidden = new Set([...values.keys()].filter((key) => values.get(key)! < minCell));
  const groupsOf = new Map<string, SumGroup[]>();
  for (const group of groups) {
    for (const key of [group.total, ...group.members]) {
      const list = groupsOf.get(key) ?? [];
      list.push(group);
      groupsOf.set(key, list);
    }
  }
  const bySize = (a: string, b: string) => values.get(a)! - values.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const published = (keys: readonly string[]) => keys.filter((key) => !hidden.has(key)).sort(bySize);

  // groups to look at again, in a stable order; a newly hidden cell puts its groups back
  const pending = new Set(groups);
  const audit = new DisclosureAudit(groups);
  // the cells hidden since the last audit: only their components can have changed
  let sinceAudit: Set<string> | undefined;
  const hide = (key: string) => {
    hidden.add(key);
    sinceAudit?.add(key);
    for (const group of groupsOf.get(key) ?? []) pending.add(group);
  };

  for (;;) {
    while (pending.size > 0) {
      const group: SumGroup = pending.values().next().value!;
      pending.delete(group);
      const partner = partnerNeeded(group, hidden, values, published);
      if (partner !== undefined) hide(partner);
    }
    const partners = new Set<string>();
    const disclosures = audit.disclosures(hidden, sinceAudit);
    sinceAudit = new Set();
    for (const disclosure of disclosures) {
      // hiding one of the published cells the recovery subtracts breaks it; the smallest costs least
      const partner = published(disclosure.uses)[0];
      if (partner !== undefined) partners.add(partner);
    }
    // a recovery that subtracts no published cell only says the cell is 0, which protects nobody
    if (partners.size === 0) return hidden;
    for (const partner of partners) hide(partner);
  }
}

/** The cell to hide so that this group no longer gives a hidden cell back, if it does. */
function partnerNeeded(
  group: SumGroup,
  hidden: ReadonlySet<string>,
  values: ReadonlyMap<string, number>,
  published: (keys: readonly string[]) => string[],
): string | undefined {
  const totalHidden = hidden.has(group.total);
  const hiddenMembers = group.members.filter((key) => hidden.has(key));
  const unknowns = hiddenMembers.length + (totalHidden ? 1 : 0);
  if (unknowns === 1) return published(group.members)[0] ?? group.total;
  if (!totalHidden && hiddenMembers.length > 0) {
    const left = values.get(group.total)! - group.members.filter((key) => !hidden.has(key)).reduce((sum, key) => sum + values.get(key)!, 0);
    // ≤ rather than =: for `peopleReached` (not additive) what is left may even be negative
    if (left <= 0) return published(group.members).find((key) => values.get(key)! > 0);
  }
  return undefined;
}
