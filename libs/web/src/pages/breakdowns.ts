import type { Breakdown, BreakdownItem } from '@cafeia/projections';
import { figure, section, table } from '../components';
import { barChart } from '../bar-chart';
import { formatInstant } from '../format';
import { html, Html } from '../html';
import { STRUCTURE_KIND_LABELS } from '../labels';

export const BREAKDOWN_LABELS: Record<string, string> = {
  format: 'Format',
  audience: 'Public',
  online: 'En ligne ou sur place',
  structureKind: 'Type de structure',
  month: 'Mois',
};

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** a group's key in French */
export function breakdownKeyLabel(by: string, key: string | null): string {
  if (key === null) return by === 'structureKind' ? 'Structure non enregistrée' : 'Non renseigné';
  if (by === 'online') return key === 'online' ? 'En ligne' : 'Sur place';
  if (by === 'structureKind') return STRUCTURE_KIND_LABELS[key] ?? key;
  if (by === 'month' && /^\d{4}-\d{2}$/.test(key)) return `${MONTHS[Number(key.slice(5)) - 1]} ${key.slice(0, 4)}`;
  return key;
}

export interface BreakdownsView {
  /** null when a filter is wrong */
  breakdown: Breakdown | null;
  query: Record<string, string | undefined>;
  errors: Record<string, string>;
  asOf: { at: string | null };
  /** a network's page has no territory filter (its members are its scope) */
  territoryFilter: boolean;
}

const input = (name: string, text: string, value: string | undefined, error: string | undefined, hint: string, type = 'text') => html`<div class="fr-col-12 fr-col-md-3"><div class="fr-input-group${error ? ' fr-input-group--error' : ''}">
  <label class="fr-label" for="filtre-${name}">${text}<span class="fr-hint-text">${hint}</span></label>
  <input class="fr-input${error ? ' fr-input--error' : ''}" type="${type}" id="filtre-${name}" name="${name}" value="${value ?? ''}"${error ? html` aria-describedby="filtre-${name}-erreur"` : ''}>
  ${error ? html`<p id="filtre-${name}-erreur" class="fr-error-text">${error}</p>` : ''}
</div></div>`;

const figureColumns = [
  { header: 'Personnes touchées', cell: (i: BreakdownItem) => figure('figures.peopleReached', i.figures.peopleReached), numeric: true },
  { header: 'Participants nommés distincts', cell: (i: BreakdownItem) => figure('figures.distinctParticipants', i.figures.distinctParticipants), numeric: true },
  { header: 'Sans contact', cell: (i: BreakdownItem) => figure('figures.anonymousAttendees', i.figures.anonymousAttendees), numeric: true },
  { header: 'Présences', cell: (i: BreakdownItem) => figure('figures.attendances', i.figures.attendances), numeric: true },
  { header: 'Cafés tenus', cell: (i: BreakdownItem) => figure('figures.cafesHeld', i.figures.cafesHeld), numeric: true },
  { header: 'Cafés annulés', cell: (i: BreakdownItem) => figure('figures.cafesCancelled', i.figures.cafesCancelled), numeric: true },
];

/** The figures of the cafés by format, public, online, structure kind or month: a bar chart and its table. */
export function breakdownsPage(view: BreakdownsView): Html {
  const q = view.query;
  const by = view.breakdown?.by ?? q.by ?? 'format';
  const b = view.breakdown;
  return html`<h1>Répartitions</h1>
<p class="fr-text--sm">Données à jour au ${view.asOf.at ? formatInstant(view.asOf.at) : 'début du programme'}. Une personne compte une fois par groupe et une fois dans le total.</p>
<form method="get" action="/repartitions" class="fr-mb-4w" role="search" aria-label="Répartition et filtres">
<div class="fr-grid-row fr-grid-row--gutters">
<div class="fr-col-12 fr-col-md-3"><div class="fr-select-group">
  <label class="fr-label" for="filtre-by">Répartir par</label>
  <select class="fr-select" id="filtre-by" name="by">${Object.entries(BREAKDOWN_LABELS).map(([v, l]) => html`<option value="${v}"${v === by ? html` selected` : ''}>${l}</option>`)}</select>
</div></div>
${view.territoryFilter ? input('territory', 'Territoire', q.territory, view.errors.territory, 'ex. region:53, epci:200046977') : ''}
${input('from', 'Cafés à partir du', q.from, view.errors.from, 'date AAAA-MM-JJ', 'date')}
${input('to', 'Jusqu’au', q.to, view.errors.to, 'date AAAA-MM-JJ', 'date')}
</div>
<button class="fr-btn fr-btn--secondary" type="submit">Afficher</button>
</form>
${b
  ? section(
      `Par ${BREAKDOWN_LABELS[b.by]?.toLowerCase() ?? b.by}`,
      html`${barChart(b.items.map((i) => ({ label: breakdownKeyLabel(b.by, i.key), value: i.figures.peopleReached })))}
${table(`Les chiffres par ${BREAKDOWN_LABELS[b.by]?.toLowerCase() ?? b.by}, et leur total`, [{ header: BREAKDOWN_LABELS[b.by] ?? b.by, cell: (i: BreakdownItem) => breakdownKeyLabel(b.by, i.key) }, ...figureColumns], b.items, {
  empty: 'Aucun café ne correspond à ces filtres.',
  rowAttributes: (i) => html` data-key="${i.key ?? ''}"`,
})}
${b.items.length > 0 ? html`<div data-total="">${table('Total', [{ header: 'Total', cell: () => 'Tous les groupes' }, ...figureColumns], [{ key: null, figures: b.total }])}</div>` : ''}`,
      'repartition',
    )
  : html`<p class="fr-error-text">Corrigez les filtres pour afficher la répartition.</p>`}`;
}
