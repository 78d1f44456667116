import { formatDecimal, formatInteger, formatPercent } from './format';
import { html, Html, safeHref, type Renderable } from './html';

/**
 * A figure as the page shows it, with what the API calls it and its raw value, so that a test (or a reader's
 * tool) can compare it with the API: `data-figure="figures.peopleReached" data-value="1234"`.
 */
export function figure(name: string, value: number | boolean | null, text?: string): Html {
  const shown = text ?? (value === null ? '—' : typeof value === 'boolean' ? (value ? 'oui' : 'non') : formatInteger(value));
  return html`<span data-figure="${name}" data-value="${value === null ? 'null' : String(value)}">${shown}</span>`;
}

export const ratioFigure = (name: string, ratio: number | null): Html => figure(name, ratio, formatPercent(ratio));
export const decimalFigure = (name: string, value: number | null): Html => figure(name, value, value === null ? '—' : formatDecimal(value));

/** a tile: a big number and what it counts */
export function stat(label: string, value: Html, hint?: Renderable): Html {
  return html`<div class="fr-col-12 fr-col-sm-6 fr-col-lg-3"><div class="cafeia-stat"><p class="cafeia-stat__value">${value}</p><p class="cafeia-stat__label">${label}</p>${hint ? html`<p class="cafeia-stat__hint fr-text--xs">${hint}</p>` : ''}</div></div>`;
}

export const stats = (tiles: Html[]): Html => html`<div class="fr-grid-row fr-grid-row--gutters fr-mb-4w">${tiles}</div>`;

/** progress toward a target, as a bar with its text equivalent */
export function progressBar(ratio: number, label: string): Html {
  const percent = Math.max(0, Math.min(100, ratio * 100));
  return html`<div class="cafeia-progress"><progress max="100" value="${percent.toFixed(2)}" aria-label="${label}">${formatPercent(ratio)}</progress><span class="cafeia-progress__text">${ratioFigure('progress', ratio)} de l’objectif</span></div>`;
}

export interface Column<T> {
  header: string;
  cell: (row: T) => Renderable;
  /** numbers are right-aligned */
  numeric?: boolean;
}

/** a table with a caption (its accessible name), one header row */
export function table<T>(caption: string, columns: Column<T>[], rows: readonly T[], options: { empty?: string; rowAttributes?: (row: T) => Html; hiddenCaption?: boolean } = {}): Html {
  if (rows.length === 0) return html`<p class="fr-text--sm">${options.empty ?? 'Aucune donnée pour le moment.'}</p>`;
  // a caption the section's heading already says is kept for screen readers only
  return html`<div class="fr-table fr-table--no-scroll${options.hiddenCaption ? ' fr-table--no-caption' : ''}"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content"><table>
<caption>${caption}</caption>
<thead><tr>${columns.map((c) => html`<th scope="col"${c.numeric ? html` class="cafeia-num"` : ''}>${c.header}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr${options.rowAttributes ? options.rowAttributes(row) : ''}>${columns.map((c) => html`<td${c.numeric ? html` class="cafeia-num"` : ''}>${c.cell(row)}</td>`)}</tr>`)}</tbody>
</table></div></div></div></div>`;
}

export const link = (href: string, text: Renderable): Html => html`<a class="fr-link" href="${safeHref(href)}">${text}</a>`;

export const badge = (text: string, kind: 'success' | 'error' | 'info' | 'warning' | 'new'): Html => html`<p class="fr-badge fr-badge--${kind} fr-badge--no-icon">${text}</p>`;

export const alert = (kind: 'success' | 'error' | 'info' | 'warning', title: string, text?: Renderable): Html =>
  html`<div class="fr-alert fr-alert--${kind} fr-mb-3w" role="${kind === 'error' ? 'alert' : 'status'}"><h2 class="fr-alert__title">${title}</h2>${text ? html`<p>${text}</p>` : ''}</div>`;

export const section = (title: string, body: Renderable, id?: string): Html =>
  html`<section class="fr-mb-6w"${id ? html` id="${id}"` : ''} aria-labelledby="${(id ?? title).replace(/[^a-z0-9]+/gi, '-')}-titre"><h2 id="${(id ?? title).replace(/[^a-z0-9]+/gi, '-')}-titre">${title}</h2>${body}</section>`;

/** page links of a list endpoint's answer (`page`, `pageSize`, `total`), keeping the other query parameters */
export function pagination(base: string, query: Record<string, string | undefined>, page: number, pageSize: number, total: number): Html {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return html``;
  const href = (p: number) => {
    const params = new URLSearchParams(Object.entries({ ...query, page: String(p) }).filter(([, v]) => v !== undefined && v !== '') as [string, string][]);
    return `${base}?${params.toString()}`;
  };
  const item = (p: number, label: string, rel?: string) =>
    p === page
      ? html`<li><a class="fr-pagination__link" aria-current="page" title="Page ${p}">${label}</a></li>`
      : html`<li><a class="fr-pagination__link${rel ? html` fr-pagination__link--${rel}` : ''}" href="${href(p)}" title="Page ${p}">${label}</a></li>`;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return html`<nav role="navigation" class="fr-pagination" aria-label="Pagination"><ul class="fr-pagination__list">
${page > 1 ? item(page - 1, 'Page précédente', 'prev') : ''}
${shown.map((p) => item(p, String(p)))}
${page < pages ? item(page + 1, 'Page suivante', 'next') : ''}
</ul><p class="fr-text--sm">${formatInteger(total)} résultat${total > 1 ? 's' : ''}, page ${page} sur ${pages}</p></nav>`;
}
