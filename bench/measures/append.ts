/**
 * appendEventsPerSec, rawSqliteInsertsPerSec, appendVsRaw, peerAppendEventsPerSec.
 *
 * The national dataset is generated once, batch by batch, and each batch is handed in turn to:
 *  - the SQLite event store through the port's bulk path (`appendMany`: one transaction per batch of
 *    ~1,000 events over many streams, each stream append with its expected version) — this file is the
 *    dataset every later measure reads;
 *  - plain better-sqlite3 inserts of the same rows in the same batches (raw-sqlite-sink.ts): the limit;
 *  - over the first `peerSample` events only (the peer is slower and has no multi-stream batch): the
 *    SQLite event store through `append` (one call and one transaction per stream append, as the command
 *    pipeline does), and Emmett's SQLite event store through `appendToStream`, the same appends.
 * Only the time inside each sink is counted; generating the events is not.
 * Then, when `rebuildOurs` is given, a rebuild of that sample: the peer's (its consumer over its own file,
 * sqlite-peer-rebuild.ts) and ours (`buildGeneration` of the per-call file into a fresh SQLite generation).
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@cafeia/event-store';
import { NationalDataset, type DatasetStats } from '../generator/national-dataset';
import { Progress } from '../support/progress';
import { PeerSink } from './peer-sink';
import type { RebuildRun } from './postgres-peer';
import { RawSqliteSink } from './raw-sqlite-sink';
import { rebuildSqlitePeer } from './sqlite-peer-rebuild';

export interface AppendResults {
  events: number;
  datasetStats: DatasetStats;
  generationSeconds: number;
  appendEventsPerSec: number;
  rawSqliteInsertsPerSec: number;
  appendVsRaw: number;
  /** the store's rate (appendMany) and the raw rate over each tenth of the load: how appends age with size */
  appendCurve: { eventsInStore: number; appendPerSec: number; rawPerSec: number }[];
  peerSampleEvents: number;
  /** our store over the peer sample, one `append` per stream append (what the peer does) */
  appendPerCallEventsPerSec: number;
  peerAppendEventsPerSec: number | null;
  /** appendPerCall ÷ peer: the same appends, one call each */
  appendVsPeer: number | null;
  /** our bulk path (appendMany, first peerSample events) ÷ peer */
  appendManyVsPeer: number | null;
  peerNote: string | null;
  /** the peer sample rebuilt: ours into SQLite, the peer into its own file (null: not measured, see peerRebuildNote) */
  sampleRebuild: {
    ours: RebuildRun;
    peer: { events: number; seconds: number; eventsPerSec: number; pullingBatchSize: number; projection: string; check: { attendanceEvents: number; attendedInReadModel: number } };
  } | null;
  rebuildSampleEventsPerSec: number | null;
  peerRebuildEventsPerSec: number | null;
  /** ours ÷ peer over the same events */
  rebuildVsPeer: number | null;
  peerRebuildNote: string | null;
  storeFile: string;
  bytesPerEvent: number;
  storeBytes: number;
}

export async function measureAppends(options: {
  dir: string;
  events: number;
  peerSample: number;
  batchEvents?: number;
  seed?: number;
  /** our rebuild of the sample into SQLite (bench/children/rebuild.js --store FILE --sqlite DIR) */
  rebuildOurs?: (storeFile: string, sqliteDir: string, events: number) => Promise<RebuildRun>;
}): Promise<AppendResults> {
  const { dir, events } = options;
  const storeFile = join(dir, 'events.db');
  const rawFile = join(dir, 'raw.db');
  const perCallFile = join(dir, 'per-call.db');
  const peerFile = join(dir, 'peer.db');
  for (const file of [storeFile, rawFile, perCallFile, peerFile]) removeDb(file);

  const dataset = new NationalDataset({ events, seed: options.seed, batchEvents: options.batchEvents ?? 1000 });
  const store = new SqliteEventStore(storeFile);
  const raw = new RawSqliteSink(rawFile);
  const perCall = new SqliteEventStore(perCallFile);
  const peerOpened = await PeerSink.open(peerFile);
  let peer = 'sink' in peerOpened ? peerOpened.sink : null;
  let peerNote = 'missing' in peerOpened ? peerOpened.missing : null;

  let storeMs = 0;
  let rawMs = 0;
  let perCallMs = 0;
  let peerMs = 0;
  let storeSampleMs = 0;
  let sampleEvents = 0;
  let sampleAttendances = 0;
  const curve: AppendResults['appendCurve'] = [];
  let tenth = { storeMs: 0, rawMs: 0, events: 0 };
  const progress = new Progress('append', events);
  const started = performance.now();

  for (const batch of dataset.batches()) {
    const size = batch.reduce((n, entry) => n + entry.events.length, 0);
    let t = performance.now();
    await store.appendMany(batch);
    const storeBatchMs = performance.now() - t;
    t = performance.now();
    raw.insert(batch);
    const rawBatchMs = performance.now() - t;
    storeMs += storeBatchMs;
    rawMs += rawBatchMs;
    tenth.storeMs += storeBatchMs;
    tenth.rawMs += rawBatchMs;
    tenth.events += size;

    if (sampleEvents < options.peerSample) {
      sampleEvents += size;
      for (const entry of batch) for (const event of entry.events) if (event.type === 'AttendanceRecorded') sampleAttendances++;
      storeSampleMs += storeBatchMs;
      t = performance.now();
      for (const entry of batch) await perCall.append(entry.streamId, entry.events, entry.expectedVersion);
      perCallMs += performance.now() - t;
      if (peer) {
        t = performance.now();
        try {
          await peer.append(batch);
          peerMs += performance.now() - t;
        } catch (error) {
          // the peer failing must not cost the dataset: note it and go on without it
          peerNote = `peer failed after ${sampleEvents - size} events: ${(error as Error).message}`;
          await peer.close().catch(() => undefined);
          peer = null;
        }
      }
    }
    if (tenth.events >= events / 10) {
      curve.push({ eventsInStore: dataset.stats.events, appendPerSec: rate(tenth.events, tenth.storeMs), rawPerSec: rate(tenth.events, tenth.rawMs) });
      tenth = { storeMs: 0, rawMs: 0, events: 0 };
    }
    progress.update(dataset.stats.events);
  }
  if (tenth.events > 0) curve.push({ eventsInStore: dataset.stats.events, appendPerSec: rate(tenth.events, tenth.storeMs), rawPerSec: rate(tenth.events, tenth.rawMs) });
  progress.done(dataset.stats.events);
  const generationSeconds = (performance.now() - started - storeMs - rawMs - perCallMs - peerMs) / 1000;

  await store.close(); // the last connection's close checkpoints the WAL into the file
  raw.close();
  await perCall.close();
  await peer?.close().catch(() => undefined);
  removeDb(rawFile);

  // the sample rebuilt, by the peer from its file and by us from the per-call file
  let sampleRebuild: AppendResults['sampleRebuild'] = null;
  let peerRebuildNote: string | null = null;
  if (!options.rebuildOurs) peerRebuildNote = 'not asked';
  else if (!peer) peerRebuildNote = `no peer store to rebuild from: ${peerNote ?? 'peer failed'}`;
  else {
    const readModels = join(dir, 'peer-sample-read-models');
    try {
      const peerRun = await rebuildSqlitePeer(peerFile, sampleAttendances);
      const ours = await options.rebuildOurs(perCallFile, readModels, sampleEvents);
      sampleRebuild = {
        ours,
        peer: {
          events: peerRun.events,
          seconds: round2(peerRun.ms / 1000),
          eventsPerSec: rate(peerRun.events, peerRun.ms),
          pullingBatchSize: peerRun.pullingBatchSize,
          projection: 'event store consumer, one processor: reach per café (enrolled, attended, anonymous) and per structure (cafés, attended), checkpoint per message',
          check: peerRun.check,
        },
      };
    } catch (error) {
      peerRebuildNote = `peer rebuild failed: ${(error as Error).message.split('\n')[0].slice(0, 300)}`;
    } finally {
      rmSync(readModels, { recursive: true, force: true });
    }
  }
  for (const file of [perCallFile, peerFile]) removeDb(file);

  const total = dataset.stats.events;
  const storeBytes = statSync(storeFile).size;
  const appendEventsPerSec = rate(total, storeMs);
  const rawSqliteInsertsPerSec = rate(total, rawMs);
  const appendPerCallEventsPerSec = rate(sampleEvents, perCallMs);
  const peerAppendEventsPerSec = peer ? rate(sampleEvents, peerMs) : null;
  if (peer && peer.retries > 0) peerNote = `the peer met SQLITE_BUSY ${peer.retries} times (tried again, time included)`;
  return {
    events: total,
    datasetStats: dataset.stats,
    generationSeconds,
    appendEventsPerSec,
    rawSqliteInsertsPerSec,
    appendVsRaw: round2(appendEventsPerSec / rawSqliteInsertsPerSec),
    appendCurve: curve,
    peerSampleEvents: sampleEvents,
    appendPerCallEventsPerSec,
    peerAppendEventsPerSec,
    appendVsPeer: peerAppendEventsPerSec ? round2(appendPerCallEventsPerSec / peerAppendEventsPerSec) : null,
    appendManyVsPeer: peerAppendEventsPerSec ? round2(rate(sampleEvents, storeSampleMs) / peerAppendEventsPerSec) : null,
    peerNote,
    sampleRebuild,
    rebuildSampleEventsPerSec: sampleRebuild?.ours.eventsPerSec ?? null,
    peerRebuildEventsPerSec: sampleRebuild?.peer.eventsPerSec ?? null,
    rebuildVsPeer: sampleRebuild ? round2(sampleRebuild.ours.eventsPerSec / sampleRebuild.peer.eventsPerSec) : null,
    peerRebuildNote,
    storeFile,
    storeBytes,
    bytesPerEvent: Math.round(storeBytes / total),
  };
}

export function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

export const rate = (events: number, ms: number): number => (ms > 0 ? Math.round((events * 1000) / ms) : 0);
export const round2 = (x: number): number => Math.round(x * 100) / 100;
