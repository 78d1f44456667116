import { schemaVersions, type EventOfType } from './events';
import { createUpcast, decodeStored, upcast, upcastEvent, UpcastError, type UpcasterRegistry } from './upcasters';

const cafeScheduledV1: EventOfType<'CafeScheduled'>['data'] = {
  cafeId: 'c-1',
  structureId: 's-1',
  title: "L'IA au quotidien",
  format: 'discussion',
  startsAt: '2025-03-10T18:00:00+01:00',
  endsAt: null,
  communeCode: '69383',
  capacity: null,
  audience: null,
  online: false,
  animatorIds: ['a-1'],
  scheduledAt: '2025-02-01T09:00:00Z',
};

describe('reading events stored under today’s versions', () => {
  it('a current-version event is returned as stored', () => {
    expect(upcast('CafeScheduled', 1, cafeScheduledV1)).toEqual(cafeScheduledV1);
  });

  it('an event from a newer release is refused rather than misread', () => {
    expect(() => upcast('CafeScheduled', 2, cafeScheduledV1)).toThrow(UpcastError);
  });

  it('an unknown event type is refused', () => {
    expect(() => upcastEvent('CafeTeleported', 1, {})).toThrow(UpcastError);
  });

  it('a stored event is rebuilt as a domain event', () => {
    expect(upcastEvent('CafeScheduled', 1, cafeScheduledV1)).toEqual({ type: 'CafeScheduled', data: cafeScheduledV1 });
  });
});

describe('upcasting an older version (hypothetical v0 of CafeScheduled)', () => {
  // Suppose v0 stored a single `animatorId` and no `online` flag; v1 is today's shape.
  const v0 = { ...cafeScheduledV1, animatorIds: undefined, online: undefined, animatorId: 'a-1' };
  const registry: UpcasterRegistry = {
    CafeScheduled: {
      0: ({ animatorId, animatorIds: _ids, online: _online, ...rest }) => ({
        ...rest,
        animatorIds: animatorId === null || animatorId === undefined ? [] : [animatorId],
        online: false,
      }),
    },
  };
  const upcastWithV0 = createUpcast(registry, schemaVersions);

  it('a v0 payload is read in the current shape', () => {
    expect(upcastWithV0('CafeScheduled', 0, v0)).toEqual(cafeScheduledV1);
  });

  it('a v0 payload without a step registered is refused', () => {
    expect(() => upcast('CafeScheduled', 0, v0)).toThrow(/no upcaster for CafeScheduled from v0 to v1/);
  });

  it('steps chain through every version up to the current one', () => {
    const chained = createUpcast(
      { StructureRegistered: { 1: (data) => ({ ...data, siret: data.siret ?? null }), 2: (data) => ({ ...data, name: String(data.name).trim() }) } },
      { ...schemaVersions, StructureRegistered: 3 },
    );
    expect(chained('StructureRegistered', 1, { structureId: 's-1', name: ' MJC ', kind: 'other', communeCode: '69123' })).toEqual({
      structureId: 's-1',
      name: 'MJC',
      kind: 'other',
      communeCode: '69123',
      siret: null,
    });
  });
});

describe('the steps registered today', () => {
  it('a structure registered before v2 has no address and no postcode', () => {
    const v1 = { structureId: 's-1', name: 'MJC', kind: 'association', communeCode: '69123', siret: null };
    expect(upcast('StructureRegistered', 1, v1)).toEqual({ ...v1, address: null, postalCode: null });
  });

  it('an animator registered before v2 is not listed in the public directory', () => {
    const v1 = { animatorId: 'a-1', displayName: 'Inès', communeCode: '69123', structureId: null };
    expect(upcast('AnimatorRegistered', 1, v1)).toEqual({ ...v1, listed: false });
  });

  it('a v2 event is read as stored', () => {
    const v2 = { animatorId: 'a-1', displayName: 'Inès', communeCode: '69123', structureId: null, listed: true };
    expect(decodeStored({ type: 'AnimatorRegistered', data: v2, metadata: { schemaVersion: 2 } })).toEqual({ type: 'AnimatorRegistered', data: v2 });
    expect(decodeStored({ type: 'AnimatorRegistered', data: { ...v2, listed: undefined }, metadata: { schemaVersion: 1 } })).toMatchObject({ data: { listed: false } });
  });
});
