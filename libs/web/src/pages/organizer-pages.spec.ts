import type { CafeItem } from '@cafeia/projections';
import { cafeWorkspacePage, type CafeActions, type SheetPerson } from './cafe-workspace';
import { cancelCafePage } from './cancel-cafe';
import { myCafesPage } from './my-cafes';
import { scheduleCafePage } from './schedule-cafe';

const cafe = (overrides: Partial<CafeItem> = {}): CafeItem => ({
  id: '11111111-1111-4111-8111-111111111111',
  structureId: 'lib',
  title: 'L’IA <au> quotidien',
  format: 'atelier',
  startsAt: '2026-06-10T16:00:00.000Z',
  endsAt: null,
  communeCode: '35238',
  territory: { commune: '35238', department: '35', region: '53', epci: '243500139' },
  status: 'held',
  awaitingAttendance: false,
  capacity: 20,
  audience: null,
  online: false,
  animatorIds: [],
  enrolled: 4,
  attended: 3,
  attendedNamed: 3,
  anonymous: 3,
  attendances: 6,
  scheduledAt: '2026-06-01T10:00:00.000Z',
  cancellationReason: null,
  cancelledAt: null,
  rescheduledAfterAttendance: false,
  firstAttendanceAt: null,
  ...overrides,
});

const person = (overrides: Partial<SheetPerson>): SheetPerson => ({ participantId: 'p', enrolmentId: 'e', name: null, contact: null, erased: false, attended: false, ...overrides });

const actions = (people: SheetPerson[], overrides: Partial<CafeActions> = {}): CafeActions => ({
  csrfToken: 'csrf-token',
  started: true,
  people,
  anonymousCount: 3,
  attendance: { values: {}, errors: {} },
  enrol: { values: {}, errors: {} },
  reschedule: { values: { date: '2026-06-10', time: '18:00' }, errors: {} },
  ...overrides,
});

const view = (a: CafeActions | null, c = cafe()) => ({ cafe: c, structureName: 'Médiathèque', communeName: 'Rennes', animatorNames: [], actions: a });

describe('the organizer’s pages', () => {
  it('shows a café’s counts as the API names them', () => {
    const page = cafeWorkspacePage(view(null)).value;
    for (const [name, value] of [['enrolled', 4], ['attendedNamed', 3], ['anonymous', 3], ['attendances', 6]]) expect(page).toContain(`data-figure="${name}" data-value="${value}"`);
    expect(page).toContain('L’IA &lt;au&gt; quotidien');
  });

  it('shows no one and no form to a reader who may not act on the café', () => {
    const page = cafeWorkspacePage(view(null)).value;
    expect(page).not.toContain('<form');
    expect(page).not.toContain('feuille-de-presence');
  });

  it('lists the sheet by name, recorded ones ticked and disabled, the erased as « personne effacée », with the headcount prefilled', () => {
    const people = [
      person({ participantId: 'p1', name: 'Camille', contact: 'camille@example.org', attended: true }),
      person({ participantId: 'p2', contact: '+33612345678' }),
      person({ participantId: 'p3', erased: true }),
    ];
    const page = cafeWorkspacePage(view(actions(people))).value;
    expect(page).toMatch(/name="present" value="p1" checked disabled>\s*<label class="fr-label" for="present-0">Camille<span class="fr-hint-text">présence enregistrée — camille@example.org/);
    expect(page).toMatch(/name="present" value="p2">\s*<label class="fr-label" for="present-1">06 12 34 56 78</);
    expect(page).toContain('>personne effacée<');
    expect(page).toMatch(/id="anonymousCount" name="anonymousCount" value="3"/);
    expect(page.match(/name="_csrf" value="csrf-token"/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps what was typed in a refused sheet and says which line is wrong beside the walk-ins', () => {
    const refused = actions([person({ participantId: 'p2', contact: 'x@example.org' })], {
      attendance: { values: { present: ['p2'], walkIns: 'a@example.org\nmax@', anonymousCount: '5' }, errors: { walkIns: 'Ligne 2 : adresse électronique invalide.' } },
    });
    const page = cafeWorkspacePage(view(refused)).value;
    expect(page).toMatch(/value="p2" checked>/);
    expect(page).toContain('aria-describedby="walkIns-erreur"');
    expect(page).toContain('<p id="walkIns-erreur" class="fr-error-text">Ligne 2 : adresse électronique invalide.</p>');
    expect(page).toContain('>a@example.org\nmax@</textarea>');
    expect(page).toMatch(/id="anonymousCount" name="anonymousCount" value="5"/);
  });

  it('opens the sheet only once the café has started, and offers cancelling only before any attendance', () => {
    const upcoming = cafeWorkspacePage(view(actions([], { started: false }), cafe({ status: 'scheduled', attendances: 0, attendedNamed: 0, anonymous: 0 }))).value;
    expect(upcoming).toContain('La feuille de présence s’ouvre au début du café');
    expect(upcoming).toContain('href="/mes-cafes/11111111-1111-4111-8111-111111111111/annulation"');
    expect(cafeWorkspacePage(view(actions([]))).value).not.toContain('/annulation"');
  });

  it('shows a cancelled café with its reason and no form to change it', () => {
    const page = cafeWorkspacePage(view(actions([]), cafe({ status: 'cancelled', attendances: 0, cancellationReason: 'Plus de salle', cancelledAt: '2026-06-05T10:00:00Z' }))).value;
    expect(page).toContain('Plus de salle');
    expect(page).not.toContain('/presences"');
    expect(page).not.toContain('/reprogrammation"');
  });

  it('asks to confirm a cancellation with its reason, in its own form', () => {
    const page = cancelCafePage({ cafe: cafe({ status: 'scheduled' }), csrfToken: 't', error: 'Indiquez la raison.' }).value;
    expect(page).toContain('action="/mes-cafes/11111111-1111-4111-8111-111111111111/annulation"');
    expect(page).toContain('Confirmer l’annulation');
    expect(page).toContain('aria-describedby="reason-erreur"');
  });

  it('lists the cafés in their three lists, with a link to the sheet of those to report', () => {
    const page = myCafesPage({
      upcoming: [cafe({ id: 'up', status: 'scheduled' })],
      toReport: [cafe({ id: 'due', status: 'scheduled', awaitingAttendance: true })],
      held: { items: [cafe({ id: 'held' })], page: 1, pageSize: 50, total: 1 },
      structures: [{ id: 'lib', name: 'Médiathèque' }],
      communeNames: { '35238': 'Rennes' },
      canSchedule: true,
    }).value;
    const order = ['id="a-venir"', 'data-cafe="up"', 'id="a-saisir"', 'data-cafe="due"', 'href="/mes-cafes/due#feuille-de-presence"', 'id="tenus"', 'data-cafe="held"'].map((s) => page.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).toContain('href="/mes-cafes/nouveau"');
    // one structure: no filter
    expect(page).not.toContain('id="structureId"');
  });

  it('shows the schedule form with the usual formats, the Paris time fields, the structure preselected and the commune choices', () => {
    const page = scheduleCafePage({
      csrfToken: 't',
      formId: 'form-id',
      structures: [{ id: 'lib', name: 'Médiathèque', communeName: 'Rennes' }],
      animators: [{ id: 'a1', displayName: 'Camille D.', communeName: 'Rennes', trainingStatus: 'completed' }],
      animatorsScope: 'du département : Ille-et-Vilaine',
      values: { commune: 'Saint-Martin', animatorIds: ['a1'] },
      errors: { commune: 'Plusieurs communes correspondent : choisissez la bonne.' },
      communeCandidates: [{ code: '65392', name: 'Saint-Martin', context: 'Hautes-Pyrénées (65) · Occitanie' }],
    }).value;
    expect(page).toContain('<option value="lib" selected>Médiathèque (Rennes)</option>');
    expect(page).toContain('list="formats-usuels"');
    expect(page).toContain('<option value="démonstration"></option>');
    expect(page).toMatch(/type="date" id="date"/);
    expect(page).toMatch(/type="time" id="time"/);
    expect(page).toContain('name="communeChoice" value="65392"');
    expect(page).toContain('name="animatorIds" value="a1" checked');
    expect(page).toContain('<input type="hidden" name="id" value="form-id">');
    expect(page).toContain('href="#choix-commune"');
  });
});
