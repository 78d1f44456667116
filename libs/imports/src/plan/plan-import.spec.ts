import { importedId } from '../ids/imported-id';
import { isImportFileError } from '../errors';
import { all, csv, xlsx } from '../testing/fixtures';
import { checkImport } from './check-import';
import { planImport, type ImportOptions, type RowOutcome } from './plan-import';

const options = (kind: ImportOptions['kind'], importerKey = 'organizer-1'): ImportOptions => ({ kind, importerKey });
const outcomesOf = async (file: Buffer | string, opts: ImportOptions): Promise<RowOutcome[]> =>
  all((await planImport(typeof file === 'string' ? Buffer.from(file) : file, opts)).outcomes);

const STRUCTURES = [
  ['référence', 'nom', 'type', 'code commune (INSEE)', 'SIRET'],
  ['S-1', 'Médiathèque Jean-Macé', 'médiathèque', '69123', ''],
  ['S-2', 'Mairie', 'piscine', '01004', ''],
  ['S-3', 'Tiers-lieu La Fabrique', 'tiers-lieu', '2A004', ''],
];

describe('planning an import', () => {
  it('each valid row becomes the request the API would have received', async () => {
    const outcomes = await outcomesOf(csv(STRUCTURES), options('structures'));
    expect(outcomes.map((o) => o.status)).toEqual(['valid', 'invalid', 'valid']);
    expect(outcomes[0]).toMatchObject({
      line: 2,
      ref: 'S-1',
      requests: [{ operation: 'registerStructure', method: 'POST', path: '/v1/structures', body: { id: importedId('structures', 'S-1', 'organizer-1'), name: 'Médiathèque Jean-Macé', kind: 'media_library', communeCode: '69123' } }],
    });
    expect(outcomes[1]).toEqual({ status: 'invalid', line: 3, ref: 'S-2', errors: [{ line: 3, field: 'kind', message: expect.stringContaining('piscine') }] });
  });

  it('a file imported twice asks for the very same requests (so the API creates nothing new)', async () => {
    const first = await outcomesOf(csv(STRUCTURES), options('structures'));
    const second = await outcomesOf(csv(STRUCTURES, ','), options('structures'));
    expect(second).toEqual(first);
  });

  it('a corrected file fixes its rejected row and repeats the accepted ones unchanged', async () => {
    const corrected = STRUCTURES.map((row) => (row[0] === 'S-2' ? ['S-2', 'Mairie', 'mairie', '01004', ''] : row));
    const before = await outcomesOf(csv(STRUCTURES), options('structures'));
    const after = await outcomesOf(csv(corrected), options('structures'));
    expect(after[0]).toEqual(before[0]);
    expect(after[2]).toEqual(before[2]);
    expect(after[1]).toMatchObject({ status: 'valid', requests: [{ body: { id: importedId('structures', 'S-2', 'organizer-1'), kind: 'town_hall' } }] });
  });

  it('the same file from another importer makes other resources', async () => {
    const mine = await outcomesOf(csv(STRUCTURES), options('structures', 'organizer-1'));
    const theirs = await outcomesOf(csv(STRUCTURES), options('structures', 'organizer-2'));
    expect(theirs[0].status === 'valid' && theirs[0].requests[0]).not.toEqual(mine[0].status === 'valid' && mine[0].requests[0]);
  });

  it('the same table as CSV or as XLSX gives the same outcomes', async () => {
    const fromCsv = await outcomesOf(csv(STRUCTURES), options('structures'));
    const fromXlsx = await outcomesOf(await xlsx(STRUCTURES), options('structures'));
    expect(fromXlsx).toEqual(fromCsv);
  });

  it('refuses a ref used twice in one file, on the later row', async () => {
    const outcomes = await outcomesOf(csv([...STRUCTURES, ['S-1', 'Autre', 'autre', '69123', '']]), options('structures'));
    expect(outcomes[3]).toMatchObject({ status: 'invalid', line: 5, errors: [{ field: 'ref', message: expect.stringContaining('déjà utilisée ligne 2') }] });
  });

  it('animators: registration, then the training status to reach', async () => {
    const file = csv([
      ['référence', 'nom affiché', 'code commune (INSEE)', 'référence de la structure', 'formation', 'se sent capable d’accompagner sur l’IA', 'visible dans l’annuaire public'],
      ['A-1', 'Camille D.', '69123', 'S-1', 'formé', 'oui', 'oui'],
      ['A-2', 'Sami B.', '01004', '', '', '', ''],
    ]);
    const [trained, plain] = await outcomesOf(file, options('animators'));
    const id = importedId('animators', 'A-1', 'organizer-1');
    expect(trained.status === 'valid' && trained.requests).toEqual([
      { operation: 'registerAnimator', method: 'POST', path: '/v1/animators', body: { id, displayName: 'Camille D.', communeCode: '69123', structureId: importedId('structures', 'S-1', 'organizer-1'), listed: true } },
      { operation: 'reachTrainingStatus', method: 'POST', path: `/v1/animators/${id}/training`, animatorId: id, target: { status: 'completed', capable: true } },
    ]);
    expect(plain.status === 'valid' && plain.requests).toEqual([
      { operation: 'registerAnimator', method: 'POST', path: '/v1/animators', body: { id: importedId('animators', 'A-2', 'organizer-1'), displayName: 'Sami B.', communeCode: '01004' } },
    ]);
  });

  it('cafés: the schedule request with optional fields left out when empty', async () => {
    const file = csv([
      ['ref', 'structure_id', 'title', 'format', 'starts_at', 'ends_at', 'commune_code', 'capacity', 'audience', 'online'],
      ['C-1', '3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a', 'L’IA au quotidien', 'discussion', '2025-12-05T18:30:00+01:00', '', '', '', '', ''],
    ]);
    const [cafe] = await outcomesOf(file, options('cafes'));
    expect(cafe.status === 'valid' && cafe.requests).toEqual([
      {
        operation: 'scheduleCafe',
        method: 'POST',
        path: '/v1/cafes',
        body: { id: importedId('cafes', 'C-1', 'organizer-1'), structureId: '3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a', title: 'L’IA au quotidien', format: 'discussion', startsAt: '2025-12-05T18:30:00+01:00' },
      },
    ]);
  });

  it('attendance: a named person is enrolled (with the name) then recorded; a headcount is recorded alone, once per café', async () => {
    const file = csv([
      ['référence', 'référence du café', 'e-mail', 'téléphone', 'nom', 'participants anonymes'],
      ['P-1', 'C-1', 'camille@example.org', '', 'Camille', ''],
      ['P-2', 'C-1', '', '', '', '8'],
      ['P-3', 'C-1', '', '', '', '3'],
    ]);
    const cafeId = importedId('cafes', 'C-1', 'organizer-1');
    const [person, headcount, again] = await outcomesOf(file, options('attendance'));
    expect(person.status === 'valid' && person.requests).toEqual([
      { operation: 'enrolParticipant', method: 'POST', path: `/v1/cafes/${cafeId}/enrolments`, cafeId, body: { participant: { email: 'camille@example.org', name: 'Camille' } } },
      { operation: 'recordAttendance', method: 'POST', path: `/v1/cafes/${cafeId}/attendance`, cafeId, body: { attendees: [{ email: 'camille@example.org' }] } },
    ]);
    expect(headcount.status === 'valid' && headcount.requests).toEqual([{ operation: 'recordAttendance', method: 'POST', path: `/v1/cafes/${cafeId}/attendance`, cafeId, body: { anonymousCount: 8 } }]);
    expect(again).toMatchObject({ status: 'invalid', errors: [{ field: 'anonymous_count', message: expect.stringContaining('déjà donné ligne 3') }] });
  });

  it('La Coop’s export needs the structure its workshops belong to', async () => {
    await expect(planImport(Buffer.from('x'), { kind: 'coop_activities', importerKey: 'k' })).rejects.toMatchObject({ code: 'structure_required', status: 400 });
  });
});

describe('the dry run', () => {
  it('counts rows and lists errors, writing nothing', async () => {
    const report = await checkImport(Buffer.from(csv(STRUCTURES)), options('structures'));
    expect(report).toMatchObject({ kind: 'structures', format: 'csv', delimiter: ';', encoding: 'utf-8', headerLine: 1, rows: 3, valid: 2, invalid: 1, skipped: 0, errorsTruncated: false });
    expect(report.errors).toEqual([{ line: 3, field: 'kind', message: expect.any(String) }]);
  });

  it('keeps at most maxErrors errors and says so', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`S-${i}`, 'X', 'piscine', '69123', '']);
    const report = await checkImport(Buffer.from(csv([STRUCTURES[0], ...rows])), { ...options('structures'), maxErrors: 10 });
    expect(report).toMatchObject({ rows: 50, invalid: 50, errorsTruncated: true });
    expect(report.errors).toHaveLength(10);
  });

  it('a file refused past its start (too many rows) throws, so a job writes nothing', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`S-${i}`, 'X', 'autre', '69123', '']);
    const refusal = await checkImport(Buffer.from(csv([STRUCTURES[0], ...rows])), { ...options('structures'), limits: { maxRows: 20 } }).catch((e: unknown) => e);
    expect(isImportFileError(refusal) && [refusal.code, refusal.status, refusal.details.line]).toEqual(['too_many_rows', 413, 22]);
  });
});
