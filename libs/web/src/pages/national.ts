import type { Progress, Timeline, TerritoryRanking } from '@cafeia/projections';
import { decimalFigure, figure, link, progressBar, ratioFigure, section, stat, stats, table, badge } from '../components';
import { formatDate, formatInstant, formatInteger } from '../format';
import { html, Html, scriptJson, type Renderable } from '../html';
import { figureTiles } from './figure-tiles';

export interface NationalView {
  progress: Progress;
  /** weekly buckets: cumulative people reached, cafés held per week */
  timeline: Timeline;
  regions: TerritoryRanking[];
  asOf: { position: string; at: string | null };
  /** the regions on a map of France (server-rendered SVG, links to each region) */
  map?: Renderable;
}

/** The national dashboard: people reached against the target, pace, the date the target would be reached, the timeline, the regions. */
export function nationalDashboard(view: NationalView): Html {
  const { progress: p, timeline, regions } = view;
  const f = p.figures;
  const verdict = p.onTrack
    ? badge('En bonne voie pour atteindre l’objectif', 'success')
    : badge('En retard sur l’objectif au rythme actuel', 'warning');
  return html`<h1>Tableau de bord national</h1>
<p class="fr-text--sm">Données à jour au ${view.asOf.at ? formatInstant(view.asOf.at) : 'début du programme'} (position ${view.asOf.position}).</p>

<section class="fr-mb-6w cafeia-hero" aria-labelledby="objectif-titre">
  <h2 id="objectif-titre" class="fr-h4">Objectif : ${figure('target', p.target)} personnes touchées d’ici le ${formatDate(p.deadline)}</h2>
  <p class="cafeia-hero__value">${figure('figures.peopleReached', f.peopleReached)} <span class="cafeia-hero__unit">personnes touchées</span></p>
  ${progressBar(p.progress, `Personnes touchées : ${formatInteger(f.peopleReached)} sur ${formatInteger(p.target)}`)}
  ${verdict}
  <ul class="cafeia-facts">
    <li>Rythme des 28 derniers jours : ${decimalFigure('pacePerDay', p.pacePerDay)} personnes par jour.</li>
    <li>Rythme nécessaire : ${p.requiredPacePerDay === null ? html`<span data-figure="requiredPacePerDay" data-value="null">plus aucun jour ne reste</span>` : html`${decimalFigure('requiredPacePerDay', p.requiredPacePerDay)} personnes par jour`} (${figure('daysLeft', p.daysLeft)} jours restants).</li>
    <li>À ce rythme, ${p.targetReachedOn === null ? html`<span data-figure="targetReachedOn" data-value="null">l’objectif ne serait jamais atteint</span>` : html`l’objectif serait atteint le <span data-figure="targetReachedOn" data-value="${p.targetReachedOn}">${formatDate(p.targetReachedOn)}</span>`} ; ${figure('projectedAtDeadline', Math.round(p.projectedAtDeadline))} personnes seraient touchées à l’échéance.</li>
  </ul>
</section>

${figureTiles(f, { peopleReached: false, shareOutsideParis: true })}

${section(
  'Évolution',
  html`<div class="cafeia-chart" data-chart="timeline" aria-hidden="true"></div>
<script type="application/json" id="timeline-data">${scriptJson(timeline.buckets.map((b) => ({ start: b.start, peopleReached: b.peopleReached, cafesHeld: b.cafesHeld })))}</script>
${table(
  `Personnes touchées (cumul) et cafés tenus, par semaine, du ${formatDate(timeline.from)} au ${formatDate(timeline.to)}`,
  [
    { header: 'Semaine du', cell: (b) => formatDate(b.start) },
    { header: 'Personnes touchées (cumul)', cell: (b) => formatInteger(b.peopleReached), numeric: true },
    { header: 'Nouvelles personnes', cell: (b) => formatInteger(b.newPeopleReached), numeric: true },
    { header: 'Cafés tenus', cell: (b) => formatInteger(b.cafesHeld), numeric: true },
  ],
  [...timeline.buckets].reverse().slice(0, 12),
  { empty: 'Aucun café n’a encore été tenu.' },
)}
${timeline.buckets.length > 12 ? html`<details><summary>Toutes les semaines (${timeline.buckets.length})</summary>${table('Toutes les semaines', [
    { header: 'Semaine du', cell: (b) => formatDate(b.start) },
    { header: 'Personnes touchées (cumul)', cell: (b) => formatInteger(b.peopleReached), numeric: true },
    { header: 'Cafés tenus', cell: (b) => formatInteger(b.cafesHeld), numeric: true },
  ], [...timeline.buckets].reverse())}</details>` : ''}`,
  'evolution',
)}

${section(
  'Les régions',
  html`<div class="fr-grid-row fr-grid-row--gutters">
  ${view.map ? html`<div class="fr-col-12 fr-col-lg-6">${view.map}</div>` : ''}
  <div class="fr-col-12${view.map ? ' fr-col-lg-6' : ''}">${table(
    'Classement des régions par personnes touchées',
    [
      { header: 'Rang', cell: (r) => String(r.rank), numeric: true },
      { header: 'Région', cell: (r) => link(`/territoires/region/${r.code}`, r.name) },
      { header: 'Personnes touchées', cell: (r) => figure('figures.peopleReached', r.figures.peopleReached), numeric: true },
      { header: 'Objectif', cell: (r) => formatInteger(r.target), numeric: true },
      { header: 'Progression', cell: (r) => ratioFigure('progress', r.progress), numeric: true },
      { header: 'Cafés tenus', cell: (r) => figure('figures.cafesHeld', r.figures.cafesHeld), numeric: true },
    ],
    regions,
    { rowAttributes: (r) => html` data-territory="region:${r.code}"` },
  )}</div>
</div>`,
  'regions',
)}

${section(
  'Animateurs et médiateurs',
  stats([
    stat('formés', figure('figures.animatorsTrained', f.animatorsTrained)),
    stat('en formation', figure('figures.animatorsInTraining', f.animatorsInTraining)),
    stat('des formés se sentent capables d’accompagner sur l’IA', ratioFigure('figures.shareTrainedCapable', f.shareTrainedCapable)),
  ]),
  'animateurs',
)}`;
}
