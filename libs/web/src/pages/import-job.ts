import { alert, badge, figure, section, stat, stats, table } from '../components';
import { csrfField } from '../form-fields';
import { formatInstant, formatInteger, plural } from '../format';
import { html, Html } from '../html';

/** an import job as its page shows it: `GET /v1/imports/{id}`'s fields */
export interface ImportJobSummary {
  id: string;
  /** in French: « cafés », « présences »… */
  kindLabel: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  dryRun: boolean;
  rows: number;
  processed: number;
  accepted: number;
  rejected: number;
  skipped: number;
  errors: readonly { line: number; field: string; message: string }[];
  errorsTruncated: boolean;
  /** why a job failed, in French */
  problem: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportJobView {
  csrfToken: string;
  job: ImportJobSummary;
  /** the dry run's file is still kept: it can be imported for real */
  importable: boolean;
  /** a refusal of « Importer pour de bon », in French */
  alert?: string;
  notice?: string;
}

const STATUS: Record<ImportJobSummary['status'], { label: string; badge: 'info' | 'new' | 'success' | 'error' }> = {
  queued: { label: 'en attente', badge: 'info' },
  running: { label: 'en cours', badge: 'new' },
  done: { label: 'terminé', badge: 'success' },
  failed: { label: 'échoué', badge: 'error' },
};

/** while a job is queued or running, its page reloads itself (no JavaScript needed) */
export const importJobRefreshes = (job: Pick<ImportJobSummary, 'status'>): boolean => job.status === 'queued' || job.status === 'running';

/** the tag that reloads the page every two seconds, for the page's `<head>` */
export const refreshEvery2s = (): Html => html`<meta http-equiv="refresh" content="2">`;

/**
 * The validation library's English rules as the API may relay them (« Valeur refusée par l’API : email must be an
 * email. »): the common ones in French, the others as a plain French sentence (the column says where).
 */
const ENGLISH_RULES: [RegExp, string][] = [
  [/must be an email/i, 'adresse électronique invalide'],
  [/phone/i, 'numéro de téléphone invalide'],
  [/must be shorter than or equal to (\d+) characters/i, '$1 caractères au plus'],
  [/must not be greater than (\d+)/i, '$1 au plus'],
  [/must not be less than (-?\d+)/i, '$1 au moins'],
  [/must be an integer/i, 'un nombre entier est attendu'],
  [/must be a UUID/i, 'identifiant invalide'],
  [/must be a valid ISO 8601 date string/i, 'date et heure invalides'],
  [/should not be empty|must not be empty/i, 'valeur manquante'],
  [/must be one of the following values/i, 'valeur hors de la liste admise'],
];

export function frenchRowMessage(message: string): string {
  const relayed = /^(.*?) : (.*?)\.?$/s.exec(message);
  if (!relayed || !/\b(must|should)\b/.test(relayed[2])) return message;
  const rule = ENGLISH_RULES.find(([pattern]) => pattern.test(relayed[2]));
  const french = rule ? relayed[2].match(rule[0])![0].replace(rule[0], rule[1]) : 'valeur non conforme aux règles de l’API';
  return `${relayed[1]} : ${french}.`;
}

/** « ligne acceptée », « lignes acceptées »: the label under a count */
const lines = (n: number, participle: string) => (n > 1 ? `lignes ${participle}s` : `ligne ${participle}`);

function progress(job: ImportJobSummary): Html {
  const of = Math.max(job.rows, 1);
  return html`<div class="cafeia-progress"><progress id="avancement" max="${of}" value="${job.processed}" aria-label="Lignes traitées">${formatInteger(job.processed)} sur ${formatInteger(job.rows)}</progress><span class="cafeia-progress__text">${figure('processed', job.processed)} lignes traitées sur ${figure('rows', job.rows)}</span></div>`;
}

/** An import job: its state, its counts, the rows refused (line, column, message), and what can follow. */
export function importJobPage(view: ImportJobView): Html {
  const { job } = view;
  const status = STATUS[job.status];
  const what = job.dryRun ? 'Essai' : 'Import';
  const title = `${what} d’un fichier de ${job.kindLabel}`;
  const counts = stats([
    stat(job.dryRun ? lines(job.accepted, 'acceptée') : lines(job.accepted, 'importée'), figure('accepted', job.accepted)),
    stat(lines(job.rejected, 'refusée'), figure('rejected', job.rejected)),
    ...(job.skipped > 0 ? [stat(lines(job.skipped, 'ignorée'), figure('skipped', job.skipped), 'activités qui ne sont pas des ateliers d’IA')] : []),
    stat(job.rows > 1 ? 'lignes dans le fichier' : 'ligne dans le fichier', figure('rows', job.rows)),
  ]);
  const finished = job.status === 'done' || job.status === 'failed';
  return html`<h1>${title}</h1>
${view.notice ? alert('success', view.notice) : ''}
${view.alert ? alert('error', 'L’import n’a pas été lancé', view.alert) : ''}
<div class="fr-mb-3w" data-status="${job.status}" role="status">${badge(status.label, status.badge)}
<p class="fr-text--sm fr-mt-1w">Envoyé le ${formatInstant(job.createdAt)}${job.finishedAt ? html`, ${job.status === 'failed' ? 'arrêté' : 'terminé'} le ${formatInstant(job.finishedAt)}` : ''}.${job.dryRun ? ' Essai : rien n’a été enregistré.' : ''}</p></div>
${!finished
  ? html`${progress(job)}<p class="fr-text--sm">Cette page se met à jour toute seule toutes les deux secondes.</p>`
  : ''}
${job.status === 'failed' ? alert('error', 'L’import s’est arrêté', job.problem ?? 'Une erreur inattendue l’a arrêté.') : ''}
${counts}
${finished && job.dryRun ? dryRunOutcome(view) : ''}
${finished && !job.dryRun && job.status === 'done'
  ? alert('success', 'Import terminé', `${plural(job.accepted, 'ligne importée', 'lignes importées')}${job.rejected > 0 ? `, ${plural(job.rejected, 'ligne refusée', 'lignes refusées')} : corrigez-les dans votre fichier et importez-le à nouveau (les lignes déjà importées ne seront pas créées une deuxième fois).` : '.'}`)
  : ''}
${section(
  `Lignes refusées (${formatInteger(job.rejected)})`,
  html`${table('Lignes refusées : numéro de ligne dans le fichier, colonne, raison', [
    { header: 'Ligne', cell: (e) => formatInteger(e.line), numeric: true },
    { header: 'Colonne', cell: (e) => html`<code>${e.field}</code>` },
    { header: 'Raison', cell: (e) => frenchRowMessage(e.message) },
  ], job.errors, { hiddenCaption: true, empty: finished ? 'Aucune ligne refusée.' : 'Aucune ligne refusée jusqu’ici.', rowAttributes: (e) => html` data-line="${e.line}" data-field="${e.field}"` })}
${job.errorsTruncated ? html`<p class="fr-text--sm">Seules les ${formatInteger(job.errors.length)} premières erreurs sont listées.</p>` : ''}`,
  'refus',
)}
<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mes-cafes/import">Importer un autre fichier</a></p>`;
}

function dryRunOutcome(view: ImportJobView): Html {
  const { job } = view;
  if (job.status !== 'done') return html``;
  if (job.accepted === 0) return alert('warning', 'Aucune ligne ne peut être importée', 'Corrigez les lignes refusées dans votre fichier, puis envoyez-le à nouveau.');
  if (!view.importable) return alert('info', 'Ce fichier n’est plus conservé', 'Il a déjà été importé, ou l’essai date de plus d’un jour : envoyez-le à nouveau pour l’importer.');
  return html`<form method="post" action="/mes-cafes/import/${job.id}" class="fr-mb-4w">
  ${csrfField(view.csrfToken)}
  <p>${plural(job.accepted, 'ligne sera importée', 'lignes seront importées')}${job.rejected > 0 ? html`, ${plural(job.rejected, 'ligne refusée ne le sera pas', 'lignes refusées ne le seront pas')} (vous pourrez corriger le fichier et le renvoyer ensuite)` : ''}.</p>
  <button class="fr-btn fr-icon-upload-line fr-btn--icon-left" type="submit">Importer pour de bon</button>
</form>`;
}
