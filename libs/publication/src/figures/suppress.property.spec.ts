/**
 * The attacker's side: random territories, EPCIs straddling departments, months; suppression; then
 * everything the published table allows to compute, with a solver written here from the structure
 * alone (not from the library's relations), must fail to give back any hidden cell.
 */
import fc from 'fast-check';
import { suppressFigures } from './suppress';
import { PEOPLE_COUNT_FIELDS, type PublishedFigures, type TerritoryFigures } from './territory-figures';

const MIN_CELL = 11;
const ADDITIVE = ['attendances', 'anonymousAttendees'] as const;

type Leaf = { commune: string; department: string; region: string; epci: string; month: string; attendances: number; anonymous: number; people: number };

/** a country: regions of departments of communes, communes spread over EPCIs, counts per commune and month */
const country = fc
  .record({
    regions: fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    epcis: fc.integer({ min: 1, max: 3 }),
    months: fc.integer({ min: 0, max: 3 }),
    seed: fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 12 }), fc.nat(6)), { minLength: 40, maxLength: 40 }),
  })
  .map(({ regions, epcis, months, seed }) => {
    const leaves: Leaf[] = [];
    const monthNames = months === 0 ? ['2026-01'] : Array.from({ length: months }, (_, i) => `2026-0${i + 1}`);
    let n = 0;
    regions.forEach((departments, r) =>
      departments.forEach((communes, d) => {
        for (let c = 0; c < communes; c++) {
          const commune = `commune:${r}${d}00${c}`;
          for (const month of monthNames) {
            const [epciPick, attendances, anonymous, overlap] = seed[n++ % seed.length];
            const anon = Math.min(anonymous, attendances);
            leaves.push({
              commune,
              department: `department:${r}${d}`,
              region: `region:${r}`,
              epci: `epci:${(c + epciPick) % epcis}`,
              month,
              attendances,
              anonymous: anon,
              people: Math.max(anon, attendances - overlap),
            });
          }
        }
      }),
    );
    // a commune stays in one EPCI whatever the month
    const epciOf = new Map<string, string>();
    for (const leaf of leaves) if (!epciOf.has(leaf.commune)) epciOf.set(leaf.commune, leaf.epci);
    return { leaves: leaves.map((l) => ({ ...l, epci: epciOf.get(l.commune)! })), perMonth: months > 0 };
  });

/** the published rows, aggregated from the leaves; people reached is less than the sum where people crossed */
function rowsOf(leaves: Leaf[], perMonth: boolean): TerritoryFigures[] {
  const rows = new Map<string, TerritoryFigures & { peopleReached: number }>();
  const add = (code: string, level: TerritoryFigures['level'], partOf: string[], month: string | undefined, leaf: Leaf) => {
    const key = `${code}@${month ?? '*'}`;
    const row = rows.get(key) ?? { code, name: code, level, partOf, ...(month ? { month } : {}), peopleReached: 0, attendances: 0, anonymousAttendees: 0, cafesHeld: 0, structuresActive: 0 };
    rows.set(key, {
      ...row,
      attendances: row.attendances + leaf.attendances,
      anonymousAttendees: row.anonymousAttendees + leaf.anonymous,
      // a person may count in two children: the parent is at least the largest child, at most the sum
      peopleReached: Math.max(row.peopleReached, leaf.people, row.peopleReached + leaf.people - (level === 'commune' ? 0 : 1)),
      cafesHeld: row.cafesHeld + 1,
    });
  };
  for (const leaf of leaves) {
    for (const month of perMonth ? [undefined, leaf.month] : [undefined]) {
      add('national', 'national', [], month, leaf);
      add(leaf.region, 'region', ['national'], month, leaf);
      add(leaf.department, 'department', [leaf.region], month, leaf);
      add(leaf.epci, 'epci', [], month, leaf);
      add(leaf.commune, 'commune', [leaf.department, leaf.epci], month, leaf);
    }
  }
  return [...rows.values()];
}

/** what the public can write down: each parent equals the sum of its parts, all time the sum of the months */
function equationsOf(leaves: Leaf[], perMonth: boolean): { total: string; parts: string[] }[] {
  const parts = new Map<string, Set<string>>();
  const link = (total: string, part: string) => parts.set(total, (parts.get(total) ?? new Set()).add(part));
  for (const leaf of leaves) {
    for (const period of perMonth ? ['*', leaf.month] : ['*']) {
      link(`sum national@${period}`, `${leaf.region}@${period}`);
      link(`sum ${leaf.region}@${period}`, `${leaf.department}@${period}`);
      link(`sum ${leaf.department}@${period}`, `${leaf.commune}@${period}`);
      link(`sum ${leaf.epci}@${period}`, `${leaf.commune}@${period}`);
    }
    if (perMonth) {
      for (const code of ['national', leaf.region, leaf.department, leaf.epci, leaf.commune]) link(`time ${code}@*`, `${code}@${leaf.month}`);
    }
  }
  return [...parts.entries()].map(([name, set]) => ({ total: name.split(' ')[1], parts: [...set] }));
}

/** subtraction, again and again: a sum with one unknown gives it; unknowns left over at 0 are all 0 */
function subtract(equations: { total: string; parts: string[] }[], known: Map<string, number>): Map<string, number> {
  const recovered = new Map<string, number>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const { total, parts } of equations) {
      const unknown = [total, ...parts].filter((key) => !known.has(key));
      if (unknown.length === 0) continue;
      const partsKnown = parts.filter((key) => known.has(key)).reduce((sum, key) => sum + known.get(key)!, 0);
      const learn = (key: string, value: number) => {
        known.set(key, value);
        recovered.set(key, value);
        progress = true;
      };
      if (unknown.length === 1) learn(unknown[0], unknown[0] === total ? partsKnown : known.get(total)! - partsKnown);
      else if (known.has(total) && known.get(total)! - partsKnown === 0) for (const key of unknown) learn(key, 0);
    }
  }
  return recovered;
}

/** every linear combination of the sums at once: dense Gauss–Jordan over exact fractions */
function solvable(equations: { total: string; parts: string[] }[], hidden: Set<string>): string[] {
  const unknowns = [...hidden].sort();
  const column = new Map(unknowns.map((key, i) => [key, i]));
  const rows = equations
    .map(({ total, parts }) => {
      const row = unknowns.map(() => 0n);
      if (hidden.has(total)) row[column.get(total)!] += 1n;
      for (const part of parts) if (hidden.has(part)) row[column.get(part)!] -= 1n;
      return row;
    })
    .filter((row) => row.some((v) => v !== 0n));
  let rank = 0;
  for (let c = 0; c < unknowns.length && rank < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= rank && row[c] !== 0n);
    if (p < 0) continue;
    [rows[rank], rows[p]] = [rows[p], rows[rank]];
    for (let i = 0; i < rows.length; i++) {
      if (i === rank || rows[i][c] === 0n) continue;
      const a = rows[rank][c];
      const b = rows[i][c];
      rows[i] = rows[i].map((v, j) => v * a - rows[rank][j] * b);
    }
    rank++;
  }
  return rows.filter((row) => row.filter((v) => v !== 0n).length === 1).map((row) => unknowns[row.findIndex((v) => v !== 0n)]);
}

const keyOf = (row: Pick<PublishedFigures, 'code' | 'month'>) => `${row.code}@${row.month ?? '*'}`;

describe('the attacker of the published figures', () => {
  it('sees no count of people below the threshold, and every hidden count is null and named', () => {
    fc.assert(
      fc.property(country, ({ leaves, perMonth }) => {
        const rows = rowsOf(leaves, perMonth);
        const out = suppressFigures(rows, { minCell: MIN_CELL });
        const wrong: string[] = [];
        out.forEach((published, i) => {
          for (const field of PEOPLE_COUNT_FIELDS) {
            const value = published[field];
            if (rows[i][field] < MIN_CELL && value !== null) wrong.push(`${keyOf(published)} ${field} ${value} published`);
            if (value === null && !published.suppressed.includes(field)) wrong.push(`${keyOf(published)} ${field} hidden, not named`);
            if (value !== null && value !== rows[i][field]) wrong.push(`${keyOf(published)} ${field} changed`);
          }
        });
        expect(wrong).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('recovers no hidden cell by subtraction from its parents, its parts or its months', () => {
    fc.assert(
      fc.property(country, ({ leaves, perMonth }) => {
        const out = suppressFigures(rowsOf(leaves, perMonth), { minCell: MIN_CELL });
        const equations = equationsOf(leaves, perMonth);
        for (const field of ADDITIVE) {
          const known = new Map(out.filter((r) => r[field] !== null).map((r) => [keyOf(r), r[field] as number]));
          expect([...subtract(equations, known).keys()]).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('recovers no hidden cell by any combination of the sums', () => {
    fc.assert(
      fc.property(country, ({ leaves, perMonth }) => {
        const out = suppressFigures(rowsOf(leaves, perMonth), { minCell: MIN_CELL });
        const equations = equationsOf(leaves, perMonth);
        for (const field of ADDITIVE) {
          const hidden = new Set(out.filter((r) => r[field] === null).map(keyOf));
          expect(solvable(equations, hidden)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is an attacker that does recover cells when nothing is protected beyond the threshold', () => {
    // the same solver against a table with only the primary suppression: it must find something,
    // or the tests above would prove nothing
    let recoveredSomewhere = false;
    fc.assert(
      fc.property(country, ({ leaves, perMonth }) => {
        const rows = rowsOf(leaves, perMonth);
        const known = new Map(rows.filter((r) => r.attendances >= MIN_CELL).map((r) => [keyOf(r), r.attendances]));
        if (subtract(equationsOf(leaves, perMonth), known).size > 0) recoveredSomewhere = true;
      }),
      { numRuns: 100 },
    );
    expect(recoveredSomewhere).toBe(true);
  });
});
