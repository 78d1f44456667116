import { formatContact, formatDate, formatInstant, formatInteger, formatMonth, formatPercent } from './format';

describe('French formatting', () => {
  it('groups thousands with a narrow no-break space', () => {
    expect(formatInteger(1_234_567)).toBe('1\u202f234\u202f567');
  });
  it('writes percentages and dates the French way', () => {
    expect(formatPercent(0.425)).toBe('42,5\u00a0%');
    expect(formatPercent(null)).toBe('—');
    expect(formatDate('2025-05-28')).toBe('28 mai 2025');
    expect(formatMonth('2025-06')).toBe('juin 2025');
  });
  it('gives an instant in Paris time, summer and winter', () => {
    expect(formatInstant('2025-05-28T16:30:00Z')).toBe('28 mai 2025 à 18 h 30');
    expect(formatInstant('2025-12-05T17:30:00Z')).toBe('5 décembre 2025 à 18 h 30');
  });
  it('writes a French phone the way it is said, another country’s with its prefix, an email as it is', () => {
    expect(formatContact('+33612345678')).toBe('06 12 34 56 78');
    expect(formatContact('+32470123456')).toBe('+32 470 12 34 56');
    expect(formatContact('camille@example.org')).toBe('camille@example.org');
  });
});
