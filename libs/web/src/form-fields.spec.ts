import { checkbox, csrfField, errorSummary, fieldset, inputField, selectField } from './form-fields';

describe('DSFR form fields', () => {
  it('labels a field and ties its French error to it', () => {
    const field = inputField({ id: 'commune', label: 'Commune', hint: 'Code ou nom', value: 'Nulle-Part', error: 'Aucune commune ne s’appelle « Nulle-Part ».' }).value;
    expect(field).toContain('<label class="fr-label" for="commune">Commune<span class="fr-hint-text">Code ou nom</span></label>');
    expect(field).toContain('class="fr-input-group fr-input-group--error"');
    expect(field).toContain('class="fr-input fr-input--error"');
    expect(field).toContain('aria-describedby="commune-erreur"');
    expect(field).toContain('<p id="commune-erreur" class="fr-error-text">Aucune commune ne s’appelle « Nulle-Part ».</p>');
  });

  it('has no error state nor description when the field is right', () => {
    const field = inputField({ id: 'title', label: 'Titre', value: 'IA' }).value;
    expect(field).not.toMatch(/error|aria-describedby/);
  });

  it('escapes what was typed, so a value cannot become markup', () => {
    expect(inputField({ id: 'title', label: 'Titre', value: '"><script>x</script>' }).value).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });

  it('selects the chosen option of a select', () => {
    const select = selectField({ id: 's', label: 'Structure', value: 'b', placeholder: 'Choisir', choices: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }).value;
    expect(select).toContain('<option value="b" selected>B</option>');
    expect(select).toContain('<option value="">Choisir</option>');
  });

  it('shows a recorded checkbox ticked and disabled, and reads a group’s error with its legend', () => {
    expect(checkbox({ id: 'p', name: 'present', value: 'x', label: 'Camille', checked: true, disabled: true }).value).toContain('value="x" checked disabled');
    const group = fieldset({ id: 'presents', legend: 'Venus', error: 'Cochez quelqu’un.', items: '' }).value;
    expect(group).toContain('aria-labelledby="presents-legende presents-erreur"');
    expect(group).toContain('fr-fieldset--error');
  });

  it('carries the CSRF token, and lists a refused form’s errors with links to their fields', () => {
    expect(csrfField('t0k').value).toBe('<input type="hidden" name="_csrf" value="t0k">');
    expect(errorSummary('Corrigez', { date: 'Jour incorrect.' }, { date: 'reschedule-date' }).value).toContain('<a href="#reschedule-date">Jour incorrect.</a>');
    expect(errorSummary('Corrigez', {}).value).toBe('');
  });
});
