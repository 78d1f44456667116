import type { RowError } from '../errors';
import type { ImportInput } from '../reading/byte-source';
import { planImport, type ImportOptions, type ImportPlan } from './plan-import';

export interface ImportCheckReport extends Omit<ImportPlan, 'outcomes'> {
  /** data rows read (blank rows not counted) */
  rows: number;
  valid: number;
  invalid: number;
  skipped: number;
  /** the first `maxErrors` row errors, in file order */
  errors: RowError[];
  /** true when more errors were found than listed */
  errorsTruncated: boolean;
}

/**
 * The dry run: reads the whole file, checks every row, writes nothing, keeps only counts and the
 * first errors. An import job runs it first: if it throws an `ImportFileError`, the file is refused
 * whole and nothing is written; otherwise `planImport` again gives the rows to send.
 */
export async function checkImport(input: ImportInput, options: ImportOptions & { maxErrors?: number }): Promise<ImportCheckReport> {
  const { maxErrors = 1_000, ...planOptions } = options;
  const plan = await planImport(input, planOptions);
  const report = { rows: 0, valid: 0, invalid: 0, skipped: 0, errors: [] as RowError[], errorsTruncated: false };
  for await (const outcome of plan.outcomes) {
    report.rows++;
    report[outcome.status]++;
    if (outcome.status !== 'invalid') continue;
    for (const error of outcome.errors) {
      if (report.errors.length < maxErrors) report.errors.push(error);
      else report.errorsTruncated = true;
    }
  }
  const { outcomes: _outcomes, ...facts } = plan;
  return { ...facts, ...report };
}
