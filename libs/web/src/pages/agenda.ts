import { jsonLdScript } from '@cafeia/publication';
import { alert, badge, pagination } from '../components';
import { formatInstant, formatInstantDay, formatInteger, plural } from '../format';
import { html, Html, safeHref, trusted } from '../html';
import { label, LEVEL_LABELS, STRUCTURE_KIND_LABELS } from '../labels';

/** A place as the public listings name it. */
export interface AgendaPlace {
  code: string;
  name: string;
}

/** A café as `/public/v1/cafes` answers it: no person, no count but the places left. */
export interface AgendaCafe {
  id: string;
  title: string;
  format: string;
  startsAt: string;
  endsAt: string | null;
  online: boolean;
  audience: string | null;
  commune: AgendaPlace;
  department: AgendaPlace;
  region: AgendaPlace;
  structure: { id: string; name: string; kind: string };
  placesLeft: number | null;
  status: 'scheduled' | 'held' | 'cancelled';
}

export interface AgendaTerritory {
  /** `commune:35238` */
  ref: string;
  level: string;
  name: string;
  context?: string;
}

export interface AgendaView {
  /** the form's fields as typed (kept in the form and in the page links) */
  query: { q?: string; territory?: string; format?: string; from?: string; to?: string };
  /** the territory shown, found from the search or given */
  territory: AgendaTerritory | null;
  /** the other territories the search found, to pick instead */
  alternatives: AgendaTerritory[];
  /** a wrong field, shown beside it */
  errors: Record<string, string>;
  formats: string[];
  page: { items: AgendaCafe[]; page: number; pageSize: number; total: number };
  /** the territory's calendar (France's without one) */
  calendar: { https: string; webcal: string };
}

/** a calendar subscription link: `webcal://` only (what calendar apps open), else nothing to follow */
const webcal = (href: string): string => (/^webcal:\/\/[^\s/]+\//.test(href) ? href : '#');

const territoryLabel = (t: AgendaTerritory): string => `${t.name}${t.level !== 'commune' ? ` (${(LEVEL_LABELS[t.level] ?? t.level).toLowerCase()})` : ''}`;

const places = (cafe: AgendaCafe): string => (cafe.placesLeft === null ? 'Entrée libre' : cafe.placesLeft === 0 ? 'Complet' : plural(cafe.placesLeft, 'place restante', 'places restantes'));

function field(name: string, text: string, value: string | undefined, error: string | undefined, options: { hint?: string; type?: string; autocomplete?: string } = {}): Html {
  return html`<div class="fr-input-group${error ? ' fr-input-group--error' : ''}">
  <label class="fr-label" for="agenda-${name}">${text}${options.hint ? html`<span class="fr-hint-text">${options.hint}</span>` : ''}</label>
  <input class="fr-input${error ? ' fr-input--error' : ''}" type="${options.type ?? 'text'}" id="agenda-${name}" name="${name}" value="${value ?? ''}"${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${error ? html` aria-describedby="agenda-${name}-erreur" aria-invalid="true"` : ''}>
  ${error ? html`<p id="agenda-${name}-erreur" class="fr-error-text">${error}</p>` : ''}
</div>`;
}

function search(view: AgendaView): Html {
  const q = view.query;
  return html`<form method="get" action="/agenda" class="fr-mb-4w" role="search" aria-label="Chercher des cafés">
<div class="fr-grid-row fr-grid-row--gutters">
  <div class="fr-col-12 fr-col-md-6">${field('q', 'Commune ou code postal', q.q ?? view.territory?.name, view.errors.q, { hint: 'ex. Rennes, 35000, Lyon 3e, Rhône', autocomplete: 'address-level2' })}</div>
  <div class="fr-col-12 fr-col-md-6"><div class="fr-select-group">
    <label class="fr-label" for="agenda-format">Format</label>
    <select class="fr-select" id="agenda-format" name="format"><option value="">Tous les formats</option>${view.formats.map((f) => html`<option value="${f}"${f === q.format ? html` selected` : ''}>${f}</option>`)}</select>
  </div></div>
  <div class="fr-col-12 fr-col-md-6">${field('from', 'À partir du', q.from, view.errors.from, { type: 'date', hint: 'Format attendu : JJ/MM/AAAA' })}</div>
  <div class="fr-col-12 fr-col-md-6">${field('to', 'Jusqu’au', q.to, view.errors.to, { type: 'date', hint: 'Format attendu : JJ/MM/AAAA' })}</div>
</div>
<button class="fr-btn" type="submit">Chercher</button>
</form>`;
}

function cafeCard(cafe: AgendaCafe): Html {
  return html`<li class="fr-col-12 fr-col-md-6" data-cafe="${cafe.id}"><div class="fr-card fr-enlarge-link">
  <div class="fr-card__body"><div class="fr-card__content">
    <h3 class="fr-card__title"><a href="/agenda/cafes/${cafe.id}">${cafe.title}</a></h3>
    <p class="fr-card__desc">${formatInstant(cafe.startsAt)} · ${cafe.online ? 'en ligne' : cafe.commune.name} · ${cafe.format}</p>
    <div class="fr-card__start"><ul class="fr-badges-group"><li>${badge(places(cafe), cafe.placesLeft === 0 ? 'warning' : 'info')}</li>${cafe.online ? html`<li>${badge('En ligne', 'new')}</li>` : ''}</ul></div>
    <div class="fr-card__end"><p class="fr-card__detail">${cafe.structure.name}, ${cafe.department.name}</p></div>
  </div></div>
</div></li>`;
}

function subscribe(view: AgendaView): Html {
  const where = view.territory ? territoryLabel(view.territory) : 'toute la France';
  return html`<div class="fr-callout fr-mb-4w"><h2 class="fr-callout__title fr-h5">Les cafés de ${where} dans votre agenda</h2>
<p class="fr-callout__text">Votre application d’agenda ajoute les nouveaux cafés et suit les changements de date ou les annulations.</p>
<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
  <li><a class="fr-btn fr-icon-calendar-line fr-btn--icon-left" href="${webcal(view.calendar.webcal)}" data-calendar="${view.calendar.https}">S’abonner à ce calendrier</a></li>
  <li><a class="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href="${safeHref(view.calendar.https)}" download>Télécharger le fichier .ics</a></li>
</ul></div>`;
}

/** `/agenda`: a commune (or any territory) by name or postcode, its cafés to come, filters, paging, a calendar to subscribe to. */
export function agendaPage(view: AgendaView): Html {
  const { page: p } = view;
  const where = view.territory ? territoryLabel(view.territory) : null;
  const linkQuery = { territory: view.territory?.ref, format: view.query.format, from: view.query.from, to: view.query.to };
  return html`<h1>Agenda des Cafés IA</h1>
<p class="fr-text--lead">Des rencontres gratuites, près de chez vous, pour découvrir, essayer et débattre de l’intelligence artificielle.</p>
${search(view)}
${view.alternatives.length > 0
  ? html`<nav class="fr-mb-3w" aria-label="Autres territoires correspondant à la recherche"><p class="fr-text--sm fr-mb-1w">Vous cherchiez peut-être :</p><ul class="fr-tags-group">${view.alternatives.map(
      (t) => html`<li><a class="fr-tag" href="/agenda?${new URLSearchParams({ territory: t.ref, ...(view.query.format ? { format: view.query.format } : {}) }).toString()}">${territoryLabel(t)}${t.context ? html`<span class="fr-sr-only"> — ${t.context}</span>` : ''}</a></li>`,
    )}</ul></nav>`
  : ''}
<section aria-labelledby="agenda-resultats">
<h2 id="agenda-resultats">${where ? html`Cafés à venir : ${where}` : 'Cafés à venir en France'} <span class="fr-text--md" data-figure="total" data-value="${p.total}">(${formatInteger(p.total)})</span></h2>
${p.items.length === 0
  ? alert('info', 'Aucun café à venir ne correspond à cette recherche.', 'Essayez une commune voisine, le département, ou d’autres dates.')
  : html`<ul class="fr-grid-row fr-grid-row--gutters cafeia-cards" aria-label="Cafés">${p.items.map(cafeCard)}</ul>`}
${pagination('/agenda', linkQuery, p.page, p.pageSize, p.total)}
</section>
${subscribe(view)}`;
}

export interface AgendaCafeView {
  cafe: AgendaCafe;
  /** the structure's street address and postcode, when the café is held there */
  address: { streetAddress?: string | null; postalCode?: string | null } | null;
  rescheduled: boolean;
  previousStartsAt: string | null;
  /** the schema.org Event, embedded in the page for search engines */
  jsonLd: unknown;
  /** the calendar of the café's commune */
  calendar: { https: string; webcal: string };
}

/** the `<head>` part of a café page: its JSON-LD */
export const agendaCafeHead = (view: AgendaCafeView): Html => trusted(jsonLdScript(view.jsonLd));

/** `/agenda/cafes/{id}`: one café, in words, with its JSON-LD in the head */
export function agendaCafePage(view: AgendaCafeView): Html {
  const { cafe } = view;
  const cancelled = cafe.status === 'cancelled';
  const past = cafe.status === 'held';
  const row = (term: string, value: Html | string) => html`<div class="fr-col-12 fr-col-md-6"><dt class="fr-text--bold">${term}</dt><dd class="fr-mb-2w">${value}</dd></div>`;
  return html`<h1>${cafe.title}</h1>
${cancelled ? alert('error', 'Ce café est annulé.', 'Consultez l’agenda pour trouver un autre café près de chez vous.') : ''}
${view.rescheduled && !cancelled ? alert('warning', 'La date de ce café a changé.', view.previousStartsAt ? `Il était prévu le ${formatInstant(view.previousStartsAt)}.` : undefined) : ''}
${past ? alert('info', 'Ce café a eu lieu.') : ''}
<dl class="fr-grid-row fr-grid-row--gutters">
  ${row('Date', html`<time datetime="${cafe.startsAt}">${formatInstant(cafe.startsAt)}</time>${cafe.endsAt ? html`, jusqu’à <time datetime="${cafe.endsAt}">${formatInstantDay(cafe.endsAt) === formatInstantDay(cafe.startsAt) ? formatInstant(cafe.endsAt).split(' à ')[1] : formatInstant(cafe.endsAt)}</time>` : ''}`)}
  ${row('Lieu', cafe.online ? 'En ligne' : html`${view.address?.streetAddress ? html`${view.address.streetAddress}, ` : ''}${view.address?.postalCode ? html`${view.address.postalCode} ` : ''}${cafe.commune.name} (${cafe.department.name}, ${cafe.region.name})`)}
  ${row('Format', cafe.format)}
  ${row('Public', cafe.audience ?? 'Tout public')}
  ${row('Organisé par', html`${cafe.structure.name} <span class="fr-text--sm">(${label(STRUCTURE_KIND_LABELS, cafe.structure.kind)})</span>`)}
  ${row('Places', cancelled ? '—' : places(cafe))}
  ${row('Prix', 'Gratuit')}
</dl>
<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mt-3w">
  <li><a class="fr-btn fr-icon-calendar-line fr-btn--icon-left" href="${webcal(view.calendar.webcal)}" data-calendar="${view.calendar.https}">S’abonner aux cafés de ${cafe.commune.name}</a></li>
  <li><a class="fr-btn fr-btn--secondary fr-icon-map-pin-2-line" href="/agenda?territory=commune:${cafe.commune.code}">Les autres cafés à ${cafe.commune.name}</a></li>
</ul>`;
}
