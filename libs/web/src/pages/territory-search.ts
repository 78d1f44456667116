import { link } from '../components';
import { html, Html } from '../html';
import { LEVEL_LABELS } from '../labels';

export interface TerritorySearchView {
  query: string;
  results: readonly { level: string; code: string; name: string; context: string }[];
  /** regions, for a start without typing */
  regions: readonly { code: string; name: string }[];
}

/** Find a territory by name, INSEE code, department number or postcode, and open its dashboard. */
export function territorySearchPage(view: TerritorySearchView): Html {
  return html`<h1>Territoires</h1>
<form method="get" action="/territoires" role="search" class="fr-mb-4w">
  <div class="fr-search-bar fr-search-bar--lg" id="recherche-territoire">
    <label class="fr-label" for="q">Rechercher un territoire</label>
    <input class="fr-input" placeholder="Nom, code postal, code INSEE ou numéro de département" type="search" id="q" name="q" value="${view.query}">
    <button class="fr-btn" type="submit" title="Rechercher">Rechercher</button>
  </div>
  <p class="fr-hint-text">Par exemple : « Saint-Étienne », « 29200 », « Rhône », « 69 ».</p>
</form>
${view.query
  ? view.results.length === 0
    ? html`<p>Aucun territoire ne correspond à « ${view.query} » dans votre périmètre.</p>`
    : html`<h2>Résultats</h2><ul class="cafeia-results">${view.results.map(
        (r) => html`<li>${link(`/territoires/${r.level}/${r.code}`, r.name)} — ${LEVEL_LABELS[r.level] ?? r.level}, ${r.context}</li>`,
      )}</ul>`
  : ''}
${view.regions.length > 0 ? html`<h2>Les régions</h2><ul class="cafeia-results">${view.regions.map((r) => html`<li>${link(`/territoires/region/${r.code}`, r.name)}</li>`)}</ul>` : ''}`;
}
