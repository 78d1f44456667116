import type { CafeItem } from '@cafeia/projections';
import { alert, badge, figure, section, stat, stats } from '../components';
import { checkbox, csrfField, errorSummary, fieldset, inputField, textareaField } from '../form-fields';
import { formatContact, formatInstant, formatInteger } from '../format';
import { html, Html } from '../html';
import { CAFE_STATUS_LABELS, label } from '../labels';

/** a person on the attendance sheet, their personal data opened for who may act on the café */
export interface SheetPerson {
  participantId: string;
  /** their active enrolment (null: they attended, their enrolment was cancelled since) */
  enrolmentId: string | null;
  name: string | null;
  /** email or phone */
  contact: string | null;
  /** the right to erasure was exercised: shown as « personne effacée » */
  erased: boolean;
  attended: boolean;
}

export interface FormState {
  values: Readonly<Record<string, string | readonly string[] | undefined>>;
  errors: Readonly<Record<string, string>>;
}

export interface CafeActions {
  csrfToken: string;
  /** the café has started (attendance may be recorded) */
  started: boolean;
  people: readonly SheetPerson[];
  /** the current anonymous headcount, prefilled */
  anonymousCount: number;
  attendance: FormState;
  enrol: FormState;
  reschedule: FormState;
}

export interface CafeWorkspaceView {
  cafe: CafeItem;
  structureName: string | null;
  communeName: string | null;
  animatorNames: readonly string[];
  notice?: string;
  /** the refusal of a form, about no field */
  alert?: string;
  /** the forms and the sheet, for who may act on the café (its structure's organizers, the council); null otherwise */
  actions: CafeActions | null;
}

const one = (state: FormState, name: string): string | undefined => {
  const v = state.values[name];
  return typeof v === 'string' ? v : v?.[0];
};

export const personLabel = (p: SheetPerson): string => (p.erased ? 'personne effacée' : (p.name ?? (p.contact ? formatContact(p.contact) : 'personne sans contact')));

function details(view: CafeWorkspaceView): Html {
  const c = view.cafe;
  const row = (term: string, value: string | Html) => html`<li><strong>${term} :</strong> ${value}</li>`;
  return html`<ul class="cafeia-details">
${row('Quand', `${formatInstant(c.startsAt)}${c.endsAt ? `, jusqu’au ${formatInstant(c.endsAt)}` : ''}`)}
${row('Structure', view.structureName ?? '—')}
${row('Format', c.format)}
${row('Lieu', `${view.communeName ?? c.communeCode}${c.online ? ' — en ligne' : ''}`)}
${row('Places', c.capacity === null ? 'sans limite indiquée' : formatInteger(c.capacity))}
${row('Public', c.audience ?? '—')}
${row('Animation', view.animatorNames.length > 0 ? view.animatorNames.join(', ') : '—')}
${c.status === 'cancelled' ? row('Annulé', `${c.cancelledAt ? `le ${formatInstant(c.cancelledAt)}` : ''} — ${c.cancellationReason ?? ''}`) : ''}
</ul>`;
}

function attendanceSheet(view: CafeWorkspaceView, a: CafeActions): Html {
  const c = view.cafe;
  if (c.status === 'cancelled') return html`<p>Ce café est annulé : aucune présence ne peut être enregistrée.</p>`;
  if (!a.started) return html`<p>La feuille de présence s’ouvre au début du café, le ${formatInstant(c.startsAt)}.</p>`;
  const f = a.attendance;
  const ticked = new Set(typeof f.values.present === 'string' ? [f.values.present] : (f.values.present ?? []));
  return html`${errorSummary('La feuille de présence n’a pas été enregistrée : corrigez les champs signalés', f.errors, { present: 'presents', walkIns: 'walkIns', anonymousCount: 'anonymousCount' })}
<form method="post" action="/mes-cafes/${c.id}/presences" class="cafeia-form">
  ${csrfField(a.csrfToken)}
  ${fieldset({
    id: 'presents',
    legend: 'Personnes inscrites venues',
    hint: 'Cochez celles qui sont venues. Les présences déjà enregistrées restent cochées.',
    error: f.errors.present,
    items:
      a.people.length === 0
        ? html`<p class="fr-text--sm">Personne n’est inscrit à ce café.</p>`
        : a.people.map((p, i) =>
            checkbox({
              id: `present-${i}`,
              name: 'present',
              value: p.participantId,
              label: personLabel(p),
              hint: p.attended ? html`présence enregistrée${p.name && p.contact ? html` — ${formatContact(p.contact)}` : ''}` : p.name && p.contact ? formatContact(p.contact) : undefined,
              checked: p.attended || ticked.has(p.participantId),
              disabled: p.attended,
            }),
          ),
  })}
  ${textareaField({
    id: 'walkIns',
    label: 'Personnes venues sans inscription (facultatif)',
    hint: 'Une personne par ligne : son adresse électronique ou son téléphone, puis, si elle le souhaite, son nom après une virgule. Par exemple : « camille@example.org, Camille Dupont ».',
    value: one(f, 'walkIns'),
    error: f.errors.walkIns,
    rows: 4,
    attributes: html` autocomplete="off" spellcheck="false"`,
  })}
  ${inputField({
    id: 'anonymousCount',
    label: 'Personnes venues sans laisser de contact',
    hint: 'Leur nombre, qui remplace celui déjà indiqué.',
    type: 'number',
    value: one(f, 'anonymousCount') ?? String(a.anonymousCount),
    error: f.errors.anonymousCount,
    attributes: html` min="0" max="100000" inputmode="numeric"`,
  })}
  <button class="fr-btn" type="submit">Enregistrer la feuille de présence</button>
</form>`;
}

function enrolments(view: CafeWorkspaceView, a: CafeActions): Html {
  const c = view.cafe;
  const enrolled = a.people.filter((p) => p.enrolmentId !== null);
  const f = a.enrol;
  return html`${enrolled.length === 0
    ? html`<p class="fr-text--sm">Aucune inscription pour le moment.</p>`
    : html`<ul class="cafeia-enrolments">${enrolled.map(
        (p) => html`<li>${personLabel(p)}${p.name && p.contact ? html` <span class="fr-text--sm">(${formatContact(p.contact)})</span>` : ''}${p.attended
          ? html` ${badge('venue', 'success')}`
          : c.status === 'cancelled'
            ? ''
            : html` <form method="post" action="/mes-cafes/${c.id}/inscriptions/${p.enrolmentId}/annulation" class="cafeia-inline-form">${csrfField(a.csrfToken)}<button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">Annuler l’inscription<span class="fr-sr-only"> de ${personLabel(p)}</span></button></form>`}</li>`,
      )}</ul>`}
${c.status === 'cancelled'
  ? ''
  : html`<h3 class="fr-h6">Inscrire une personne</h3>
${errorSummary('L’inscription n’a pas été enregistrée : corrigez les champs signalés', f.errors, { email: 'email', phone: 'phone', name: 'name' })}
<form method="post" action="/mes-cafes/${c.id}/inscriptions" class="cafeia-form">
  ${csrfField(a.csrfToken)}
  <p class="fr-hint-text">Une adresse électronique ou un téléphone (au moins l’un des deux).</p>
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-4">${inputField({ id: 'email', label: 'Adresse électronique', type: 'email', value: one(f, 'email'), error: f.errors.email, attributes: html` autocomplete="off"` })}</div>
    <div class="fr-col-12 fr-col-md-4">${inputField({ id: 'phone', label: 'Téléphone', type: 'tel', value: one(f, 'phone'), error: f.errors.phone, attributes: html` autocomplete="off"` })}</div>
    <div class="fr-col-12 fr-col-md-4">${inputField({ id: 'name', label: 'Nom (facultatif)', value: one(f, 'name'), error: f.errors.name, attributes: html` autocomplete="off" maxlength="200"` })}</div>
  </div>
  <button class="fr-btn fr-btn--secondary" type="submit">Inscrire</button>
</form>`}`;
}

function changes(view: CafeWorkspaceView, a: CafeActions): Html {
  const c = view.cafe;
  if (c.status === 'cancelled') return html`<p>Ce café est annulé.</p>`;
  const f = a.reschedule;
  return html`<h3 class="fr-h6">Reprogrammer</h3>
${errorSummary('Le café n’a pas été reprogrammé : corrigez les champs signalés', f.errors, { date: 'reschedule-date', time: 'reschedule-time', endTime: 'reschedule-endTime' })}
<form method="post" action="/mes-cafes/${c.id}/reprogrammation" class="cafeia-form">
  ${csrfField(a.csrfToken)}
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-4">${inputField({ id: 'reschedule-date', name: 'date', label: 'Nouveau jour', hint: 'Heure de Paris.', type: 'date', value: one(f, 'date'), error: f.errors.date, required: true, attributes: html` min="2020-01-01" max="2100-12-31"` })}</div>
    <div class="fr-col-12 fr-col-md-4">${inputField({ id: 'reschedule-time', name: 'time', label: 'Heure de début', hint: 'HH:MM', type: 'time', value: one(f, 'time'), error: f.errors.time, required: true })}</div>
    <div class="fr-col-12 fr-col-md-4">${inputField({ id: 'reschedule-endTime', name: 'endTime', label: 'Heure de fin (facultatif)', hint: 'Le même jour.', type: 'time', value: one(f, 'endTime'), error: f.errors.endTime })}</div>
  </div>
  <button class="fr-btn fr-btn--secondary" type="submit">Reprogrammer le café</button>
</form>
${c.attendances === 0
  ? html`<h3 class="fr-h6">Annuler</h3><p><a class="fr-btn fr-btn--tertiary fr-icon-close-circle-line fr-btn--icon-left" href="/mes-cafes/${c.id}/annulation">Annuler ce café…</a></p>`
  : html`<p class="fr-text--sm">Des présences sont enregistrées : ce café ne peut plus être annulé.</p>`}`;
}

/** A café of the organizer's workspace: its details and counts, then (for who may act) the sheet, enrolments, changes. */
export function cafeWorkspacePage(view: CafeWorkspaceView): Html {
  const c = view.cafe;
  const state = c.awaitingAttendance ? badge('présences à saisir', 'warning') : badge(label(CAFE_STATUS_LABELS, c.status), c.status === 'cancelled' ? 'error' : c.status === 'held' ? 'success' : 'info');
  return html`<h1>${c.title}</h1>
<div class="fr-mb-2w">${state}</div>
${view.notice ? alert('success', view.notice) : ''}
${view.alert ? alert('error', 'L’action n’a pas été enregistrée', view.alert) : ''}
${details(view)}
${stats([
  stat('inscrits', figure('enrolled', c.enrolled)),
  stat('présents nommés', figure('attendedNamed', c.attendedNamed)),
  stat('présents sans contact', figure('anonymous', c.anonymous)),
  stat('présences', figure('attendances', c.attendances)),
])}
${view.actions
  ? html`${section('Feuille de présence', attendanceSheet(view, view.actions), 'feuille-de-presence')}
${section(`Inscriptions (${formatInteger(c.enrolled)})`, enrolments(view, view.actions), 'inscriptions')}
${section('Modifier le café', changes(view, view.actions), 'modifier')}`
  : html`<p class="fr-text--sm">Seuls les organisateurs de la structure et le Conseil voient les personnes inscrites et saisissent les présences.</p>`}`;
}
