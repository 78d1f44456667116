import type { NetworkItem, NetworkReport } from '@cafeia/projections';
import { figure, link, ratioFigure, section, stat, stats, table } from '../components';
import { barChart } from '../bar-chart';
import { formatInstant } from '../format';
import { html, Html } from '../html';
import { figureTiles } from './figure-tiles';

export const NETWORK_KIND_LABELS: Record<string, string> = {
  public_operator: 'Opérateur public',
  company: 'Entreprise',
  association: 'Association',
  local_authority: 'Collectivité',
  other: 'Autre',
};

const kindOf = (kind: string) => NETWORK_KIND_LABELS[kind] ?? kind;
const updated = (asOf: { at: string | null }) => html`<p class="fr-text--sm">Données à jour au ${asOf.at ? formatInstant(asOf.at) : 'début du programme'}.</p>`;

/** The council's ranking of the partner networks (têtes de réseau) by people reached. */
export function networksPage(view: { items: NetworkItem[]; asOf: { at: string | null } }): Html {
  return html`<h1>Réseaux partenaires</h1>
${updated(view.asOf)}
${section(
  'Classement des réseaux',
  html`${barChart(view.items.map((n) => ({ label: n.name, value: n.figures.peopleReached })))}
${table(
  'Les réseaux partenaires, par personnes touchées',
  [
    { header: 'Rang', cell: (n) => String(n.rank), numeric: true },
    { header: 'Réseau', cell: (n) => link(`/reseaux/${n.id}`, n.name) },
    { header: 'Type', cell: (n) => kindOf(n.kind) },
    { header: 'Structures membres', cell: (n) => figure('structureCount', n.structureCount), numeric: true },
    { header: 'Personnes touchées', cell: (n) => figure('figures.peopleReached', n.figures.peopleReached), numeric: true },
    { header: 'Cafés tenus', cell: (n) => figure('figures.cafesHeld', n.figures.cafesHeld), numeric: true },
    { header: 'Feuilles de présence remises', cell: (n) => ratioFigure('figures.reporting.completeness', n.figures.reporting.completeness), numeric: true },
  ],
  view.items,
  { empty: 'Aucun réseau partenaire n’est encore enregistré.', rowAttributes: (n) => html` data-network="${n.id}"` },
)}`,
  'classement',
)}`;
}

/** A network's dashboard: its figures (each person once), its member structures and its regions. */
export function networkPage(view: { report: NetworkReport; asOf: { at: string | null } }): Html {
  const { report: r } = view;
  const f = r.figures;
  return html`<h1>Réseau : ${r.name}</h1>
<p class="fr-text--sm">${kindOf(r.kind)}. Une personne venue dans plusieurs structures du réseau compte une fois.</p>
${updated(view.asOf)}
<section class="fr-mb-6w cafeia-hero" aria-labelledby="reseau-titre">
  <h2 id="reseau-titre" class="fr-h4">Personnes touchées par le réseau</h2>
  <p class="cafeia-hero__value">${figure('figures.peopleReached', f.peopleReached)} <span class="cafeia-hero__unit">personnes touchées</span></p>
</section>
${figureTiles(f, { peopleReached: false, shareOutsideParis: false })}
${stats([
  stat('cafés attendus avec une feuille de présence', figure('figures.reporting.cafesDue', f.reporting.cafesDue)),
  stat('feuilles de présence remises', ratioFigure('figures.reporting.completeness', f.reporting.completeness)),
  stat('remises dans les 7 jours', ratioFigure('figures.reporting.timeliness', f.reporting.timeliness)),
])}
${section(
  'Structures membres',
  html`${barChart([...r.structures].sort((a, b) => b.figures.peopleReached - a.figures.peopleReached).map((s) => ({ label: s.name || s.structureId, value: s.figures.peopleReached })))}
${table(
  'Les structures membres du réseau, par personnes touchées',
  [
    { header: 'Structure', cell: (s) => s.name || s.structureId },
    { header: 'Personnes touchées', cell: (s) => figure('figures.peopleReached', s.figures.peopleReached), numeric: true },
    { header: 'Cafés tenus', cell: (s) => figure('figures.cafesHeld', s.figures.cafesHeld), numeric: true },
    { header: 'Cafés à venir', cell: (s) => figure('figures.cafesScheduled', s.figures.cafesScheduled), numeric: true },
  ],
  [...r.structures].sort((a, b) => b.figures.peopleReached - a.figures.peopleReached || a.name.localeCompare(b.name, 'fr')),
  { empty: 'Le réseau n’a pas encore de structure membre.', rowAttributes: (s) => html` data-structure="${s.structureId}"` },
)}`,
  'structures',
)}
${section(
  'Par région',
  table(
    'Les régions où le réseau est actif',
    [
      { header: 'Région', cell: (g) => g.name },
      { header: 'Personnes touchées', cell: (g) => figure('figures.peopleReached', g.figures.peopleReached), numeric: true },
      { header: 'Cafés tenus', cell: (g) => figure('figures.cafesHeld', g.figures.cafesHeld), numeric: true },
    ],
    r.regions,
    { empty: 'Aucune activité pour le moment.', rowAttributes: (g) => html` data-territory="region:${g.code}"` },
  ),
  'regions',
)}`;
}
