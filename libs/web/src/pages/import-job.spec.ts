import { frenchRowMessage, importJobPage, importJobRefreshes, type ImportJobSummary, type ImportJobView } from './import-job';

const job = (overrides: Partial<ImportJobSummary> = {}): ImportJobSummary => ({
  id: '22222222-2222-4222-8222-222222222222',
  kindLabel: 'cafés',
  status: 'done',
  dryRun: true,
  rows: 3,
  processed: 3,
  accepted: 2,
  rejected: 1,
  skipped: 0,
  errors: [{ line: 4, field: 'starts_at', message: '« demain soir » n’est pas une date et heure.' }],
  errorsTruncated: false,
  problem: null,
  createdAt: '2026-06-15T10:00:00.000Z',
  finishedAt: '2026-06-15T10:00:01.000Z',
  ...overrides,
});

const view = (overrides: Partial<ImportJobSummary> = {}, more: Partial<ImportJobView> = {}): ImportJobView => ({ csrfToken: 'jeton', job: job(overrides), importable: true, ...more });

describe('an import job’s page', () => {
  it('lists a dry run’s refused rows by line and column, with its counts, and offers to import for real', () => {
    const page = importJobPage(view()).value;
    expect(page).toContain('Essai d’un fichier de cafés');
    expect(page).toContain('rien n’a été enregistré');
    expect(page).toMatch(/<tr data-line="4" data-field="starts_at"><td class="cafeia-num">4<\/td><td><code>starts_at<\/code><\/td><td>« demain soir » n’est pas une date et heure.<\/td><\/tr>/);
    expect(page).toContain('data-figure="accepted" data-value="2"');
    expect(page).toContain('data-figure="rejected" data-value="1"');
    expect(page).toContain('<form method="post" action="/mes-cafes/import/22222222-2222-4222-8222-222222222222"');
    expect(page).toContain('<input type="hidden" name="_csrf" value="jeton">');
    expect(page).toContain('Importer pour de bon');
  });

  it('offers no real import when no row passed, or when the file is no longer kept', () => {
    expect(importJobPage(view({ accepted: 0, rejected: 3 })).value).not.toContain('Importer pour de bon');
    const gone = importJobPage(view({}, { importable: false })).value;
    expect(gone).not.toContain('Importer pour de bon');
    expect(gone).toContain('Ce fichier n’est plus conservé');
  });

  it('shows a running import’s progress and reloads itself until it ends', () => {
    const running = job({ dryRun: false, status: 'running', rows: 200, processed: 50, accepted: 50, rejected: 0, errors: [], finishedAt: null });
    const page = importJobPage(view(running)).value;
    expect(page).toContain('<progress id="avancement" max="200" value="50"');
    expect(page).toContain('en cours');
    expect(page).not.toContain('<form');
    expect(importJobRefreshes(running)).toBe(true);
    expect(importJobRefreshes(job({ status: 'queued' }))).toBe(true);
    expect(importJobRefreshes(job({ status: 'done' }))).toBe(false);
    expect(importJobRefreshes(job({ status: 'failed' }))).toBe(false);
  });

  it('shows a finished import’s counts and a failed one’s reason, in French', () => {
    const done = importJobPage(view({ dryRun: false, accepted: 2, rejected: 1 })).value;
    expect(done).toContain('Import terminé');
    expect(done).toContain('2 lignes importées, 1 ligne refusée');
    expect(done).not.toContain('<progress');
    const failed = importJobPage(view({ dryRun: false, status: 'failed', problem: 'L’import s’est arrêté sur une erreur inattendue vers la ligne 12.' })).value;
    expect(failed).toContain('échoué');
    expect(failed).toContain('vers la ligne 12');
  });

  it('escapes what comes from the file', () => {
    const page = importJobPage(view({ errors: [{ line: 2, field: '<b>', message: '<script>x</script>' }] })).value;
    expect(page).not.toContain('<script>x');
    expect(page).toContain('&lt;script&gt;');
  });
});

describe('a row’s message', () => {
  it('keeps the API’s French messages as they are', () => {
    expect(frenchRowMessage('La fin doit être après le début.')).toBe('La fin doit être après le début.');
    expect(frenchRowMessage('Hors de votre périmètre (les cafés de vos structures) : vous ne pouvez pas programmer un café pour cette structure.')).toContain('Hors de votre périmètre');
  });

  it('turns a rule the API relays in English into French', () => {
    expect(frenchRowMessage('Valeur refusée par l’API : title must be shorter than or equal to 200 characters.')).toBe('Valeur refusée par l’API : 200 caractères au plus.');
    expect(frenchRowMessage('Valeur refusée par l’API : participant.email must be an email.')).toBe('Valeur refusée par l’API : adresse électronique invalide.');
    expect(frenchRowMessage('Valeur refusée par l’API : foo must satisfy something odd.')).toBe('Valeur refusée par l’API : valeur non conforme aux règles de l’API.');
  });
});
