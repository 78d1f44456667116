import { alert, section } from '../components';
import { errorSummary, fieldset, radio } from '../form-fields';
import { html, Html } from '../html';

/** the kinds of file a caller may import, in French, with the template of each */
export interface ImportKindChoice {
  value: string;
  label: string;
  hint: string;
  /** `/v1/imports/templates/cafes.csv`-like link to the CSV template */
  template: string;
}

export interface ImportFileView {
  csrfToken: string;
  kinds: readonly ImportKindChoice[];
  /** the caller's structures: their ids go in the `structure_id` column of a cafés file */
  structures: readonly { id: string; name: string }[];
  /** the kind chosen before a refused upload */
  kind?: string;
  /** by field (`kind`, `file`), in French */
  errors: Readonly<Record<string, string>>;
  /** a refusal of the whole file (its columns, its format), in French */
  alert?: string;
  /** the upload limit, as the API's (20 Mo) */
  maxMegabytes: number;
}

export const IMPORT_ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Import a file, first step: choose the kind, send the file, which is checked in a dry run (nothing recorded). */
export function importFilePage(view: ImportFileView): Html {
  const e = view.errors;
  if (view.kinds.length === 0) {
    return html`<h1>Importer un fichier</h1>${alert('info', 'Aucun import possible', 'Votre rôle ne permet d’importer aucun type de fichier.')}`;
  }
  const chosen = view.kind ?? (view.kinds.length === 1 ? view.kinds[0].value : undefined);
  return html`<h1>Importer un fichier</h1>
<p>Envoyez un tableur (CSV ou Excel) : il est d’abord <strong>vérifié ligne par ligne sans rien enregistrer</strong>. Vous voyez alors les lignes refusées, avec leur numéro et leur colonne, puis vous choisissez d’importer pour de bon. Importer deux fois le même fichier ne crée rien en double.</p>
${view.alert ? alert('error', 'Le fichier n’a pas pu être vérifié', view.alert) : ''}
${errorSummary('Le fichier n’a pas été envoyé : corrigez les champs signalés', e, { kind: 'type-de-fichier', file: 'fichier' })}
<!-- a multipart body is read after the CSRF check, so the token travels in the query string -->
<form method="post" action="/mes-cafes/import?_csrf=${encodeURIComponent(view.csrfToken)}" enctype="multipart/form-data" class="cafeia-form fr-mb-6w">
  ${fieldset({
    id: 'type-de-fichier',
    legend: 'Que contient le fichier ?',
    error: e.kind,
    items: view.kinds.map((k) => radio({ id: `kind-${k.value}`, name: 'kind', value: k.value, label: k.label, hint: k.hint, checked: chosen === k.value })),
  })}
  <div class="fr-upload-group${e.file ? ' fr-upload-group--error' : ''}" id="fichier">
    <label class="fr-label" for="file">Fichier à vérifier<span class="fr-hint-text">CSV (séparateur « ; » ou « , », UTF-8) ou Excel (.xlsx), ${view.maxMegabytes} Mo au plus. La première ligne donne les noms des colonnes, comme dans les modèles.</span></label>
    <input class="fr-upload" type="file" id="file" name="file" accept="${IMPORT_ACCEPT}" required${e.file ? html` aria-describedby="file-erreur"` : ''}>
    ${e.file ? html`<p id="file-erreur" class="fr-error-text">${e.file}</p>` : ''}
  </div>
  <div class="fr-mt-4w"><button class="fr-btn fr-icon-search-line fr-btn--icon-left" type="submit">Vérifier le fichier (essai, rien n’est enregistré)</button></div>
</form>
${section(
  'Modèles de fichiers',
  html`<p>Partez d’un modèle : ses en-têtes sont ceux attendus, ses deux lignes d’exemple montrent les valeurs admises (dates « JJ/MM/AAAA HH:MM », heure de Paris ; « oui » ou « non »). Remplacez-les par les vôtres.</p>
<ul>${view.kinds.map((k) => html`<li><a class="fr-link fr-link--download" download href="${k.template}">Modèle ${k.label.toLowerCase()}<span class="fr-link__detail">CSV</span></a></li>`)}</ul>
${view.structures.length > 0
  ? html`<p class="fr-text--sm">Dans un fichier de cafés, la colonne « structure_id » peut donner l’identifiant d’une de vos structures (au lieu de « structure_ref », la référence d’une structure importée par vous) :</p>
<ul class="fr-text--sm">${view.structures.map((s) => html`<li>${s.name} : <code>${s.id}</code></li>`)}</ul>`
  : ''}`,
  'modeles',
)}`;
}
