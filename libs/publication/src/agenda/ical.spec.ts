import ICAL from 'ical.js';
import { cafesCalendar } from './ical';
import { aCafe } from './testing/cafes';

const options = {
  calendarName: 'Cafés IA — Rhône',
  cafePageUrl: (id: string) => `https://cafeia.example.fr/agenda/${id}`,
  generatedAt: '2026-06-01T08:00:00Z',
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  const prop = (event: ICAL.Component, name: string) => event.getFirstPropertyValue(name);
  return { calendar, events, prop };
}

describe('the public calendar', () => {
  const long = aCafe({
    id: 'c-long',
    title: 'Café IA à la médiathèque : comprendre l’intelligence artificielle générative, ses usages éthiques, écologiques et créatifs — séance découverte ouverte à toutes et à tous',
  });
  const cancelled = aCafe({ id: 'c-cancelled', status: 'cancelled', reschedules: 2, endsAt: null, startsAt: '2026-06-20T09:30:00Z' });
  const online = aCafe({ id: 'c-online', online: true, audience: null });
  const text = cafesCalendar([aCafe(), long, cancelled, online], options);
  const { calendar, events, prop } = parse(text);

  it('is a calendar a real parser reads, named and published', () => {
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Cafés IA — Rhône');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Café IA//Agenda public des Cafés IA//FR');
    expect(events).toHaveLength(4);
  });

  it('gives each café one event with a UID that stays the same from one feed to the next', () => {
    expect(events.map((e) => prop(e, 'uid'))).toEqual([
      '3f1c2b9e-8a4d-4e1f-9b2a-1c3d5e7f9a0b@cafeia-impact',
      'c-long@cafeia-impact',
      'c-cancelled@cafeia-impact',
      'c-online@cafeia-impact',
    ]);
    const later = parse(cafesCalendar([aCafe({ title: 'Nouveau titre', reschedules: 1 })], { ...options, generatedAt: '2026-06-02T08:00:00Z' }));
    expect(later.prop(later.events[0], 'uid')).toBe('3f1c2b9e-8a4d-4e1f-9b2a-1c3d5e7f9a0b@cafeia-impact');
    expect(later.prop(later.events[0], 'sequence')).toBe(1);
  });

  it('writes start and end in UTC, and two hours when no end is given', () => {
    const [first, , third] = events;
    const start = prop(first, 'dtstart') as ICAL.Time;
    expect(start.toString()).toBe('2026-06-12T14:00:00Z');
    expect(start.zone?.tzid).toBe('UTC');
    expect((prop(first, 'dtend') as ICAL.Time).toString()).toBe('2026-06-12T16:30:00Z');
    expect((prop(third, 'dtend') as ICAL.Time).toString()).toBe('2026-06-20T11:30:00Z');
    expect(text).toContain('\r\nDTSTART:20260612T140000Z\r\n');
    expect((prop(first, 'dtstamp') as ICAL.Time).toString()).toBe('2026-06-01T08:00:00Z');
  });

  it('names, places and links each café', () => {
    const [first, , , fourth] = events;
    expect(prop(first, 'summary')).toBe('Café IA : découvrir l’intelligence artificielle');
    expect(prop(first, 'location')).toBe('Villeurbanne, Rhône');
    expect(prop(fourth, 'location')).toBe('En ligne');
    expect(prop(first, 'url')).toBe('https://cafeia.example.fr/agenda/3f1c2b9e-8a4d-4e1f-9b2a-1c3d5e7f9a0b');
    expect(prop(first, 'description')).toBe(
      [
        'Format : discussion · Public : tout public',
        'Sur place, organisé par Médiathèque du Rize (Villeurbanne).',
        'Gratuit, ouvert à toutes et à tous.',
        'Détails et inscription : https://cafeia.example.fr/agenda/3f1c2b9e-8a4d-4e1f-9b2a-1c3d5e7f9a0b',
      ].join('\n'),
    );
  });

  it('marks a cancelled café CANCELLED and counts its reschedules in SEQUENCE, the others CONFIRMED', () => {
    expect(events.map((e) => prop(e, 'status'))).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED', 'CONFIRMED']);
    expect(events.map((e) => prop(e, 'sequence'))).toEqual([0, 0, 2, 0]);
    expect(prop(events[2], 'summary')).toBe(`Annulé : ${cancelled.title}`);
  });

  it('keeps a long French title whole once unfolded', () => {
    expect(prop(events[1], 'summary')).toBe(long.title);
  });

  it('ends every line with CRLF and folds lines at 75 octets without splitting a character', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      // the line decodes to itself: no UTF-8 character was cut at a fold
      expect(bytes.toString('utf8')).toBe(line);
      expect(line).not.toContain('\uFFFD');
    }
    const summary = lines.findIndex((line) => line.startsWith('SUMMARY:Café IA à la médiathèque'));
    expect(lines[summary + 1].startsWith(' ')).toBe(true);
    // folding happens where the octets run out, not where the characters do (ics counts characters)
    expect(Buffer.byteLength(lines[summary], 'utf8')).toBeGreaterThan(70);
    expect([...lines[summary]].length).toBeLessThan(75);
  });

  it('escapes commas and semicolons in text as RFC 5545 asks, and a parser reads them back', () => {
    const tricky = aCafe({ title: 'IA, emploi; et nous' });
    const parsed = parse(cafesCalendar([tricky], options));
    expect(cafesCalendar([tricky], options)).toContain('SUMMARY:IA\\, emploi\\; et nous');
    expect(parsed.prop(parsed.events[0], 'summary')).toBe('IA, emploi; et nous');
  });

  it('is an empty calendar, still valid, with no café', () => {
    const empty = parse(cafesCalendar([], options));
    expect(empty.events).toHaveLength(0);
    expect(empty.calendar.getFirstPropertyValue('x-wr-calname')).toBe('Cafés IA — Rhône');
  });

  it('refuses a generation time that is not an instant', () => {
    expect(() => cafesCalendar([aCafe()], { ...options, generatedAt: 'hier' })).toThrow(/generatedAt/);
  });
});
