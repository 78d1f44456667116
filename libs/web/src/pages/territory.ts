import type { AnimatorItem, CafeItem, TerritoryReport } from '@cafeia/projections';
import { figure, link, progressBar, ratioFigure, section, stat, stats, table } from '../components';
import { formatInstant, formatInteger } from '../format';
import { html, Html, type Renderable } from '../html';
import { figureTiles } from './figure-tiles';
import { CHILD_LEVEL, label, LEVEL_LABELS, STRUCTURE_KIND_LABELS, TRAINING_LABELS } from '../labels';

export interface TerritoryView {
  report: TerritoryReport;
  asOf: { position: string; at: string | null };
  /** the territory's animators (first page) and how many there are */
  animators: { items: AnimatorItem[]; total: number };
  /** the territory's children on a map, when there is one for this level */
  map?: Renderable;
  /** links the caller may follow (a coordinator cannot leave their territory) */
  canOpen: (level: string, code: string) => boolean;
  /** the cafés due with no attendance yet, oldest first (the first page) and how many there are */
  unreported?: { items: CafeItem[]; total: number };
}

/** A region, department or commune dashboard: its figures against its target, its children, cafés, structures and animators. */
export function territoryDashboard(view: TerritoryView): Html {
  const { report: r } = view;
  const childLevel = CHILD_LEVEL[r.level];
  const f = r.figures;
  return html`<h1>${LEVEL_LABELS[r.level] ?? r.level} : ${r.name}</h1>
<p class="fr-text--sm">Code officiel ${r.code}. Données à jour au ${view.asOf.at ? formatInstant(view.asOf.at) : 'début du programme'}.</p>

<section class="fr-mb-6w cafeia-hero" aria-labelledby="objectif-titre">
  <h2 id="objectif-titre" class="fr-h4">Objectif du territoire : ${figure('target', r.target)} personnes touchées</h2>
  <p class="cafeia-hero__value">${figure('figures.peopleReached', f.peopleReached)} <span class="cafeia-hero__unit">personnes touchées</span></p>
  ${progressBar(r.progress, `Personnes touchées : ${formatInteger(f.peopleReached)} sur ${formatInteger(r.target)}`)}
</section>

${figureTiles(f, { peopleReached: true, shareOutsideParis: false })}

${childLevel && r.children.length > 0
  ? section(
      childLevel === 'department' ? 'Ses départements' : 'Ses communes actives',
      html`<div class="fr-grid-row fr-grid-row--gutters">
  ${view.map ? html`<div class="fr-col-12 fr-col-lg-6">${view.map}</div>` : ''}
  <div class="fr-col-12${view.map ? ' fr-col-lg-6' : ''}">${table(
    childLevel === 'department' ? 'Les départements de la région' : 'Les communes du territoire qui ont eu une activité',
    [
      { header: LEVEL_LABELS[childLevel], cell: (c) => (view.canOpen(childLevel, c.code) ? link(`/territoires/${childLevel}/${c.code}`, c.name) : c.name) },
      { header: 'Personnes touchées', cell: (c) => figure('figures.peopleReached', c.figures.peopleReached), numeric: true },
      { header: 'Cafés tenus', cell: (c) => figure('figures.cafesHeld', c.figures.cafesHeld), numeric: true },
      { header: 'Cafés à venir', cell: (c) => figure('figures.cafesScheduled', c.figures.cafesScheduled), numeric: true },
    ],
    [...r.children].sort((a, b) => b.figures.peopleReached - a.figures.peopleReached || a.name.localeCompare(b.name, 'fr')),
    { rowAttributes: (c) => html` data-territory="${childLevel}:${c.code}"` },
  )}</div></div>`,
      'enfants',
    )
  : ''}

${r.epcis && r.epcis.length > 0
  ? section(
      'Ses intercommunalités',
      table(
        'Les intercommunalités (EPCI) qui ont des communes dans le département',
        [
          { header: 'Intercommunalité', cell: (e) => (view.canOpen('epci', e.code) ? link(`/territoires/epci/${e.code}`, e.name) : e.name) },
          { header: 'Personnes touchées', cell: (e) => figure('figures.peopleReached', e.figures.peopleReached), numeric: true },
          { header: 'Cafés tenus', cell: (e) => figure('figures.cafesHeld', e.figures.cafesHeld), numeric: true },
          { header: 'Cafés à venir', cell: (e) => figure('figures.cafesScheduled', e.figures.cafesScheduled), numeric: true },
        ],
        [...r.epcis].sort((a, b) => b.figures.peopleReached - a.figures.peopleReached || a.name.localeCompare(b.name, 'fr')),
        { rowAttributes: (e) => html` data-territory="epci:${e.code}"` },
      ),
      'intercommunalites',
    )
  : ''}

${view.unreported
  ? section(
      'Cafés sans feuille de présence',
      html`<p>${figure('figures.reporting.cafesReported', f.reporting.cafesReported)} cafés sur ${figure('figures.reporting.cafesDue', f.reporting.cafesDue)} attendus ont leur feuille de présence (${ratioFigure('figures.reporting.completeness', f.reporting.completeness)}), ${ratioFigure('figures.reporting.timeliness', f.reporting.timeliness)} dans les 7 jours.</p>
${table(
  `Les cafés passés depuis plus de 7 jours sans présence enregistrée, les plus anciens d’abord (${formatInteger(view.unreported.total)})`,
  [
    { header: 'Date', cell: (c) => formatInstant(c.startsAt) },
    { header: 'Café', cell: (c) => c.title },
    { header: 'Commune', cell: (c) => c.communeCode },
  ],
  view.unreported.items,
  { empty: 'Tous les cafés passés ont leur feuille de présence.', rowAttributes: (c) => html` data-cafe="${c.id}"` },
)}
${view.unreported.total > view.unreported.items.length ? html`<p>${link(`/cafes?status=unreported&territory=${r.level}:${r.code}`, 'Voir tous les cafés sans feuille de présence')}</p>` : ''}`,
      'sans-presence',
    )
  : ''}

${section(
  'Prochains cafés',
  table(
    'Les prochains cafés du territoire',
    [
      { header: 'Date', cell: (c) => formatInstant(c.startsAt) },
      { header: 'Café', cell: (c) => c.title },
      { header: 'Format', cell: (c) => c.format },
      { header: 'Inscrits', cell: (c) => formatInteger(c.enrolled), numeric: true },
    ],
    r.upcomingCafes,
    { empty: 'Aucun café n’est programmé pour le moment.' },
  ),
  'a-venir',
)}

${section(
  'Structures les plus engagées',
  table(
    'Les structures du territoire, par personnes touchées',
    [
      { header: 'Structure', cell: (s) => s.name },
      { header: 'Type', cell: (s) => label(STRUCTURE_KIND_LABELS, s.kind) },
      { header: 'Personnes touchées', cell: (s) => formatInteger(s.peopleReached), numeric: true },
      { header: 'Cafés tenus', cell: (s) => formatInteger(s.cafesHeld), numeric: true },
      { header: 'Dernier café', cell: (s) => (s.lastCafeAt ? formatInstant(s.lastCafeAt) : '—') },
    ],
    r.topStructures,
    { empty: 'Aucune structure n’a encore tenu de café ici.' },
  ),
  'structures',
)}

${section(
  'Animateurs et médiateurs',
  html`${stats([
    stat('formés', figure('figures.animatorsTrained', f.animatorsTrained)),
    stat('en formation', figure('figures.animatorsInTraining', f.animatorsInTraining)),
    stat('des formés se sentent capables', ratioFigure('figures.shareTrainedCapable', f.shareTrainedCapable)),
  ])}
${table(
  `Les animateurs du territoire (${formatInteger(view.animators.total)})`,
  [
    { header: 'Nom affiché', cell: (a) => a.displayName },
    { header: 'Commune', cell: (a) => a.communeCode },
    { header: 'Formation', cell: (a) => label(TRAINING_LABELS, a.trainingStatus) },
    { header: 'Se sent capable', cell: (a) => (a.training.capable === null ? '—' : a.training.capable ? 'oui' : 'non') },
  ],
  view.animators.items,
  { empty: 'Aucun animateur n’est enregistré ici.' },
)}
${view.animators.total > view.animators.items.length ? html`<p>${link(`/animateurs?territory=${r.level}:${r.code}`, 'Voir tous les animateurs du territoire')}</p>` : ''}`,
  'animateurs',
)}`;
}
