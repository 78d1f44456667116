import { ImportFileError } from '../../errors';

export const tooManyRows = (maxRows: number, line?: number) =>
  new ImportFileError(
    'too_many_rows',
    `Le fichier a plus de ${maxRows.toLocaleString('fr-FR')} lignes : découpez-le en plusieurs fichiers.`,
    line === undefined ? { limit: maxRows } : { limit: maxRows, line },
  );
