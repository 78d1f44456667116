import { barChart } from '../bar-chart';
import { breakdownKeyLabel, breakdownsPage } from './breakdowns';

describe('the breakdowns page', () => {
  it('names each group in French, a missing key included', () => {
    expect(breakdownKeyLabel('online', 'online')).toBe('En ligne');
    expect(breakdownKeyLabel('online', 'in_person')).toBe('Sur place');
    expect(breakdownKeyLabel('structureKind', 'media_library')).toBe('Médiathèque');
    expect(breakdownKeyLabel('structureKind', null)).toBe('Structure non enregistrée');
    expect(breakdownKeyLabel('audience', null)).toBe('Non renseigné');
    expect(breakdownKeyLabel('month', '2026-02')).toBe('février 2026');
    expect(breakdownKeyLabel('format', 'atelier')).toBe('atelier');
  });

  it('draws one bar per group, the longest for the largest, and a table with the raw figures', () => {
    const figures = (people: number) => ({ attendances: people, distinctParticipants: people, anonymousAttendees: 0, peopleReached: people, cafesHeld: 1, cafesCancelled: 0 });
    const page = breakdownsPage({
      breakdown: { by: 'format', items: [{ key: 'atelier', figures: figures(30) }, { key: 'débat', figures: figures(10) }], total: figures(40) },
      query: { by: 'format' },
      errors: {},
      asOf: { at: null },
      territoryFilter: true,
    }).value;
    const widths = [...page.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBeGreaterThan(widths[1] * 2);
    expect(page).toContain('data-key="débat"');
    expect(page).toContain('data-figure="figures.peopleReached" data-value="40"');
    expect(page).toContain('<option value="format" selected>');
  });

  it('draws nothing for no group, and escapes the labels', () => {
    expect(barChart([]).value).toBe('');
    expect(barChart([{ label: '<script>', value: 1 }]).value).not.toContain('<script>');
  });
});
