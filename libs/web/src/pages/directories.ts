import type { AnimatorItem, CafeItem, Page, StructureItem } from '@cafeia/projections';
import { link, pagination, table } from '../components';
import { formatInstant, formatInteger } from '../format';
import { html, Html } from '../html';
import { CAFE_STATUS_LABELS, label, STRUCTURE_KIND_LABELS, TRAINING_LABELS } from '../labels';

export interface DirectoryView<T> {
  page: Page<T>;
  /** the filters as given (they are kept in the form and the page links) */
  query: Record<string, string | undefined>;
  /** an error on a filter, shown beside it */
  errors?: Record<string, string>;
}

const field = (name: string, text: string, value: string | undefined, errors: Record<string, string> | undefined, hint?: string, type = 'text') => {
  const error = errors?.[name];
  return html`<div class="fr-input-group${error ? ' fr-input-group--error' : ''}">
  <label class="fr-label" for="filtre-${name}">${text}${hint ? html`<span class="fr-hint-text">${hint}</span>` : ''}</label>
  <input class="fr-input${error ? ' fr-input--error' : ''}" type="${type}" id="filtre-${name}" name="${name}" value="${value ?? ''}"${error ? html` aria-describedby="filtre-${name}-erreur"` : ''}>
  ${error ? html`<p id="filtre-${name}-erreur" class="fr-error-text">${error}</p>` : ''}
</div>`;
};

const select = (name: string, text: string, value: string | undefined, options: [string, string][]) => html`<div class="fr-select-group">
  <label class="fr-label" for="filtre-${name}">${text}</label>
  <select class="fr-select" id="filtre-${name}" name="${name}"><option value="">Tous</option>${options.map(([v, l]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${l}</option>`)}</select>
</div>`;

const filters = (action: string, body: Html) => html`<form method="get" action="${action}" class="fr-mb-4w" role="search" aria-label="Filtres">
<div class="fr-grid-row fr-grid-row--gutters">${body}</div>
<button class="fr-btn fr-btn--secondary" type="submit">Filtrer</button>
</form>`;

const col = (body: Html) => html`<div class="fr-col-12 fr-col-md-4">${body}</div>`;

const TERRITORY_HINT = 'ex. region:53, department:35, epci:200046977, commune:35238';

export function cafesDirectory(view: DirectoryView<CafeItem>): Html {
  const { page: p, query: q } = view;
  return html`<h1>Cafés</h1>
${filters('/cafes', html`${col(field('territory', 'Territoire', q.territory, view.errors, TERRITORY_HINT))}
${col(field('from', 'À partir du', q.from, view.errors, 'date AAAA-MM-JJ', 'date'))}
${col(field('to', 'Jusqu’au', q.to, view.errors, 'date AAAA-MM-JJ', 'date'))}
${col(select('status', 'État', q.status, [['scheduled', 'programmé'], ['held', 'tenu'], ['cancelled', 'annulé'], ['unreported', 'sans feuille de présence']]))}
${col(field('format', 'Format', q.format, view.errors, 'tel qu’il a été saisi'))}`)}
${table(
  `Cafés (${formatInteger(p.total)})`,
  [
    { header: 'Date', cell: (c) => formatInstant(c.startsAt) },
    { header: 'Café', cell: (c) => link(`/cafes/${c.id}`, c.title) },
    { header: 'Format', cell: (c) => c.format },
    { header: 'Commune', cell: (c) => c.communeCode },
    { header: 'État', cell: (c) => (c.awaitingAttendance ? 'présences à saisir' : label(CAFE_STATUS_LABELS, c.status)) },
    { header: 'Inscrits', cell: (c) => formatInteger(c.enrolled), numeric: true },
    { header: 'Présences', cell: (c) => html`<span data-figure="attendances" data-value="${c.attendances}">${formatInteger(c.attendances)}</span>`, numeric: true },
  ],
  p.items,
  { empty: 'Aucun café ne correspond à ces filtres.', rowAttributes: (c) => html` data-cafe="${c.id}"` },
)}
${pagination('/cafes', q, p.page, p.pageSize, p.total)}`;
}

export function structuresDirectory(view: DirectoryView<StructureItem>): Html {
  const { page: p, query: q } = view;
  return html`<h1>Structures</h1>
${filters('/structures', html`${col(field('territory', 'Territoire', q.territory, view.errors, TERRITORY_HINT))}
${col(select('sort', 'Ordre', q.sort, [['engagement', 'par engagement (personnes touchées, puis cafés)'], ['name', 'par nom']]))}`)}
${table(
  `Structures (${formatInteger(p.total)})`,
  [
    { header: 'Structure', cell: (s) => s.name },
    { header: 'Type', cell: (s) => label(STRUCTURE_KIND_LABELS, s.kind) },
    { header: 'Commune', cell: (s) => s.communeCode },
    { header: 'Personnes touchées', cell: (s) => html`<span data-figure="peopleReached" data-value="${s.peopleReached}">${formatInteger(s.peopleReached)}</span>`, numeric: true },
    { header: 'Cafés tenus', cell: (s) => html`<span data-figure="cafesHeld" data-value="${s.cafesHeld}">${formatInteger(s.cafesHeld)}</span>`, numeric: true },
    { header: 'Dernier café', cell: (s) => (s.lastCafeAt ? formatInstant(s.lastCafeAt) : '—') },
  ],
  p.items,
  { empty: 'Aucune structure ne correspond à ces filtres.', rowAttributes: (s) => html` data-structure="${s.id}"` },
)}
${pagination('/structures', q, p.page, p.pageSize, p.total)}`;
}

export function animatorsDirectory(view: DirectoryView<AnimatorItem>): Html {
  const { page: p, query: q } = view;
  return html`<h1>Animateurs et médiateurs</h1>
${filters('/animateurs', html`${col(field('territory', 'Territoire', q.territory, view.errors, TERRITORY_HINT))}
${col(select('training', 'Formation', q.training, Object.entries(TRAINING_LABELS)))}`)}
${table(
  `Animateurs (${formatInteger(p.total)})`,
  [
    { header: 'Nom affiché', cell: (a) => a.displayName },
    { header: 'Commune', cell: (a) => a.communeCode },
    { header: 'Formation', cell: (a) => label(TRAINING_LABELS, a.trainingStatus) },
    { header: 'Se sent capable', cell: (a) => (a.training.capable === null ? '—' : a.training.capable ? 'oui' : 'non') },
  ],
  p.items,
  { empty: 'Aucun animateur ne correspond à ces filtres.' },
)}
${pagination('/animateurs', q, p.page, p.pageSize, p.total)}`;
}
