import { randomUUID } from 'node:crypto';
import { ParticipantDirectory } from '../apps/api/src/participants/participant-directory';
import { ApiHarness, startApi } from './support/api-harness';

/**
 * What the organizer's workspace added to the API: the cafés of one structure (`GET /v1/cafes?structureId`), inside
 * the caller's scope; a walk-in's name kept with their contact; a person's personal data opened for a sheet, and
 * « erased » once the right to erasure is exercised.
 */
describe('the organizer’s additions to the API', () => {
  let api: ApiHarness;
  let council: string;
  let last = '0';
  const ids = { lib: randomUUID(), asso: randomUUID(), other: randomUUID(), c1: randomUUID(), c2: randomUUID(), c3: randomUUID() };

  const write = async (path: string, body: unknown, method = 'POST') => {
    const written = await api.ok(method, path, { token: council, body });
    if (written.position && BigInt(written.position) > BigInt(last)) last = written.position;
    return written;
  };
  const cafeIds = async (query: string, token = council) => {
    const res = await api.request('GET', `/v1/cafes?${query}&minPosition=${last}`, { token });
    return { status: res.status, ids: res.status === 200 ? res.body.items.map((c: { id: string }) => c.id).sort() : res.body };
  };

  beforeAll(async () => {
    api = await startApi();
    council = api.token({ role: 'council' });
    await write('/v1/structures', { id: ids.lib, name: 'Médiathèque', kind: 'media_library', communeCode: '35238' });
    await write('/v1/structures', { id: ids.asso, name: 'Association', kind: 'association', communeCode: '35238' });
    await write('/v1/structures', { id: ids.other, name: 'Mairie', kind: 'town_hall', communeCode: '69123' });
    await write('/v1/cafes', { id: ids.c1, structureId: ids.lib, title: 'Un', format: 'atelier', startsAt: '2026-06-10T18:00:00+02:00' });
    await write('/v1/cafes', { id: ids.c2, structureId: ids.asso, title: 'Deux', format: 'atelier', startsAt: '2026-06-11T18:00:00+02:00' });
    await write('/v1/cafes', { id: ids.c3, structureId: ids.other, title: 'Trois', format: 'atelier', startsAt: '2026-06-12T18:00:00+02:00' });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lists the cafés of one structure for the council, and a coordinator inside their territory', async () => {
    expect(await cafeIds(`structureId=${ids.lib}`)).toEqual({ status: 200, ids: [ids.c1] });
    const brittany = api.token({ role: 'coordinator', territory: 'region:53' });
    expect(await cafeIds(`structureId=${ids.asso}`, brittany)).toEqual({ status: 200, ids: [ids.c2] });
    // a structure elsewhere: nothing of it inside their territory
    expect(await cafeIds(`structureId=${ids.other}`, brittany)).toEqual({ status: 200, ids: [] });
  });

  it('narrows an organizer to one of their structures, and refuses another’s with a 403', async () => {
    const organizer = api.token({ role: 'organizer', structureIds: [ids.lib, ids.asso] });
    expect(await cafeIds('status=scheduled', organizer)).toEqual({ status: 200, ids: [ids.c1, ids.c2].sort() });
    expect(await cafeIds(`structureId=${ids.asso}`, organizer)).toEqual({ status: 200, ids: [ids.c2] });
    expect((await cafeIds(`structureId=${ids.other}`, organizer)).status).toBe(403);
    expect((await cafeIds(`structureId=${randomUUID()}`, organizer)).status).toBe(403);
  });

  it('refuses a structure filter that is not a UUID with a 400 naming it', async () => {
    const res = await api.request('GET', '/v1/cafes?structureId=lib', { token: council });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['structureId']);
  });

  it('keeps a walk-in’s name with their contact, opens it for a sheet, and says « erased » after erasure', async () => {
    const attendance = await write(`/v1/cafes/${ids.c1}/attendance`, { attendees: [{ email: 'Lea@Example.org', name: 'Léa Martin' }, { phone: '06 12 34 56 78' }] });
    const [lea, phone] = attendance.participantIds;
    const people = api.app.get(ParticipantDirectory);
    expect(await people.reveal(lea)).toEqual({ status: 'known', participantId: lea, email: 'lea@example.org', phone: null, name: 'Léa Martin' });
    expect(await people.reveal(phone)).toEqual({ status: 'known', participantId: phone, email: null, phone: '+33612345678', name: null });
    await write(`/v1/participants/${lea}`, undefined, 'DELETE');
    expect(await people.reveal(lea)).toEqual({ status: 'erased', participantId: lea });
    const unknown = randomUUID();
    expect(await people.reveal(unknown)).toEqual({ status: 'unknown', participantId: unknown });
  });

  it('refuses a name on an attendee that is too long, like the other fields', async () => {
    const res = await api.request('POST', `/v1/cafes/${ids.c2}/attendance`, { token: council, body: { attendees: [{ email: 'x@example.org', name: 'x'.repeat(201) }] } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['attendees[0].name']);
  });
});
