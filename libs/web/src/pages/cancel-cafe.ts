import type { CafeItem } from '@cafeia/projections';
import { alert } from '../components';
import { csrfField, textareaField } from '../form-fields';
import { formatInstant } from '../format';
import { html, Html } from '../html';

export interface CancelCafeView {
  cafe: CafeItem;
  csrfToken: string;
  reason?: string;
  error?: string;
  alert?: string;
}

/** The confirmation step of cancelling a café (a page of its own, so it needs no JavaScript), with its reason. */
export function cancelCafePage(view: CancelCafeView): Html {
  const c = view.cafe;
  return html`<h1>Annuler le café « ${c.title} » ?</h1>
${view.alert ? alert('error', 'Le café n’a pas été annulé', view.alert) : ''}
<p>Prévu le ${formatInstant(c.startsAt)}. Une fois annulé, il ne pourra plus être reprogrammé ni recevoir de présences ; les personnes inscrites restent comptées comme inscrites.</p>
<form method="post" action="/mes-cafes/${c.id}/annulation" class="cafeia-form">
  ${csrfField(view.csrfToken)}
  ${textareaField({ id: 'reason', label: 'Raison de l’annulation', hint: 'Par exemple : la salle n’est plus disponible.', value: view.reason, error: view.error, required: true, rows: 3, attributes: html` maxlength="500"` })}
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">Confirmer l’annulation</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="/mes-cafes/${c.id}">Ne pas annuler</a></li>
  </ul>
</form>`;
}
