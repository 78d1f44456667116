import { renderAuditCsv } from './audit-csv';
import { AuditWorld, PARIS } from './testing/audit-world';

const NOW = '2026-06-15T12:00:00Z';

function report() {
  const world = new AuditWorld();
  world.cafe('c1', { startsAt: '2026-05-01T14:00:00Z', title: 'L’IA à l’école; été 2026', capacity: 2 });
  world.attend('c1', ['p-a', 'p-b', 'p-c'], '2026-05-01T16:00:00Z');
  world.cafe('c2', { structureId: PARIS, startsAt: '2026-05-02T14:00:00Z', title: '=HYPERLINK("x")' });
  world.headcount('c2', 7, 0, '2026-05-02T16:00:00Z');
  world.cafe('c3', { startsAt: '2026-09-02T14:00:00Z', title: 'Café "découverte"' });
  return world.report(NOW);
}

/** splits a CSV the way a spreadsheet does (quotes, doubled quotes, `;`) */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  for (const line of csv.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '')) {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = !quoted;
      else if (ch === ';' && !quoted) cells.push(cell), (cell = '');
      else cell += ch;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

describe('the audit as CSV', () => {
  const json = report();
  const csv = renderAuditCsv(json);
  const [header, ...rows] = parse(csv);
  const column = (name: string) => header.indexOf(name);

  it('starts with a UTF-8 byte-order mark and a header, and ends lines with CRLF', () => {
    expect(csv.startsWith('\uFEFFfundingId;structureId;structureName;cafeId;title;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(header).toEqual([
      'fundingId', 'structureId', 'structureName', 'cafeId', 'title', 'startsAt', 'endsAt', 'communeCode',
      'capacity', 'status', 'enrolled', 'attendedNamed', 'anonymous', 'attendances', 'anomalies',
    ]);
  });

  it('has one row per café with the figures of the JSON report', () => {
    const cafes = json.structures.flatMap((s) => s.cafes);
    expect(rows.map((r) => r[column('cafeId')])).toEqual(cafes.map((c) => c.cafeId));
    for (const [i, cafe] of cafes.entries()) {
      expect(rows[i][column('status')]).toBe(cafe.status);
      for (const figure of ['enrolled', 'attendedNamed', 'anonymous', 'attendances'] as const) {
        expect(Number(rows[i][column(figure)])).toBe(cafe[figure]);
      }
      expect(rows[i][column('anomalies')]).toBe(cafe.anomalies.map((a) => a.code).join('|'));
    }
    expect(rows[0][column('anomalies')]).toBe('attendance_above_capacity');
  });

  it('keeps French text intact, quoting what needs it', () => {
    expect(rows[0][column('title')]).toBe('L’IA à l’école; été 2026');
    expect(rows[1][column('title')]).toBe('Café "découverte"');
    expect(rows[0][column('structureName')]).toBe('Médiathèque s-lyon');
  });

  it('defuses a title that a spreadsheet would run as a formula', () => {
    expect(rows[2][column('title')]).toBe('\'=HYPERLINK("x")');
  });
});
