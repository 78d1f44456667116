import { parseCalendarDay, parseInstant } from './instants';

const value = (text: string) => {
  const result = parseInstant(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};
const message = (text: string) => {
  const result = parseInstant(text);
  if (result.ok) throw new Error(`accepted ${text}`);
  return result.message;
};

describe('instants in a cell', () => {
  it('reads DD/MM/YYYY HH:MM as Paris time, summer and winter', () => {
    expect(value('28/05/2025 18:30')).toBe('2025-05-28T18:30:00+02:00');
    expect(value('05/12/2025 18:30')).toBe('2025-12-05T18:30:00+01:00');
  });

  it('reads the French ways of writing the hour', () => {
    expect(value('5/6/2025 9:05')).toBe('2025-06-05T09:05:00+02:00');
    expect(value('28/05/2025 à 18h30')).toBe('2025-05-28T18:30:00+02:00');
    expect(value('28/05/2025 18h')).toBe('2025-05-28T18:00:00+02:00');
    expect(value('28.05.2025 18:30:15')).toBe('2025-05-28T18:30:15+02:00');
  });

  it('keeps an ISO instant with an offset as that instant, written with Paris’s offset', () => {
    expect(value('2025-05-28T18:30:00+02:00')).toBe('2025-05-28T18:30:00+02:00');
    expect(value('2025-05-28T16:30:00Z')).toBe('2025-05-28T18:30:00+02:00');
    expect(value('2025-12-05T12:00:00.5-05:00')).toBe('2025-12-05T18:00:00.500+01:00');
  });

  it('reads an ISO date and time without offset as Paris time', () => {
    expect(value('2025-05-28 18:30')).toBe('2025-05-28T18:30:00+02:00');
  });

  it('refuses the hour skipped by summer time, naming why', () => {
    expect(message('30/03/2025 02:30')).toContain('passage à l’heure d’été');
  });

  it('reads the hour repeated in October as the first one', () => {
    expect(value('26/10/2025 02:30')).toBe('2025-10-26T02:30:00+02:00');
  });

  it('refuses a date without hour, an impossible date, a two-digit year and words', () => {
    expect(message('28/05/2025')).toContain('il manque l’heure');
    expect(message('31/02/2025 10:00')).toContain('n’est pas une date du calendrier');
    expect(message('28/05/25 10:00')).toContain('4 chiffres');
    expect(message('2025-05-28T25:00:00+02:00')).toContain('l’heure n’existe pas');
    expect(message('demain soir')).toContain('n’est pas une date et heure');
    expect(message('30/12/1899 18:30')).toContain('entre 2000 et 2100');
  });
});

describe('calendar days in a cell', () => {
  it('reads DD/MM/YYYY and YYYY-MM-DD', () => {
    expect(parseCalendarDay('28/05/2025')).toEqual({ ok: true, value: { year: 2025, month: 5, day: 28 } });
    expect(parseCalendarDay('2025-05-28')).toEqual({ ok: true, value: { year: 2025, month: 5, day: 28 } });
    expect(parseCalendarDay('29/02/2025').ok).toBe(false);
  });
});
