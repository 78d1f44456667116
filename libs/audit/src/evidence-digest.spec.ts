import { createHash } from 'node:crypto';
import { canonicalJson, type StoredEvent } from '@cafeia/event-store';
import { computeAuditReport } from './compute-audit-report';
import { AuditWorld } from './testing/audit-world';

const NOW = '2026-06-15T12:00:00Z';

function worldWithHistory() {
  const world = new AuditWorld();
  world.cafe('c', { startsAt: '2026-05-01T14:00:00Z' });
  world.attend('c', ['p-anne', 'p-bob'], '2026-05-01T16:00:00Z');
  world.headcount('c', 3, 0, '2026-05-01T16:00:00Z');
  return world;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('evidence: the digest of the events a report was computed from', () => {
  it('counts the events used and hashes (streamId, streamVersion, eventId, chainHash) sorted by stream and version', () => {
    const world = worldWithHistory();
    const report = world.report(NOW);
    const input = world.input();
    const used: StoredEvent[] = [...input.funding, ...input.funder, input.structures[0], input.structures[1], ...input.cafes].flat();
    const entries = used
      .map(({ streamId, streamVersion, eventId, metadata }) => ({ streamId, streamVersion, eventId, chainHash: metadata.chainHash }))
      .sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : a.streamVersion - b.streamVersion));
    expect(report.evidence).toEqual({
      events: used.length,
      streams: 5, // funding, funder, two structures, one café (the unsupported structure is not evidence)
      algorithm: 'sha256',
      digest: createHash('sha256').update(canonicalJson(entries)).digest('hex'),
    });
  });

  it('is the same for the same events, whenever and in whatever order they are handed over', () => {
    const world = worldWithHistory();
    const input = world.input();
    const first = computeAuditReport({ ...input, now: new Date(NOW) })!;
    const again = computeAuditReport({ ...clone(input), structures: [...input.structures].reverse(), now: new Date('2026-06-20T12:00:00Z') })!;
    expect(again.evidence).toEqual(first.evidence);
  });

  it('changes when any event is different', () => {
    const original = worldWithHistory().report(NOW).evidence.digest;
    const otherHeadcount = new AuditWorld();
    otherHeadcount.cafe('c', { startsAt: '2026-05-01T14:00:00Z' });
    otherHeadcount.attend('c', ['p-anne', 'p-bob'], '2026-05-01T16:00:00Z');
    otherHeadcount.headcount('c', 4, 0, '2026-05-01T16:00:00Z');
    expect(otherHeadcount.report(NOW).evidence.digest).not.toBe(original);
    const oneMore = worldWithHistory();
    oneMore.enrol('c', 'p-chloe', '2026-05-02T10:00:00Z');
    expect(oneMore.report(NOW).evidence.digest).not.toBe(original);
  });

  it('changes when a stored event is edited in place, its stored chain hash left as it was', () => {
    const world = worldWithHistory();
    const input = clone(world.input());
    const before = computeAuditReport({ ...input, now: new Date(NOW) })!.evidence.digest;
    const headcount = input.cafes[0].find((e) => e.type === 'AnonymousHeadcountDeclared')!;
    headcount.data.count = 30;
    const after = computeAuditReport({ ...input, now: new Date(NOW) })!;
    expect(after.evidence.digest).not.toBe(before);
    expect(after.figures.anonymousAttendees).toBe(30);
  });

  it('covers only the events up to asOf, so an earlier report keeps its digest', () => {
    const world = worldWithHistory();
    const then = world.report('2026-05-10T12:00:00Z');
    world.headcount('c', 5, 3, '2026-05-20T10:00:00Z');
    const now = world.report(NOW);
    expect(now.evidence.events).toBe(then.evidence.events + 1);
    expect(now.evidence.digest).not.toBe(then.evidence.digest);
    expect(world.report(NOW, '2026-05-10').evidence).toEqual(then.evidence);
  });
});
