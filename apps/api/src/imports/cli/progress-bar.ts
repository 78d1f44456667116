import { SingleBar } from 'cli-progress';
import type { JobView } from './import-report';

/** The rows of a job as they are counted, on stderr (the report goes to stdout). */
export class ImportProgressBar {
  private readonly bar = new SingleBar({
    format: 'Import {bar} {percentage} % | {value}/{total} lignes | {accepted} acceptées, {rejected} refusées',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: false,
    noTTYOutput: true,
    notTTYSchedule: 2_000,
  });
  private started = false;

  update(job: JobView): void {
    const payload = { accepted: job.accepted, rejected: job.rejected };
    if (!this.started) {
      this.bar.start(Math.max(job.rows, 1), job.processed, payload);
      this.started = true;
    } else this.bar.update(job.processed, payload);
  }

  stop(): void {
    if (this.started) this.bar.stop();
  }
}
