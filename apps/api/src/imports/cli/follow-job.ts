import type { JobView } from './import-report';

export type Started = { ok: true; id: string } | { ok: false; status: number; problem: { detail?: string; code?: string; errors?: { field: string; message: string }[] } };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** polls a job until it is done or failed, reporting each reading */
export async function followJob(read: () => Promise<JobView>, onProgress: (job: JobView) => void, everyMs = 300): Promise<JobView> {
  for (;;) {
    const job = await read();
    onProgress(job);
    if (job.status === 'done' || job.status === 'failed') return job;
    await sleep(everyMs);
  }
}

/** a refused file, for a terminal */
export function formatRefusal(refused: Extract<Started, { ok: false }>): string {
  const lines = [`Fichier refusé (${refused.status}) : ${refused.problem.detail ?? 'erreur'}`];
  for (const error of refused.problem.errors ?? []) lines.push(`  ${error.field} : ${error.message}`);
  return lines.join('\n') + '\n';
}
