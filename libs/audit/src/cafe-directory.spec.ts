import { EventScanCafeDirectory } from './cafe-directory';
import { AuditWorld, ELSEWHERE, LYON, PARIS } from './testing/audit-world';

describe('finding the cafés of structures by scanning the log', () => {
  it('finds every café scheduled by the given structures, across pages', async () => {
    const world = new AuditWorld();
    world.cafe('lyon-1', { structureId: LYON, startsAt: '2026-03-01T10:00:00Z' });
    world.attend('lyon-1', ['p-a', 'p-b'], '2026-03-01T12:00:00Z');
    world.cafe('paris-1', { structureId: PARIS, startsAt: '2026-03-01T10:00:00Z' });
    world.cafe('elsewhere-1', { structureId: ELSEWHERE, startsAt: '2026-03-01T10:00:00Z' });
    world.cafe('lyon-2', { structureId: LYON, startsAt: '2026-04-01T10:00:00Z' });
    const directory = new EventScanCafeDirectory(world.log.asStore(), 2);
    expect((await directory.cafeIdsOfStructures([LYON, PARIS])).sort()).toEqual(['lyon-1', 'lyon-2', 'paris-1']);
    expect(await directory.cafeIdsOfStructures([])).toEqual([]);
  });
});
