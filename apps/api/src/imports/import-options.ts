import { ImportFileError, type ImportKind, type ImportOptions } from '@cafeia/imports';
import type { Territories } from '@cafeia/territories';
import { ProblemException } from '../http/problem';
import { IMPORT_MAX_BYTES } from './import-upload';

/** What reading a file of a job needs: ids owned by the importer's subject, communes checked against the official code. */
export function importOptions(territories: Territories, job: { kind: ImportKind; importerKey: string; coopStructureId: string | null }): ImportOptions {
  return {
    kind: job.kind,
    importerKey: job.importerKey,
    isKnownCommune: (code) => territories.resolveCommune(code) !== null,
    coopStructureId: job.coopStructureId ?? undefined,
    limits: { maxBytes: IMPORT_MAX_BYTES },
  };
}

/** a refused file as the API answers it: its status, its French message, its code, the columns it names */
export function fileProblem(error: ImportFileError): ProblemException {
  const errors = (error.details.columns ?? []).map((column) => ({ field: column, message: error.code === 'duplicate_columns' ? 'colonne en double' : 'colonne manquante' }));
  return new ProblemException(error.status, error.message, { code: error.code, errors });
}
