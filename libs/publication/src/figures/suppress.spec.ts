import { suppressFigures } from './suppress';
import { type TerritoryFigures } from './territory-figures';

/** a row with the same value in every people count, unless told otherwise */
function row(code: string, partOf: string[], people: number, extra: Partial<TerritoryFigures> = {}): TerritoryFigures {
  return {
    code,
    name: code,
    level: code.startsWith('region') ? 'region' : code.startsWith('department') ? 'department' : code.startsWith('epci') ? 'epci' : code === 'national' ? 'national' : 'commune',
    partOf,
    peopleReached: people,
    attendances: people,
    anonymousAttendees: people,
    cafesHeld: 3,
    structuresActive: 2,
    ...extra,
  };
}

const published = (rows: ReturnType<typeof suppressFigures>) =>
  Object.fromEntries(rows.map((r) => [r.month ? `${r.code}@${r.month}` : r.code, r.attendances]));

describe('small-cell suppression', () => {
  it('hides a count below the threshold and names it in suppressed', () => {
    const [cell] = suppressFigures([row('commune:69123', [], 10, { attendances: 25, anonymousAttendees: 0 })]);
    expect(cell).toEqual({
      code: 'commune:69123',
      name: 'commune:69123',
      level: 'commune',
      peopleReached: null,
      attendances: 25,
      anonymousAttendees: null,
      cafesHeld: 3,
      structuresActive: 2,
      suppressed: ['peopleReached', 'anonymousAttendees'],
    });
  });

  it('publishes a count equal to the threshold', () => {
    const [cell] = suppressFigures([row('commune:69123', [], 11)]);
    expect(cell.suppressed).toEqual([]);
    expect(cell.peopleReached).toBe(11);
  });

  it('follows OPEN_DATA_MIN_CELL when given', () => {
    const [cell] = suppressFigures([row('commune:69123', [], 11)], { minCell: 12 });
    expect(cell.suppressed).toEqual(['peopleReached', 'attendances', 'anonymousAttendees']);
  });

  it('never hides cafés held nor active structures', () => {
    const [cell] = suppressFigures([row('commune:69123', [], 1, { cafesHeld: 1, structuresActive: 1 })]);
    expect(cell.cafesHeld).toBe(1);
    expect(cell.structuresActive).toBe(1);
  });

  it('hides the smallest published sibling too when one child of a published parent is hidden', () => {
    // 103 = 40 + 8 + 25 + 30: with 8 alone hidden, 103 − 40 − 25 − 30 gives it back
    const rows = suppressFigures([
      row('region:84', ['national'], 103),
      row('department:01', ['region:84'], 40),
      row('department:03', ['region:84'], 8),
      row('department:07', ['region:84'], 25),
      row('department:15', ['region:84'], 30),
    ]);
    expect(published(rows)).toEqual({
      'region:84': 103,
      'department:01': 40,
      'department:03': null,
      'department:07': null,
      'department:15': 30,
    });
    expect(rows.find((r) => r.code === 'department:07')!.suppressed).toEqual(['peopleReached', 'attendances', 'anonymousAttendees']);
  });

  it('breaks a tie between equally small siblings by code', () => {
    const rows = suppressFigures([
      row('region:84', ['national'], 70),
      row('department:03', ['region:84'], 5),
      row('department:26', ['region:84'], 20),
      row('department:07', ['region:84'], 20),
      row('department:01', ['region:84'], 25),
    ]);
    expect(published(rows)).toMatchObject({ 'department:07': null, 'department:26': 20 });
  });

  it('is the same whatever order the rows come in', () => {
    const rows = [
      row('region:84', ['national'], 70),
      row('department:03', ['region:84'], 5),
      row('department:26', ['region:84'], 20),
      row('department:07', ['region:84'], 20),
      row('department:01', ['region:84'], 25),
    ];
    expect(published(suppressFigures([...rows].reverse()))).toEqual(published(suppressFigures(rows)));
  });

  it('carries a complementary suppression on to the next level, up and down', () => {
    // department:02 (50) is hidden only to protect department:01 (5); its communes 20 + 30 would give it
    // back, so commune:02001 goes too; and region:11 (55) must not be the lone hidden region of the nation
    const rows = suppressFigures([
      row('national', [], 155),
      row('region:11', ['national'], 55),
      row('region:24', ['national'], 100),
      row('department:01', ['region:11'], 5),
      row('department:02', ['region:11'], 50),
      row('commune:01001', ['department:01'], 5),
      row('commune:02001', ['department:02'], 20),
      row('commune:02002', ['department:02'], 30),
    ]);
    expect(published(rows)).toEqual({
      national: 155,
      'region:11': 55,
      'region:24': 100,
      'department:01': null,
      'department:02': null,
      'commune:01001': null,
      'commune:02001': null,
      'commune:02002': 30,
    });
  });

  it('hides a parent whose only child had to be hidden as a complement', () => {
    // department:02 has one active commune: the commune and its department are the same number
    const rows = suppressFigures([
      row('region:11', [], 75),
      row('department:01', ['region:11'], 5),
      row('department:02', ['region:11'], 30),
      row('department:03', ['region:11'], 40),
      row('commune:02001', ['department:02'], 30),
    ]);
    expect(published(rows)).toMatchObject({ 'department:02': null, 'commune:02001': null });
  });

  it('does not let hidden cells add up to zero under a published total', () => {
    // region 40 = 40 + 0 + 0: both zeros hidden, but 40 − 40 = 0 tells they are both 0
    const rows = suppressFigures([
      row('region:11', [], 52, { attendances: 40 }),
      row('department:01', ['region:11'], 40),
      row('department:02', ['region:11'], 12, { attendances: 0 }),
      row('department:03', ['region:11'], 0),
    ]);
    expect(published(rows)).toEqual({ 'region:11': 40, 'department:01': null, 'department:02': null, 'department:03': null });
  });

  it('protects a commune through its EPCI as well as its department', () => {
    // department:01 = 5 + 40 + 45 is safe once 40 is hidden, but the EPCI 200000001 = 5 + 12 alone would
    // give the 5 back: its other commune is hidden too
    const rows = suppressFigures([
      row('department:01', [], 102),
      row('epci:200000001', [], 17),
      row('epci:200000002', [], 85),
      row('commune:01001', ['department:01', 'epci:200000001'], 5),
      row('commune:01002', ['department:01', 'epci:200000001'], 12),
      row('commune:01003', ['department:01', 'epci:200000002'], 40),
      row('commune:01004', ['department:01', 'epci:200000002'], 45),
    ]);
    const out = published(rows);
    expect(out['commune:01001']).toBeNull();
    expect(out['commune:01002']).toBeNull();
    // and so in the department, whose hidden 5 + 12 now has a partner: nothing else is needed
    expect(out).toMatchObject({ 'department:01': 102, 'epci:200000001': 17, 'commune:01003': 40, 'commune:01004': 45 });
  });

  it('protects a commune that subtracting one EPCI from its department would give back', () => {
    // commune:01001 is the only commune of its EPCI and holds 5; once 01002 and 01003 protect it in the
    // department, department 55 − EPCI 200000002 50 still gives 5: the smaller of the two goes too
    const rows = suppressFigures([
      row('department:01', [], 55),
      row('epci:200000001', [], 5),
      row('epci:200000002', [], 50),
      row('commune:01001', ['department:01', 'epci:200000001'], 5),
      row('commune:01002', ['department:01', 'epci:200000002'], 20),
      row('commune:01003', ['department:01', 'epci:200000002'], 30),
    ]);
    expect(published(rows)).toEqual({
      'department:01': 55,
      'epci:200000001': null,
      'epci:200000002': null,
      'commune:01001': null,
      'commune:01002': null,
      'commune:01003': null,
    });
  });

  it('protects a month through the all-time figure of its territory', () => {
    // all time 60 = 5 (May) + 55 (June): May hidden, so June is hidden as well
    const rows = suppressFigures([
      row('department:01', [], 60),
      row('department:01', [], 5, { month: '2026-05' }),
      row('department:01', [], 55, { month: '2026-06' }),
    ]);
    expect(published(rows)).toEqual({ 'department:01': 60, 'department:01@2026-05': null, 'department:01@2026-06': null });
    expect(rows[1].month).toBe('2026-05');
  });

  it('refuses the same territory twice in one period, and counts that are not counts', () => {
    expect(() => suppressFigures([row('department:01', [], 20), row('department:01', [], 30)])).toThrow(/twice/);
    expect(() => suppressFigures([row('department:01', [], -1)])).toThrow(/count/);
    expect(() => suppressFigures([row('department:01', [], 1.5)])).toThrow(/count/);
    expect(() => suppressFigures([row('department:01', [], 1)], { minCell: 0 })).toThrow(/minCell/);
  });
});
