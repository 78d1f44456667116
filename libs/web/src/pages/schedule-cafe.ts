import { alert } from '../components';
import { checkbox, csrfField, errorSummary, fieldset, inputField, radio, selectField } from '../form-fields';
import { html, Html } from '../html';
import { CAFE_FORMATS, label, TRAINING_LABELS } from '../labels';

export type FormValues = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface ScheduleCafeView {
  csrfToken: string;
  /** the café's id, chosen when the form is shown: posting it twice creates one café */
  formId: string;
  structures: readonly { id: string; name: string; communeName: string | null }[];
  /** animators of the chosen structure's department */
  animators: readonly { id: string; displayName: string; communeName: string | null; trainingStatus: string }[];
  /** where the animators listed come from (« du département d’Ille-et-Vilaine ») */
  animatorsScope: string;
  values: FormValues;
  errors: Readonly<Record<string, string>>;
  /** a refusal about no field (scope, a rule) */
  alert?: string;
  /** communes to choose from when the one typed matched several */
  communeCandidates: readonly { code: string; name: string; context: string }[];
}

const one = (values: FormValues, name: string): string | undefined => {
  const v = values[name];
  return typeof v === 'string' ? v : v?.[0];
};
const many = (values: FormValues, name: string): readonly string[] => {
  const v = values[name];
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
};

/** where each error of the summary leads */
const FIELD_IDS: Record<string, string> = { animatorIds: 'animateurs', communeChoice: 'choix-commune', online: 'online' };

/** Schedule a café: the fields of the API's `POST /v1/cafes`, in French, working without JavaScript. */
export function scheduleCafePage(view: ScheduleCafeView): Html {
  const v = view.values;
  const e = view.errors;
  const only = view.structures.length === 1 ? view.structures[0] : null;
  return html`<h1>Programmer un café</h1>
${view.alert ? alert('error', 'Le café n’a pas été programmé', view.alert) : ''}
${errorSummary('Le café n’a pas été programmé : corrigez les champs signalés', e, view.communeCandidates.length > 0 ? { ...FIELD_IDS, commune: 'choix-commune' } : FIELD_IDS)}
<form method="post" action="/mes-cafes/nouveau" class="cafeia-form">
  ${csrfField(view.csrfToken)}
  <input type="hidden" name="id" value="${view.formId}">
  ${selectField({
    id: 'structureId',
    label: 'Structure organisatrice',
    value: one(v, 'structureId') ?? only?.id,
    error: e.structureId,
    required: true,
    placeholder: only ? undefined : 'Choisir une structure',
    choices: view.structures.map((s) => ({ value: s.id, label: s.communeName ? `${s.name} (${s.communeName})` : s.name })),
  })}
  ${inputField({ id: 'title', label: 'Titre', hint: 'Par exemple : « L’IA au quotidien ».', value: one(v, 'title'), error: e.title, required: true, attributes: html` maxlength="200"` })}
  ${inputField({ id: 'format', label: 'Format', hint: 'Choisissez dans la liste ou écrivez le vôtre.', value: one(v, 'format'), error: e.format, required: true, attributes: html` list="formats-usuels" maxlength="60" autocomplete="off"` })}
  <datalist id="formats-usuels">${CAFE_FORMATS.map((f) => html`<option value="${f}"></option>`)}</datalist>
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-4">${inputField({ id: 'date', label: 'Jour', hint: 'Heure de Paris.', type: 'date', value: one(v, 'date'), error: e.date, required: true, attributes: html` min="2020-01-01" max="2100-12-31"` })}</div>
    <div class="fr-col-12 fr-col-md-4">${inputField({ id: 'time', label: 'Heure de début', hint: 'HH:MM', type: 'time', value: one(v, 'time'), error: e.time, required: true })}</div>
    <div class="fr-col-12 fr-col-md-4">${inputField({ id: 'endTime', label: 'Heure de fin (facultatif)', hint: 'Le même jour.', type: 'time', value: one(v, 'endTime'), error: e.endTime })}</div>
  </div>
  ${inputField({
    id: 'commune',
    label: 'Commune (facultatif)',
    hint: 'Code INSEE, code postal ou nom. Laisser vide : la commune de la structure.',
    value: one(v, 'commune'),
    error: view.communeCandidates.length > 0 ? undefined : e.commune,
  })}
  ${view.communeCandidates.length > 0
    ? fieldset({
        id: 'choix-commune',
        legend: 'Quelle commune ?',
        error: e.commune,
        items: view.communeCandidates.map((c, i) => radio({ id: `choix-commune-${i}`, name: 'communeChoice', value: c.code, label: c.name, hint: c.context, checked: one(v, 'communeChoice') === c.code })),
      })
    : ''}
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-4">${inputField({ id: 'capacity', label: 'Nombre de places (facultatif)', type: 'number', value: one(v, 'capacity'), error: e.capacity, attributes: html` min="1" max="100000" inputmode="numeric"` })}</div>
    <div class="fr-col-12 fr-col-md-8">${inputField({ id: 'audience', label: 'Public (facultatif)', hint: 'Par exemple : seniors, familles, enseignants.', value: one(v, 'audience'), error: e.audience, attributes: html` maxlength="200"` })}</div>
  </div>
  ${fieldset({
    id: 'en-ligne',
    legend: 'Lieu',
    error: e.online,
    items: checkbox({ id: 'online', name: 'online', value: 'oui', label: 'Café en ligne', hint: 'À distance, par visioconférence.', checked: one(v, 'online') === 'oui' }),
  })}
  ${fieldset({
    id: 'animateurs',
    legend: 'Animateurs (facultatif)',
    hint: `Animateurs et médiateurs ${view.animatorsScope}.`,
    error: e.animatorIds,
    items:
      view.animators.length === 0
        ? html`<p class="fr-text--sm">Aucun animateur n’est enregistré ${view.animatorsScope}.</p>`
        : view.animators.map((a, i) =>
            checkbox({
              id: `animateur-${i}`,
              name: 'animatorIds',
              value: a.id,
              label: a.displayName,
              hint: [a.communeName, label(TRAINING_LABELS, a.trainingStatus)].filter(Boolean).join(' — '),
              checked: many(v, 'animatorIds').includes(a.id),
            }),
          ),
  })}
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">Programmer le café</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="/mes-cafes">Retour à mes cafés</a></li>
  </ul>
</form>`;
}
