import 'reflect-metadata';
import { ruleViolation } from '@cafeia/domain';
import { Territories } from '@cafeia/territories';
import { badRequest, forbidden } from '../../http/problem';
import { CancelCafeDto, EnrolDto, RecordAttendanceDto, ScheduleCafeDto } from '../../cafes/cafes.dto';
import { readAttendanceForm, readCancelForm, readEnrolForm, readScheduleForm, walkInMessage } from './cafe-forms';
import { submitForm } from './form-submission';

const STRUCTURE = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const PERSON = '0b8e7f6d-5c4b-4a39-8281-7f6e5d4c3b2a';
const territories = Territories.official();

const scheduleBody = (overrides: Record<string, unknown> = {}) => ({
  _csrf: 'token',
  id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
  structureId: STRUCTURE,
  title: 'L’IA au quotidien',
  format: 'atelier',
  date: '2026-06-10',
  time: '18:00',
  endTime: '20:00',
  commune: '35000',
  capacity: '25',
  audience: '',
  online: 'oui',
  animatorIds: ['1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e'],
  ...overrides,
});

describe('the organizer’s forms, read into the API’s commands', () => {
  it('reads the schedule form into ScheduleCafeDto’s body: Paris times with their offset, the commune found, numbers as numbers', () => {
    const { _csrf: _, ...body } = scheduleBody();
    const reading = readScheduleForm(body, territories);
    expect(reading.errors).toEqual({});
    expect(reading.plain).toEqual({
      id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
      structureId: STRUCTURE,
      title: 'L’IA au quotidien',
      format: 'atelier',
      startsAt: '2026-06-10T18:00:00+02:00',
      endsAt: '2026-06-10T20:00:00+02:00',
      communeCode: '35238',
      capacity: 25,
      online: true,
      animatorIds: ['1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e'],
    });
  });

  it('dispatches the schedule form once it passes the API’s own DTO rules', async () => {
    const { _csrf: _, ...body } = scheduleBody();
    const run = jest.fn(async (input: ScheduleCafeDto) => input.structureId);
    const outcome = await submitForm(ScheduleCafeDto, readScheduleForm(body, territories), run);
    expect(outcome).toEqual({ ok: true, result: STRUCTURE });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('shows each wrong field beside itself, in French, and dispatches nothing', async () => {
    const { _csrf: _, ...body } = scheduleBody({ title: '   ', capacity: 'trente', date: '2026-02-30', commune: 'Nulle-Part-sur-Mer' });
    const run = jest.fn();
    const outcome = await submitForm(ScheduleCafeDto, readScheduleForm(body, territories), run);
    expect(run).not.toHaveBeenCalled();
    expect(outcome).toEqual({
      ok: false,
      status: 400,
      alert: undefined,
      errors: {
        title: 'Donnez un titre au café (200 caractères au plus).',
        capacity: 'Indiquez un nombre entier de places, de 1 à 100 000.',
        date: 'Indiquez un jour (JJ/MM/AAAA) et une heure (HH:MM) valides.',
        commune: expect.stringContaining('Aucune commune ne s’appelle'),
      },
    });
  });

  it('refuses a field the API does not know, like the API does', async () => {
    const { _csrf: _, ...body } = scheduleBody();
    const reading = readScheduleForm(body, territories);
    reading.plain.sneaky = true;
    const outcome = await submitForm(ScheduleCafeDto, reading, jest.fn());
    expect(outcome.ok).toBe(false);
  });

  it('offers the communes to choose from, and takes the one chosen', () => {
    const { _csrf: _, ...body } = scheduleBody({ commune: 'Saint-Martin' });
    const ambiguous = readScheduleForm(body, territories);
    expect(ambiguous.errors.commune).toContain('choisissez');
    expect(ambiguous.communeCandidates.length).toBeGreaterThan(1);
    const chosen = readScheduleForm({ ...body, communeChoice: ambiguous.communeCandidates[1].code }, territories);
    expect(chosen.errors).toEqual({});
    expect(chosen.plain.communeCode).toBe(ambiguous.communeCandidates[1].code);
  });

  it('shows the command’s refusal beside its field, or as an alert when it concerns no field', async () => {
    const { _csrf: _, ...body } = scheduleBody();
    const endsBefore = await submitForm(ScheduleCafeDto, readScheduleForm(body, territories), async () => {
      throw ruleViolation('ends_before_start', 'A café must end after it starts.', 'endsAt');
    });
    expect(endsBefore).toEqual({ ok: false, status: 422, errors: { endTime: 'La fin doit être après le début.' }, alert: undefined });
    const outside = await submitForm(ScheduleCafeDto, readScheduleForm(body, territories), async () => {
      throw forbidden('Scheduling a café: this is outside your scope.');
    });
    expect(outside).toEqual({ ok: false, status: 403, errors: {}, alert: expect.stringContaining('hors de votre périmètre') });
    await expect(submitForm(ScheduleCafeDto, readScheduleForm(body, territories), async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
  });

  it('reads the attendance sheet: the ticked, the walk-ins with their names, the headcount', () => {
    const reading = readAttendanceForm({ present: [PERSON, PERSON], walkIns: 'lea@example.org, Léa\n06 12 34 56 78', anonymousCount: '3' });
    expect(reading.errors).toEqual({});
    expect(reading.plain).toEqual({ attendees: [{ participantId: PERSON }, { email: 'lea@example.org', name: 'Léa' }, { phone: '06 12 34 56 78' }], anonymousCount: 3 });
  });

  it('names the wrong line of the walk-ins and dispatches nothing', async () => {
    const run = jest.fn();
    const outcome = await submitForm(RecordAttendanceDto, readAttendanceForm({ present: PERSON, walkIns: 'lea@example.org\n\nlea@', anonymousCount: '3' }), run);
    expect(run).not.toHaveBeenCalled();
    expect(outcome).toEqual({ ok: false, status: 400, errors: { walkIns: 'Ligne 3 : adresse électronique invalide.' }, alert: undefined });
  });

  it('places the API’s error on a walk-in at its line', async () => {
    const reading = readAttendanceForm({ present: PERSON, walkIns: 'lea@example.org\n\nmax@example.org' });
    const outcome = await submitForm(
      RecordAttendanceDto,
      reading,
      async () => {
        throw badRequest('attendees[2].email is not a valid email address', [{ field: 'attendees[2].email', message: 'is not a valid email address' }]);
      },
      (e) => walkInMessage(e.field, 'adresse électronique invalide', 1, reading.walkIns),
    );
    expect(outcome).toEqual({ ok: false, status: 400, errors: { walkIns: 'Ligne 3 : adresse électronique invalide.' }, alert: undefined });
  });

  it('refuses a headcount that is not a whole number with the API’s rule', async () => {
    const outcome = await submitForm(RecordAttendanceDto, readAttendanceForm({ anonymousCount: '-2' }), jest.fn());
    expect(outcome).toEqual({ ok: false, status: 400, errors: { anonymousCount: 'Indiquez un nombre entier, zéro ou plus (100 000 au plus).' }, alert: undefined });
  });

  it('reads the enrolment and the cancellation forms', async () => {
    expect(readEnrolForm({ email: ' camille@example.org ', phone: '', name: 'Camille' }).plain).toEqual({ participant: { email: 'camille@example.org', name: 'Camille' } });
    const blank = await submitForm(CancelCafeDto, readCancelForm({ reason: '  ' }), jest.fn());
    expect(blank).toEqual({ ok: false, status: 400, errors: { reason: 'Indiquez la raison de l’annulation (500 caractères au plus).' }, alert: undefined });
    const enrol = await submitForm(EnrolDto, readEnrolForm({ email: 'x'.repeat(300) + '@example.org' }), jest.fn());
    expect(enrol).toEqual({ ok: false, status: 400, errors: { email: 'Adresse électronique invalide.' }, alert: undefined });
  });
});
