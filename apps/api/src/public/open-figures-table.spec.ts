import { Territories } from '@cafeia/territories';
import { openFiguresTable } from './open-figures-table';

const count = (key: string, month: string | null = null) => ({ key, month, peopleReached: 12, attendances: 14, anonymousAttendees: 2, cafesHeld: 1, structuresActive: 1 });

describe('the open-data table before suppression', () => {
  const territories = Territories.official();

  it('names each territory and says what it sums into, from the official reference', () => {
    const rows = openFiguresTable([count('nation'), count('region:53'), count('department:35'), count('epci:243500139'), count('commune:35238', '2026-05')], territories);
    expect(rows.map((r) => [r.code, r.name, r.level, r.month, r.partOf])).toEqual([
      ['national', 'France', 'national', undefined, []],
      ['region:53', 'Bretagne', 'region', undefined, ['national']],
      ['department:35', 'Ille-et-Vilaine', 'department', undefined, ['region:53']],
      ['epci:243500139', 'Rennes Métropole', 'epci', undefined, []],
      ['commune:35238', 'Rennes', 'commune', '2026-05', ['department:35', 'epci:243500139']],
    ]);
  });

  it('leaves out what the reference does not know', () => {
    expect(openFiguresTable([count('commune:99999'), count('planet:earth'), count('department:35')], territories).map((r) => r.code)).toEqual(['department:35']);
  });
});
