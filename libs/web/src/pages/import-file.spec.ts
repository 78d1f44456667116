import { importFilePage, type ImportFileView } from './import-file';

const view = (overrides: Partial<ImportFileView> = {}): ImportFileView => ({
  csrfToken: 'jeton+/=',
  kinds: [
    { value: 'cafes', label: 'Cafés', hint: 'Les cafés.', template: '/mes-cafes/import/modeles/cafes.csv' },
    { value: 'attendance', label: 'Présences', hint: 'Les personnes venues.', template: '/mes-cafes/import/modeles/attendance.csv' },
  ],
  structures: [{ id: '11111111-1111-4111-8111-111111111111', name: 'Médiathèque <Rennes>' }],
  errors: {},
  maxMegabytes: 20,
  ...overrides,
});

describe('the import form', () => {
  it('posts the file as multipart with the CSRF token in the query string, and says the check records nothing', () => {
    const page = importFilePage(view()).value;
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain('action="/mes-cafes/import?_csrf=jeton%2B%2F%3D"');
    expect(page).toContain('Vérifier le fichier (essai, rien n’est enregistré)');
    expect(page).toMatch(/<div class="fr-upload-group" id="fichier">[\s\S]*<input class="fr-upload" type="file" id="file" name="file"/);
  });

  it('offers the kinds the caller may import, each with its template, and the ids of their structures', () => {
    const page = importFilePage(view()).value;
    expect(page).toContain('name="kind" value="cafes"');
    expect(page).toContain('name="kind" value="attendance"');
    expect(page).not.toContain('value="structures"');
    expect(page).toContain('href="/mes-cafes/import/modeles/cafes.csv"');
    expect(page).toContain('href="/mes-cafes/import/modeles/attendance.csv"');
    expect(page).toContain('Médiathèque &lt;Rennes&gt; : <code>11111111-1111-4111-8111-111111111111</code>');
  });

  it('shows a refused upload’s errors beside their fields and keeps the kind chosen', () => {
    const page = importFilePage(view({ kind: 'attendance', errors: { file: 'Le fichier dépasse 20 Mo : découpez-le.' } })).value;
    expect(page).toContain('fr-upload-group fr-upload-group--error');
    expect(page).toContain('<p id="file-erreur" class="fr-error-text">Le fichier dépasse 20 Mo : découpez-le.</p>');
    expect(page).toContain('aria-describedby="file-erreur"');
    expect(page).toMatch(/value="attendance" checked/);
    expect(page).not.toMatch(/value="cafes" checked/);
  });

  it('shows a refused file as an alert', () => {
    const page = importFilePage(view({ alert: 'Colonnes manquantes pour un fichier de cafés.' })).value;
    expect(page).toContain('Le fichier n’a pas pu être vérifié');
    expect(page).toContain('Colonnes manquantes pour un fichier de cafés.');
  });

  it('has no form for a role that may import nothing', () => {
    const page = importFilePage(view({ kinds: [] })).value;
    expect(page).not.toContain('<form');
    expect(page).toContain('Votre rôle ne permet d’importer aucun type de fichier.');
  });
});
