import { html, Html, type Renderable } from './html';

/**
 * The State design system's form fields (DSFR): a label for every field, a hint inside it, and an error state whose
 * message sits right below the field and is tied to it by `aria-describedby`, so a screen reader reads it with the
 * field. Nothing here needs JavaScript.
 */
export interface FieldOptions {
  /** the element's id (and, unless given, its name) */
  id: string;
  name?: string;
  label: string;
  hint?: Renderable;
  /** the value to show back (what was typed, or the current one) */
  value?: string;
  /** in French, shown below the field */
  error?: string;
  required?: boolean;
  /** more attributes, written by the code (never from user input) */
  attributes?: Html;
}

const errorId = (id: string) => `${id}-erreur`;

const labelOf = (o: Pick<FieldOptions, 'id' | 'label' | 'hint'>) =>
  html`<label class="fr-label" for="${o.id}">${o.label}${o.hint ? html`<span class="fr-hint-text">${o.hint}</span>` : ''}</label>`;

const errorText = (o: Pick<FieldOptions, 'id' | 'error'>) => (o.error ? html`<p id="${errorId(o.id)}" class="fr-error-text">${o.error}</p>` : '');

const described = (o: Pick<FieldOptions, 'id' | 'error'>) => (o.error ? html` aria-describedby="${errorId(o.id)}"` : '');

export function inputField(o: FieldOptions & { type?: string }): Html {
  return html`<div class="fr-input-group${o.error ? ' fr-input-group--error' : ''}">
  ${labelOf(o)}
  <input class="fr-input${o.error ? ' fr-input--error' : ''}" type="${o.type ?? 'text'}" id="${o.id}" name="${o.name ?? o.id}" value="${o.value ?? ''}"${o.required ? html` required` : ''}${described(o)}${o.attributes ?? ''}>
  ${errorText(o)}
</div>`;
}

export function textareaField(o: FieldOptions & { rows?: number }): Html {
  return html`<div class="fr-input-group${o.error ? ' fr-input-group--error' : ''}">
  ${labelOf(o)}
  <textarea class="fr-input${o.error ? ' fr-input--error' : ''}" id="${o.id}" name="${o.name ?? o.id}" rows="${o.rows ?? 4}"${o.required ? html` required` : ''}${described(o)}${o.attributes ?? ''}>${o.value ?? ''}</textarea>
  ${errorText(o)}
</div>`;
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export function selectField(o: FieldOptions & { choices: readonly Choice[]; placeholder?: string }): Html {
  return html`<div class="fr-select-group${o.error ? ' fr-select-group--error' : ''}">
  ${labelOf(o)}
  <select class="fr-select${o.error ? ' fr-select--error' : ''}" id="${o.id}" name="${o.name ?? o.id}"${o.required ? html` required` : ''}${described(o)}${o.attributes ?? ''}>
    ${o.placeholder !== undefined ? html`<option value=""${o.value ? '' : html` selected`}>${o.placeholder}</option>` : ''}
    ${o.choices.map((c) => html`<option value="${c.value}"${c.value === o.value ? html` selected` : ''}>${c.label}</option>`)}
  </select>
  ${errorText(o)}
</div>`;
}

export interface CheckboxOptions {
  id: string;
  name: string;
  value: string;
  label: Renderable;
  hint?: Renderable;
  checked?: boolean;
  /** shown ticked and greyed: already recorded, cannot be undone here */
  disabled?: boolean;
}

export function checkbox(o: CheckboxOptions): Html {
  return html`<div class="fr-fieldset__element"><div class="fr-checkbox-group">
  <input type="checkbox" id="${o.id}" name="${o.name}" value="${o.value}"${o.checked ? html` checked` : ''}${o.disabled ? html` disabled` : ''}>
  <label class="fr-label" for="${o.id}">${o.label}${o.hint ? html`<span class="fr-hint-text">${o.hint}</span>` : ''}</label>
</div></div>`;
}

export function radio(o: Omit<CheckboxOptions, 'disabled'>): Html {
  return html`<div class="fr-fieldset__element"><div class="fr-radio-group">
  <input type="radio" id="${o.id}" name="${o.name}" value="${o.value}"${o.checked ? html` checked` : ''}>
  <label class="fr-label" for="${o.id}">${o.label}${o.hint ? html`<span class="fr-hint-text">${o.hint}</span>` : ''}</label>
</div></div>`;
}

/** a group of checkboxes or radios under one legend; its error is read with the legend */
export function fieldset(o: { id: string; legend: string; hint?: Renderable; error?: string; items: Renderable; inline?: boolean }): Html {
  return html`<fieldset class="fr-fieldset${o.error ? ' fr-fieldset--error' : ''}" id="${o.id}" aria-labelledby="${o.id}-legende${o.error ? html` ${errorId(o.id)}` : ''}">
  <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="${o.id}-legende">${o.legend}${o.hint ? html`<span class="fr-hint-text">${o.hint}</span>` : ''}</legend>
  ${o.items}
  ${o.error ? html`<div class="fr-messages-group"><p id="${errorId(o.id)}" class="fr-error-text fr-message fr-message--error">${o.error}</p></div>` : ''}
</fieldset>`;
}

/** the session's CSRF token, in every form that posts */
export const csrfField = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`;

/** the errors of a refused form, listed at its top with links to the fields (read first by a screen reader) */
export function errorSummary(title: string, errors: Readonly<Record<string, string>>, fieldIds: Readonly<Record<string, string>> = {}): Html {
  const entries = Object.entries(errors);
  if (entries.length === 0) return html``;
  return html`<div class="fr-alert fr-alert--error fr-mb-3w" role="alert"><h2 class="fr-alert__title">${title}</h2><ul>${entries.map(
    ([field, message]) => html`<li><a href="#${fieldIds[field] ?? field}">${message}</a></li>`,
  )}</ul></div>`;
}
