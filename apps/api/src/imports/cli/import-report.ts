import type { importJobView } from '../import-job';

export type JobView = ReturnType<typeof importJobView>;

const n = (value: number) => value.toLocaleString('fr-FR');

/** The end of an import, for a terminal, in French: the counts, then each refused row (line, column, message). */
export function formatReport(job: JobView): string {
  const lines: string[] = [];
  const what = job.dryRun ? 'Vérification (rien n’a été écrit)' : 'Import';
  if (job.status === 'failed') {
    lines.push(`${what} interrompu : ${job.problem?.detail ?? 'erreur inattendue'}`);
    lines.push(`${n(job.processed)} ligne(s) traitée(s) sur ${n(job.rows)} avant l’arrêt : ${n(job.accepted)} acceptée(s), ${n(job.rejected)} refusée(s).`);
  } else {
    lines.push(`${what} terminé : ${n(job.rows)} ligne(s), ${n(job.accepted)} acceptée(s), ${n(job.rejected)} refusée(s)${job.skipped ? `, ${n(job.skipped)} ignorée(s)` : ''}.`);
  }
  if (job.errors.length > 0) {
    lines.push('', 'Lignes refusées :');
    for (const error of job.errors) lines.push(`  ligne ${error.line}, colonne « ${error.field} » : ${error.message}`);
    if (job.errorsTruncated) lines.push(`  … et d’autres : seules les ${n(job.errors.length)} premières erreurs sont listées.`);
  }
  if (!job.dryRun && job.position) lines.push('', `Position de la dernière écriture : ${job.position} (lire avec ?minPosition=${job.position}).`);
  return lines.join('\n') + '\n';
}

/** 0: every row went in; 1: rows were refused; 2: the job failed (the file refused, or the arguments wrong: see the CLI) */
export const exitCodeOf = (job: JobView): 0 | 1 | 2 => (job.status === 'failed' ? 2 : job.rejected > 0 ? 1 : 0);
