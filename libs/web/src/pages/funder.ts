import type { AuditReport, AuditVerification } from '@cafeia/audit';
import type { FundingSummary, Page } from '@cafeia/projections';
import { alert, badge, figure, link, pagination, ratioFigure, section, stat, stats, table } from '../components';
import { formatDate, formatInstant, formatInteger } from '../format';
import { html, Html } from '../html';
import { CAFE_STATUS_LABELS, label } from '../labels';

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

export function fundingsList(view: { page: Page<FundingSummary>; funderLabel: string }): Html {
  const p = view.page;
  return html`<h1>Financements</h1>
<p>${view.funderLabel}</p>
${table(
  `Financements (${formatInteger(p.total)})`,
  [
    { header: 'Financeur', cell: (f) => f.funder.name ?? f.funder.funderId },
    { header: 'Période', cell: (f) => `du ${formatDate(f.period.from)} au ${formatDate(f.period.to)}` },
    { header: 'Structures soutenues', cell: (f) => formatInteger(f.structures), numeric: true },
    { header: 'Montant', cell: (f) => (f.amountEuros === null ? '—' : euros.format(f.amountEuros)), numeric: true },
    { header: 'Objectifs', cell: (f) => [f.targets.people !== null ? `${formatInteger(f.targets.people)} personnes` : null, f.targets.cafes !== null ? `${formatInteger(f.targets.cafes)} cafés` : null].filter(Boolean).join(', ') || '—' },
    { header: 'Audit', cell: (f) => link(`/financements/${f.fundingId}`, 'Voir le rapport') },
  ],
  p.items,
  { empty: 'Aucun financement n’est enregistré pour le moment.', rowAttributes: (f) => html` data-funding="${f.fundingId}"` },
)}
${pagination('/financements', {}, p.page, p.pageSize, p.total)}`;
}

export interface AuditView {
  report: AuditReport;
  /** the `asOf` date asked for, YYYY-MM-DD */
  asOf?: string;
  verification: AuditVerification | null;
  csrfToken: string;
  /** today in Paris, the latest date the picker offers */
  today: string;
}

/** A funding's audit: its figures against its targets, per structure and café, the anomalies in French, the evidence. */
export function auditPage(view: AuditView): Html {
  const { report: r } = view;
  const id = r.funding.fundingId;
  const csv = `/financements/${id}/audit.csv${view.asOf ? `?asOf=${view.asOf}` : ''}`;
  return html`<h1>Rapport d’audit du financement</h1>
<p class="fr-text--lead">${r.funder?.name ?? 'Financeur'} — période du ${formatDate(r.funding.from)} au ${formatDate(r.funding.to)}${r.funding.amountEuros !== null ? `, ${euros.format(r.funding.amountEuros)}` : ''}.</p>

<form method="get" action="/financements/${id}" class="fr-mb-4w" aria-label="Date du rapport">
  <div class="fr-input-group">
    <label class="fr-label" for="asOf">Rapport tel qu’il était à la fin du jour<span class="fr-hint-text">Laisser vide pour le rapport à jour. Heure de Paris.</span></label>
    <input class="fr-input" type="date" id="asOf" name="asOf" value="${view.asOf ?? ''}" min="2020-01-01" max="${view.today}">
  </div>
  <ul class="fr-btns-group fr-btns-group--inline-sm">
    <li><button class="fr-btn fr-btn--secondary" type="submit">Afficher</button></li>
    <li><a class="fr-btn fr-btn--tertiary" href="${csv}" download>Télécharger le rapport (CSV)</a></li>
  </ul>
</form>
<p class="fr-text--sm">Calculé à partir de ${formatInteger(r.evidence.events)} événements enregistrés${r.asOf.date ? html` jusqu’à la fin du ${formatDate(r.asOf.date)}` : ''} (état au ${formatInstant(r.asOf.at)}).</p>

${stats([
  stat('personnes touchées', figure('figures.peopleReached', r.figures.peopleReached), r.targets.people.target !== null ? html`objectif ${formatInteger(r.targets.people.target)} (${ratioFigure('targets.people.progress', r.targets.people.progress)})` : undefined),
  stat('cafés tenus', figure('figures.cafesHeld', r.figures.cafesHeld), r.targets.cafes.target !== null ? html`objectif ${formatInteger(r.targets.cafes.target)} (${ratioFigure('targets.cafes.progress', r.targets.cafes.progress)})` : undefined),
  stat('présences enregistrées', figure('figures.attendances', r.figures.attendances)),
  stat('personnes comptées sans contact', figure('figures.anonymousAttendees', r.figures.anonymousAttendees)),
])}

${section(
  `Anomalies (${r.anomalies.length})`,
  r.anomalies.length === 0
    ? html`<p>Aucune anomalie relevée.</p>`
    : html`<ul>${r.anomalies.map((a) => html`<li data-anomaly="${a.code}"><strong>${a.cafeTitle}</strong> : ${a.messageFr}</li>`)}</ul>`,
  'anomalies',
)}

${r.structures.map((s) =>
  section(
    s.name ?? 'Structure',
    html`<p>${figure('figures.peopleReached', s.figures.peopleReached)} ${s.figures.peopleReached > 1 ? 'personnes touchées' : 'personne touchée'}, ${figure('figures.cafesHeld', s.figures.cafesHeld)} ${s.figures.cafesHeld > 1 ? 'cafés tenus' : 'café tenu'}.</p>
${table(
  `Cafés de ${s.name ?? 'la structure'} pendant la période`,
  [
    { header: 'Date', cell: (c) => formatInstant(c.startsAt) },
    { header: 'Café', cell: (c) => c.title },
    { header: 'État', cell: (c) => label(CAFE_STATUS_LABELS, c.status) },
    { header: 'Inscrits', cell: (c) => formatInteger(c.enrolled), numeric: true },
    { header: 'Présents nommés', cell: (c) => formatInteger(c.attendedNamed), numeric: true },
    { header: 'Sans contact', cell: (c) => formatInteger(c.anonymous), numeric: true },
    { header: 'Anomalies', cell: (c) => (c.anomalies.length === 0 ? '—' : html`<ul class="fr-mb-0">${c.anomalies.map((a) => html`<li>${a.messageFr}</li>`)}</ul>`) },
  ],
  s.cafes,
  { empty: 'Aucun café pendant la période.' },
)}`,
    `structure-${s.structureId}`,
  ),
)}

${section(
  'Preuve d’intégrité',
  html`<p>Empreinte des événements du rapport (SHA-256) : <code class="cafeia-digest" data-figure="evidence.digest" data-value="${r.evidence.digest}">${r.evidence.digest}</code></p>
${view.verification === null
  ? html`<p>La chaîne d’empreintes des événements peut être recalculée pour vérifier qu’aucun n’a été modifié.</p>`
  : view.verification.verified
    ? alert('success', 'Vérification réussie', `${formatInteger(view.verification.eventsChecked)} événements de ${formatInteger(view.verification.streamsChecked)} flux recalculés : aucun n’a été modifié.`)
    : alert('error', 'Vérification en échec', `Un événement ne correspond plus à son empreinte (flux ${view.verification.firstMismatch?.streamId ?? '?'}, rang ${view.verification.firstMismatch?.streamVersion ?? '?'}) : les données ont été modifiées hors de l’application.`)}
<form method="post" action="/financements/${id}/verification">
  <input type="hidden" name="_csrf" value="${view.csrfToken}">
  ${view.asOf ? html`<input type="hidden" name="asOf" value="${view.asOf}">` : ''}
  <button class="fr-btn fr-btn--secondary" type="submit">${view.verification === null ? 'Vérifier maintenant' : 'Vérifier à nouveau'}</button>
</form>
${view.verification ? badge(view.verification.verified ? 'Intègre' : 'Altéré', view.verification.verified ? 'success' : 'error') : ''}`,
  'preuve',
)}`;
}
