import type { CafeItem, Page } from '@cafeia/projections';
import { alert, link, pagination, section, table, type Column } from '../components';
import { selectField } from '../form-fields';
import { formatInstant, formatInteger } from '../format';
import { html, Html } from '../html';

export interface MyCafesView {
  /** not cancelled, not started */
  upcoming: readonly CafeItem[];
  /** started, no attendance yet (`awaitingAttendance`) */
  toReport: readonly CafeItem[];
  held: Page<CafeItem>;
  /** the structures the caller may filter by, with their names */
  structures: readonly { id: string; name: string }[];
  /** the structure filter, when one is chosen */
  structureId?: string;
  filterError?: string;
  communeNames: Readonly<Record<string, string>>;
  /** the caller may schedule cafés (organizer, council) */
  canSchedule: boolean;
  /** the caller may import a file (every role of the workspace) */
  canImport?: boolean;
  notice?: string;
}

const cafeLink = (c: CafeItem) => link(`/mes-cafes/${c.id}`, c.title);
const count = (name: string, value: number) => html`<span data-figure="${name}" data-value="${value}">${formatInteger(value)}</span>`;

function columns(view: MyCafesView, extra: Column<CafeItem>[] = []): Column<CafeItem>[] {
  const names = new Map(view.structures.map((s) => [s.id, s.name]));
  return [
    { header: 'Date', cell: (c) => formatInstant(c.startsAt) },
    { header: 'Café', cell: cafeLink },
    ...(view.structures.length > 1 ? [{ header: 'Structure', cell: (c: CafeItem) => names.get(c.structureId) ?? '—' }] : []),
    { header: 'Format', cell: (c) => c.format },
    { header: 'Commune', cell: (c) => view.communeNames[c.communeCode] ?? c.communeCode },
    { header: 'Inscrits', cell: (c) => count('enrolled', c.enrolled), numeric: true },
    ...extra,
  ];
}

/** « Mes cafés »: the caller's cafés to come, those whose attendance is to be recorded, those held. */
export function myCafesPage(view: MyCafesView): Html {
  const rows = (c: CafeItem) => html` data-cafe="${c.id}"`;
  const schedule = `/mes-cafes/nouveau${view.structureId ? `?structure=${encodeURIComponent(view.structureId)}` : ''}`;
  return html`<h1>Mes cafés</h1>
${view.notice ? alert('success', view.notice) : ''}
${view.canSchedule || view.canImport
  ? html`<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">${view.canSchedule ? html`<li><a class="fr-btn fr-icon-add-line" href="${schedule}">Programmer un café</a></li>` : ''}${view.canImport ? html`<li><a class="fr-btn fr-btn--secondary fr-icon-upload-line" href="/mes-cafes/import">Importer un fichier</a></li>` : ''}</ul>`
  : ''}
${view.structures.length > 1 || view.filterError
  ? html`<form method="get" action="/mes-cafes" class="fr-mb-4w" role="search" aria-label="Filtrer par structure">
<div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom"><div class="fr-col-12 fr-col-md-6">${selectField({
      id: 'structureId',
      label: 'Structure',
      value: view.structureId,
      error: view.filterError,
      placeholder: 'Toutes mes structures',
      choices: view.structures.map((s) => ({ value: s.id, label: s.name })),
    })}</div><div class="fr-col-12 fr-col-md-3"><button class="fr-btn fr-btn--secondary fr-mb-3v" type="submit">Filtrer</button></div></div>
</form>`
  : ''}
${section(
  `À venir (${formatInteger(view.upcoming.length)})`,
  table('Cafés à venir', columns(view), view.upcoming, { empty: 'Aucun café programmé à venir.', rowAttributes: rows }),
  'a-venir',
)}
${section(
  `Présences à saisir (${formatInteger(view.toReport.length)})`,
  html`<p class="fr-text--sm">Cafés commencés dont aucune présence n’est encore enregistrée.</p>
${table('Cafés dont les présences sont à saisir', columns(view, [{ header: 'Feuille de présence', cell: (c) => link(`/mes-cafes/${c.id}#feuille-de-presence`, html`Saisir<span class="fr-sr-only"> les présences de ${c.title}</span>`) }]), view.toReport, {
  empty: 'Aucun café en attente de présences.',
  rowAttributes: rows,
})}`,
  'a-saisir',
)}
${section(
  `Tenus (${formatInteger(view.held.total)})`,
  html`${table('Cafés tenus', columns(view, [{ header: 'Présences', cell: (c) => count('attendances', c.attendances), numeric: true }]), view.held.items, { empty: 'Aucun café tenu pour le moment.', rowAttributes: rows })}
${pagination('/mes-cafes', { structureId: view.structureId }, view.held.page, view.held.pageSize, view.held.total)}`,
  'tenus',
)}`;
}
