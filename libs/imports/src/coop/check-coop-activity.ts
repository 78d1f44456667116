import { createHash } from 'node:crypto';
import { importedId } from '../ids/imported-id';
import { normalizeLabel } from '../kinds/normalize-label';
import type { RawRow } from '../reading/open-table';
import type { CheckContext } from '../rows/check-context';
import { RowReader } from '../rows/row-reader';
import type { CoopActivityRow, RowCheck } from '../rows/row-types';
import { parseText, parseWholeNumber } from '../values/cells';
import { parseCalendarDay, parseInstant } from '../values/instants';
import { fromParisWallClock, toParisIso } from '@cafeia/paris-time';
import { refused, type Parsed } from '../values/parsed';
import { communeFromPlace } from './commune-from-place';

/** La Coop's label of a collective workshop (`typeActiviteLabels.Collectif`) */
export const COOP_COLLECTIVE = 'Atelier collectif';
/** La Coop's label of the AI theme (`thematiqueLabels.IntelligenceArtificielle`); older exports said it without "(IA)" */
export const COOP_AI_THEME = 'Intelligence artificielle (IA)';
/** La Coop's label of remote activities (`typeLieuLabels.ADistance`) */
export const COOP_REMOTE = 'À distance';
/** The export gives a day, not an hour: the café is put at noon, Paris time, which keeps its day in every time zone view */
export const COOP_DEFAULT_HOUR = 12;

const isAiTheme = (theme: string) => {
  const label = normalizeLabel(theme);
  return label.startsWith('intelligence artificielle') || label === 'ia';
};

// a commune the postal base knows but the official reference no longer does falls back to the structure's
const knownOrNull = (code: string | null, context: CheckContext): string | null =>
  code !== null && context.isKnownCommune && !context.isKnownCommune(code) ? null : code;

/** a day (noon in Paris) or a day and a time */
function coopStart(text: string): Parsed<string> {
  const day = parseCalendarDay(text);
  if (day.ok) {
    const noon = fromParisWallClock({ ...day.value, hour: COOP_DEFAULT_HOUR, minute: 0, second: 0 });
    return noon.ok ? { ok: true, value: toParisIso(noon.millis) } : refused(`« ${text} » n’est pas une date.`);
  }
  const instant = parseInstant(text);
  return instant.ok ? instant : refused(`« ${text.trim()} » n’est pas une date (ex. 28/05/2025).`);
}

/** the ref of an activity: La Coop exports no id, so its identifying content, numbered among identical ones */
export function coopBaseRef(cells: Readonly<Record<string, string>>): string {
  const key = ['date', 'type', 'place', 'workshop_name', 'duration', 'themes'].map((f) => normalizeLabel(cells[f] ?? '')).join('\n');
  return `coop:${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

/**
 * One row of La Coop's activity export: a collective workshop whose themes include AI becomes a
 * café of the chosen structure with its participants as the anonymous headcount; any other
 * activity is skipped (not an error: the export holds all of a mediator's work).
 * `occurrences` counts identical activities within the file, so two identical workshops on one day stay two.
 */
export function checkCoopActivityRow(raw: RawRow, context: CheckContext, occurrences: Map<string, number>): RowCheck<CoopActivityRow> {
  const cells = raw.cells;
  if (normalizeLabel(cells.type ?? '') !== normalizeLabel(COOP_COLLECTIVE)) return { ok: 'skipped', reason: `${cells.type || 'activité sans type'} : seuls les ateliers collectifs sont importés.` };
  if (!(cells.themes ?? '').split(/\r?\n|;/).some(isAiTheme)) return { ok: 'skipped', reason: 'Atelier collectif sans la thématique « Intelligence artificielle (IA) ».' };

  const r = new RowReader(raw, context);
  const startsAt = r.required('date', coopStart, 'La date de l’atelier est obligatoire.');
  const participants = r.required('participants', (t) => parseWholeNumber(t, 0, 100_000), 'Le nombre de participants est obligatoire.');
  const duration = r.optional('duration', (t) => parseWholeNumber(t, 1, 24 * 60));
  const name = r.optional('workshop_name', (t) => parseText(t, 200));
  if (!context.coopStructureId) r.fail('place', 'Choisissez la structure à laquelle rattacher les ateliers de La Coop.');
  if (r.errors.length > 0 || startsAt === undefined || participants === undefined || duration === undefined || name === undefined || !context.coopStructureId) {
    return { ok: false, errors: r.errors };
  }
  const base = coopBaseRef(cells);
  const occurrence = (occurrences.get(base) ?? 0) + 1;
  occurrences.set(base, occurrence);
  const ref = occurrence === 1 ? base : `${base}#${occurrence}`;
  const start = Date.parse(startsAt);
  const [y, m, d] = startsAt.slice(0, 10).split('-');
  return {
    ok: true,
    row: {
      kind: 'coop_activities',
      line: raw.line,
      ref,
      id: importedId('cafes', ref, context.importerKey),
      structureId: context.coopStructureId,
      title: name || `Atelier IA du ${d}/${m}/${y}`,
      format: 'workshop',
      startsAt,
      endsAt: duration === null ? null : toParisIso(start + duration * 60_000),
      communeCode: knownOrNull(cells.place ? communeFromPlace(cells.place) : null, context),
      online: normalizeLabel(cells.channel ?? '') === normalizeLabel(COOP_REMOTE),
      participants,
    },
  };
}
