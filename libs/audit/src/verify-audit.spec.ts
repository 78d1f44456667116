import { streams } from '@cafeia/domain';
import { auditStreamIds, loadAuditStreams } from './load-audit-streams';
import { EventScanCafeDirectory } from './cafe-directory';
import { AuditWorld, FUNDING } from './testing/audit-world';
import { verifyAudit } from './verify-audit';

function world() {
  const w = new AuditWorld();
  w.cafe('c', { startsAt: '2026-05-01T14:00:00Z' });
  w.attend('c', ['p-anne', 'p-bob'], '2026-05-01T16:00:00Z');
  w.headcount('c', 3, 0, '2026-05-01T16:00:00Z');
  return w;
}

async function streamIdsOf(w: AuditWorld) {
  const store = w.log.asStore();
  const loaded = await loadAuditStreams(store, new EventScanCafeDirectory(store), FUNDING);
  return auditStreamIds(FUNDING, loaded!);
}

describe('verifying the chains behind an audit', () => {
  it('recomputes every event of every stream behind the report', async () => {
    const w = world();
    const ids = await streamIdsOf(w);
    expect(ids).toEqual([streams.funding(FUNDING), streams.funder('funder-a'), streams.structure('s-lyon'), streams.structure('s-paris'), streams.cafe('c')]);
    const eventsBehind = ids.reduce((n, id) => n + w.log.stream(id).length, 0);
    expect(await verifyAudit(w.log.asStore(), ids)).toEqual({ verified: true, eventsChecked: eventsBehind, streamsChecked: 5 });
  });

  it('fails on an event whose data was edited and names it', async () => {
    const w = world();
    const ids = await streamIdsOf(w);
    const attendance = w.log.stream(streams.cafe('c')).find((e) => e.type === 'AttendanceRecorded')!;
    attendance.data.participantId = 'p-someone-else';
    const result = await verifyAudit(w.log.asStore(), ids);
    expect(result).toMatchObject({
      verified: false,
      firstMismatch: { eventId: attendance.eventId, streamId: streams.cafe('c'), streamVersion: attendance.streamVersion, reason: 'chain_hash_mismatch' },
    });
  });

  it('fails on a stream with an event removed', async () => {
    const w = world();
    const ids = await streamIdsOf(w);
    const store = w.log.asStore();
    const gappy = { readStream: async (id: string) => (await store.readStream(id)).filter((e) => !(id === streams.cafe('c') && e.streamVersion === 1)) };
    expect(await verifyAudit(gappy, ids)).toMatchObject({ verified: false, firstMismatch: { streamId: streams.cafe('c'), streamVersion: 2, reason: 'stream_version_gap' } });
  });

  it('loads nothing for an unknown funding', async () => {
    const store = world().log.asStore();
    expect(await loadAuditStreams(store, new EventScanCafeDirectory(store), 'no-such-funding')).toBeNull();
  });
});
