import { anomalyCodes, AuditWorld, cafeIn, LYON } from './testing/audit-world';

const NOW = '2026-06-15T12:00:00Z';
const people = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/** a café in Lyon on 1 May 2026, 14:00–16:00 UTC */
function worldWithCafe(options: { capacity?: number | null } = {}) {
  const world = new AuditWorld();
  world.cafe('c', { startsAt: '2026-05-01T14:00:00Z', endsAt: '2026-05-01T16:00:00Z', capacity: options.capacity ?? null });
  return world;
}

describe('anomalies of a café', () => {
  it('reports attendance above capacity, named and anonymous together', () => {
    const world = worldWithCafe({ capacity: 4 });
    const named = world.attend('c', people(3), '2026-05-01T16:00:00Z');
    const headcount = world.headcount('c', 2, 0, '2026-05-01T16:00:00Z');
    const [anomaly] = cafeIn(world.report(NOW), 'c').anomalies;
    expect(anomaly).toEqual({
      code: 'attendance_above_capacity',
      message: '5 people attended (named and anonymous) but the café had room for 4.',
      messageFr: "5 présences (nominatives et anonymes) pour une capacité de 4 places.",
      eventIds: [...named.map((e) => e.eventId), headcount.eventId],
    });
  });

  it('does not report a café filled exactly to capacity', () => {
    const world = worldWithCafe({ capacity: 3 });
    world.attend('c', people(3), '2026-05-01T16:00:00Z');
    expect(anomalyCodes(world.report(NOW), 'c')).toEqual([]);
  });

  it('reports attendance recorded more than 30 days after the café ended', () => {
    const world = worldWithCafe();
    world.attend('c', people(3), '2026-05-01T16:00:00Z');
    const late = world.headcount('c', 4, 0, '2026-06-01T09:00:00Z'); // 30 days and 17 hours after the end
    const [anomaly] = cafeIn(world.report(NOW), 'c').anomalies;
    expect(anomaly).toEqual({
      code: 'attendance_recorded_late',
      message: 'Attendance was recorded on 2026-06-01, 30 days after the café ended on 2026-05-01 (the limit is 30 days).',
      messageFr: "Présences saisies le 1 juin 2026, 30 jours après la fin du café le 1 mai 2026 (la limite est de 30 jours).",
      eventIds: [late.eventId],
    });
  });

  it('does not report attendance recorded 30 days after the café, to the hour', () => {
    const world = worldWithCafe();
    world.attend('c', people(3), '2026-05-31T16:00:00Z');
    expect(anomalyCodes(world.report(NOW), 'c')).toEqual([]);
  });

  it('reports a headcount with no named attendee on a café that had enrolments', () => {
    const world = worldWithCafe();
    world.enrol('c', 'p-anne', '2026-04-20T10:00:00Z');
    world.enrol('c', 'p-bob', '2026-04-20T10:00:00Z');
    const headcount = world.headcount('c', 12, 0, '2026-05-01T16:00:00Z');
    expect(cafeIn(world.report(NOW), 'c').anomalies).toEqual([
      {
        code: 'headcount_without_named_attendees',
        message: 'An anonymous headcount of 12 was declared, but none of the 2 people enrolled was recorded as attending by name.',
        messageFr: '12 personnes comptées sans contact, mais aucune des 2 personnes inscrites n’a été enregistrée présente par son nom.',
        eventIds: [headcount.eventId],
      },
    ]);
  });

  it('accepts a headcount alone on a café nobody enrolled in, or next to named attendees', () => {
    const alone = worldWithCafe();
    alone.headcount('c', 12, 0, '2026-05-01T16:00:00Z');
    expect(anomalyCodes(alone.report(NOW), 'c')).toEqual([]);
    const mixed = worldWithCafe();
    mixed.enrol('c', 'p-anne', '2026-04-20T10:00:00Z');
    mixed.attend('c', ['p-anne'], '2026-05-01T16:00:00Z');
    mixed.headcount('c', 12, 0, '2026-05-01T16:00:00Z');
    expect(anomalyCodes(mixed.report(NOW), 'c')).toEqual([]);
  });

  it('reports a café rescheduled after attendance was recorded', () => {
    const world = worldWithCafe();
    world.attend('c', people(3), '2026-05-01T16:00:00Z');
    const moved = world.reschedule('c', '2026-05-03T14:00:00Z', '2026-05-01T14:00:00Z', true, '2026-05-02T09:00:00Z');
    expect(cafeIn(world.report(NOW), 'c').anomalies).toEqual([
      { code: 'rescheduled_after_attendance', message: 'The café was moved from 2026-05-01 to 2026-05-03 after attendance had been recorded.', messageFr: 'Le café a été déplacé du 1 mai 2026 au 3 mai 2026 après la saisie des présences.', eventIds: [moved.eventId] },
    ]);
  });

  it('does not report a café rescheduled before any attendance', () => {
    const world = worldWithCafe();
    world.reschedule('c', '2026-05-03T14:00:00Z', '2026-05-01T14:00:00Z', false, '2026-04-25T09:00:00Z');
    world.attend('c', people(3), '2026-05-03T16:00:00Z');
    expect(anomalyCodes(world.report(NOW), 'c')).toEqual([]);
  });

  it('reports a café with no attendance reported 7 days after it ended', () => {
    const world = worldWithCafe();
    expect(cafeIn(world.report('2026-05-08T16:00:01Z'), 'c').anomalies).toEqual([
      { code: 'attendance_unreported', message: 'The café ended on 2026-05-01 and no attendance had been reported 7 days later.', messageFr: 'Le café s’est terminé le 1 mai 2026 et aucune présence n’avait été saisie 7 jours plus tard.', eventIds: [] },
    ]);
    expect(anomalyCodes(world.report('2026-05-08T15:59:59Z'), 'c')).toEqual([]);
  });

  it('does not call a cancelled café unreported', () => {
    const world = worldWithCafe();
    world.cancel('c', '2026-04-30T10:00:00Z');
    expect(anomalyCodes(world.report(NOW), 'c')).toEqual([]);
  });

  it.each([
    [1, true],
    [2, true],
    [3, false],
    [200, false],
    [201, true],
  ])('with %i people attending, reports an implausible attendance: %s', (count, implausible) => {
    const world = worldWithCafe();
    world.headcount('c', count, 0, '2026-05-01T16:00:00Z');
    expect(anomalyCodes(world.report(NOW), 'c')).toEqual(implausible ? ['attendance_implausible'] : []);
  });

  it('lists every anomaly of the report with its café and structure', () => {
    const world = worldWithCafe({ capacity: 1 });
    world.attend('c', people(2), '2026-05-01T16:00:00Z');
    world.cafe('silent', { startsAt: '2026-03-01T10:00:00Z', title: 'Café muet' });
    const report = world.report(NOW);
    expect(report.anomalies.map(({ code, cafeId, structureId, cafeTitle }) => ({ code, cafeId, structureId, cafeTitle }))).toEqual([
      { code: 'attendance_unreported', cafeId: 'silent', structureId: LYON, cafeTitle: 'Café muet' },
      { code: 'attendance_above_capacity', cafeId: 'c', structureId: LYON, cafeTitle: 'Café c' },
      { code: 'attendance_implausible', cafeId: 'c', structureId: LYON, cafeTitle: 'Café c' },
    ]);
    expect(report.anomalies.every((a) => a.message.endsWith('.'))).toBe(true);
  });
});
