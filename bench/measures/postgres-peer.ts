/**
 * The second peer (issue 12, "A stronger peer"): Emmett's PostgreSQL event store
 * (`@event-driven-io/emmett-postgresql` 0.42.0 with `@event-driven-io/emmett` and `@event-driven-io/pongo`,
 * dev dependencies of the harness only), on the local PostgreSQL, in a database of its own.
 *
 *  - appends: the first `peerSample` events of the dataset (the same seed and batches as the append
 *    measure, regenerated here because PostgreSQL is up only from this step on), one `appendToStream`
 *    per stream append with its expected version — interleaved, batch by batch, with our SQLite store's
 *    per-call path (`append`, one call per stream append) and its bulk path (`appendMany`), each into a
 *    fresh file. Ours is the PostgreSQL-free SQLite store: the at-scale event store is EventStoreDB/KurrentDB
 *    (libs/event-store/src/eventstoredb), not PostgreSQL — we have no PostgreSQL event store to set beside it.
 *  - a projection rebuild: Emmett's `rebuildPostgreSQLProjections` over its own store (the events just
 *    appended) into a reach read model in the same database — per café: enrolled, attended, anonymous
 *    headcount; per structure: cafés and attendances (`postgreSQLRawSQLProjection`: Emmett 0.42's async
 *    projector hands the projection one event at a time and stores its checkpoint after each, in one
 *    transaction per pulled batch) — vs our `buildGeneration` (every read model of libs/projections) from
 *    the same events (the per-call SQLite file) into a fresh PostgreSQL database, in its own process.
 *
 * Without the package, the step fails with "peer not installed (…)": recorded as not measured, never a number.
 */
import { join } from 'node:path';
import { Client } from 'pg';
import { SqliteEventStore } from '@cafeia/event-store';
import { NationalDataset } from '../generator/national-dataset';
import { Progress } from '../support/progress';
import { rate, removeDb, round2 } from './append';
import { PeerSink } from './peer-sink';

export interface PostgresPeerResults {
  sampleEvents: number;
  streamAppends: number;
  /** ours, measured in this step beside the peer (the append step's figures are measured beside the SQLite peer) */
  ours: { appendPerCallEventsPerSec: number; appendManyEventsPerSec: number };
  peerPostgresAppendEventsPerSec: number;
  /** ours per call ÷ peer: the same appends, one call each */
  appendVsPostgresPeer: number;
  /** ours bulk (appendMany) ÷ peer */
  appendManyVsPostgresPeer: number;
  rebuild: {
    ours: { events: number; seconds: number; eventsPerSec: number; peakRssMb: number; readModels: string };
    peer: {
      events: number;
      seconds: number;
      eventsPerSec: number;
      /** events the projection handled (the others are read, upcast and skipped) */
      handledEvents: number;
      pullingBatchSize: number;
      projection: string;
      /** the read model checked against the events appended: attendances and cafés counted */
      check: { attendanceEvents: number; attendedInReadModel: number; cafesScheduled: number; cafesInReadModel: number };
    };
  };
  peerPostgresRebuildEventsPerSec: number;
  /** ours ÷ peer, the same events */
  rebuildVsPostgresPeer: number;
}

export interface RebuildRun {
  events: number;
  seconds: number;
  eventsPerSec: number;
  peakRssMb: number;
}

/** events the consumer pulls per read (and per transaction); Emmett's default is 100, with 50 ms between pulls */
const PULLING_BATCH_SIZE = 1000;

export async function measurePostgresPeer(options: {
  dir: string;
  events: number;
  peerSample: number;
  postgresUrl: string;
  /** our rebuild (bench/children/rebuild.js --store FILE --postgres URL) */
  rebuildOurs: (storeFile: string, postgresUrl: string, events: number) => Promise<RebuildRun>;
  seed?: number;
  batchEvents?: number;
}): Promise<PostgresPeerResults> {
  // the package first: no database is made for a peer that is not there
  try {
    require.resolve('@event-driven-io/emmett-postgresql');
  } catch (error) {
    throw new Error(`peer not installed (@event-driven-io/emmett-postgresql: ${(error as Error).message.split('\n')[0]})`);
  }
  const suffix = Date.now().toString(36);
  const peerDatabase = `cafeia_bench_emmett_${suffix}`;
  const oursDatabase = `cafeia_bench_peer_ours_${suffix}`;
  const perCallFile = join(options.dir, 'pg-peer-per-call.db');
  const bulkFile = join(options.dir, 'pg-peer-bulk.db');
  for (const file of [perCallFile, bulkFile]) removeDb(file);
  await pgAdmin(options.postgresUrl, `CREATE DATABASE ${peerDatabase}`);
  await pgAdmin(options.postgresUrl, `CREATE DATABASE ${oursDatabase}`);
  try {
    const peerUrl = withDatabase(options.postgresUrl, peerDatabase);
    const opened = await PeerSink.openPostgres(peerUrl);
    if ('missing' in opened) throw new Error(opened.missing);
    const peer = opened.sink;

    // 1. appends, batch by batch: ours per call, ours bulk, the peer
    const dataset = new NationalDataset({ events: options.events, seed: options.seed, batchEvents: options.batchEvents ?? 1000 });
    const perCall = new SqliteEventStore(perCallFile);
    const bulk = new SqliteEventStore(bulkFile);
    let perCallMs = 0;
    let bulkMs = 0;
    let peerMs = 0;
    let sampleEvents = 0;
    let streamAppends = 0;
    const counts = { attendance: 0, cafes: 0, handled: 0 };
    const progress = new Progress('Emmett PostgreSQL peer appends', options.peerSample);
    try {
      for (const batch of dataset.batches()) {
        if (sampleEvents >= options.peerSample) break;
        let t = performance.now();
        for (const entry of batch) await perCall.append(entry.streamId, entry.events, entry.expectedVersion);
        perCallMs += performance.now() - t;
        t = performance.now();
        await bulk.appendMany(batch);
        bulkMs += performance.now() - t;
        t = performance.now();
        await peer.append(batch);
        peerMs += performance.now() - t;
        for (const entry of batch) {
          streamAppends++;
          sampleEvents += entry.events.length;
          for (const event of entry.events) {
            if (event.type === 'AttendanceRecorded') counts.attendance++;
            if (event.type === 'CafeScheduled') counts.cafes++;
            if (HANDLED.includes(event.type)) counts.handled++;
          }
        }
        progress.update(sampleEvents);
      }
      progress.done(sampleEvents);
    } finally {
      await perCall.close();
      await bulk.close();
      await peer.close().catch(() => undefined);
    }
    removeDb(bulkFile);
    const peerAppend = rate(sampleEvents, peerMs);
    const oursPerCall = rate(sampleEvents, perCallMs);
    const oursBulk = rate(sampleEvents, bulkMs);

    // 2. the peer's rebuild, over its own store
    const peerRebuild = await rebuildPeer(peerUrl, sampleEvents);
    const check = await checkReadModel(peerUrl);

    // 3. ours, the same events, in its own process
    const ours = await options.rebuildOurs(perCallFile, withDatabase(options.postgresUrl, oursDatabase), sampleEvents);
    removeDb(perCallFile);

    const peerRebuildRate = rate(sampleEvents, peerRebuild.ms);
    return {
      sampleEvents,
      streamAppends,
      ours: { appendPerCallEventsPerSec: oursPerCall, appendManyEventsPerSec: oursBulk },
      peerPostgresAppendEventsPerSec: peerAppend,
      appendVsPostgresPeer: round2(oursPerCall / peerAppend),
      appendManyVsPostgresPeer: round2(oursBulk / peerAppend),
      rebuild: {
        ours: { ...ours, readModels: 'every read model of libs/projections (buildGeneration into a fresh PostgreSQL schema)' },
        peer: {
          events: sampleEvents,
          seconds: round2(peerRebuild.ms / 1000),
          eventsPerSec: peerRebuildRate,
          handledEvents: counts.handled,
          pullingBatchSize: PULLING_BATCH_SIZE,
          projection: 'rebuildPostgreSQLProjections + postgreSQLRawSQLProjection: reach per café (enrolled, attended, anonymous) and per structure (cafés, attended)',
          check: { attendanceEvents: counts.attendance, attendedInReadModel: check.attended, cafesScheduled: counts.cafes, cafesInReadModel: check.cafes },
        },
      },
      peerPostgresRebuildEventsPerSec: peerRebuildRate,
      rebuildVsPostgresPeer: round2(ours.eventsPerSec / peerRebuildRate),
    };
  } finally {
    for (const file of [perCallFile, bulkFile]) removeDb(file);
    await pgAdmin(options.postgresUrl, `DROP DATABASE IF EXISTS ${peerDatabase} WITH (FORCE)`).catch(() => undefined);
    await pgAdmin(options.postgresUrl, `DROP DATABASE IF EXISTS ${oursDatabase} WITH (FORCE)`).catch(() => undefined);
  }
}

const HANDLED = ['StructureRegistered', 'CafeScheduled', 'ParticipantEnrolled', 'EnrolmentCancelled', 'AttendanceRecorded', 'AnonymousHeadcountDeclared'];

interface PeerEvent {
  type: string;
  data: Record<string, unknown>;
}

/**
 * `%L` placeholders filled with quoted literals, as dumbo's `sql` (pg-format) does: Emmett 0.42's SQL is a
 * plain string, and dumbo is only a dependency of the peer's packages, not ours.
 */
function sql(query: string, ...params: unknown[]): string {
  let i = 0;
  return query.replace(/%L/g, () => {
    const value = params[i++];
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'number') return String(value);
    return `'${String(value).replace(/'/g, "''")}'`;
  });
}

/** the reach read model, as an Emmett raw-SQL projection: one event in, its statements out */
function reachProjection(postgresql: EmmettPostgresql): unknown {
  return postgresql.postgreSQLRawSQLProjection({
    name: 'bench_reach',
    canHandle: HANDLED,
    init: () => [
      sql('CREATE TABLE IF NOT EXISTS peer_structure_reach (structure_id text PRIMARY KEY, cafes integer NOT NULL DEFAULT 0, attended integer NOT NULL DEFAULT 0)'),
      sql('CREATE TABLE IF NOT EXISTS peer_cafe_reach (cafe_id text PRIMARY KEY, structure_id text NOT NULL, enrolled integer NOT NULL DEFAULT 0, attended integer NOT NULL DEFAULT 0, anonymous integer NOT NULL DEFAULT 0)'),
    ],
    evolve: (event: PeerEvent) => {
      const d = event.data;
      switch (event.type) {
        case 'StructureRegistered':
          return sql('INSERT INTO peer_structure_reach (structure_id) VALUES (%L) ON CONFLICT DO NOTHING', d.structureId);
        case 'CafeScheduled':
          return [
            sql('INSERT INTO peer_cafe_reach (cafe_id, structure_id) VALUES (%L, %L) ON CONFLICT DO NOTHING', d.cafeId, d.structureId),
            sql('INSERT INTO peer_structure_reach (structure_id, cafes) VALUES (%L, 1) ON CONFLICT (structure_id) DO UPDATE SET cafes = peer_structure_reach.cafes + 1', d.structureId),
          ];
        case 'ParticipantEnrolled':
          return sql('UPDATE peer_cafe_reach SET enrolled = enrolled + 1 WHERE cafe_id = %L', d.cafeId);
        case 'EnrolmentCancelled':
          return sql('UPDATE peer_cafe_reach SET enrolled = enrolled - 1 WHERE cafe_id = %L', d.cafeId);
        case 'AttendanceRecorded':
          return [
            sql('UPDATE peer_cafe_reach SET attended = attended + 1 WHERE cafe_id = %L', d.cafeId),
            sql('UPDATE peer_structure_reach s SET attended = s.attended + 1 FROM peer_cafe_reach c WHERE c.cafe_id = %L AND s.structure_id = c.structure_id', d.cafeId),
          ];
        case 'AnonymousHeadcountDeclared':
          return sql('UPDATE peer_cafe_reach SET anonymous = %L WHERE cafe_id = %L', d.count, d.cafeId);
        default:
          return [];
      }
    },
  });
}

async function rebuildPeer(peerUrl: string, events: number): Promise<{ ms: number }> {
  const postgresql = require('@event-driven-io/emmett-postgresql') as EmmettPostgresql;
  const progress = new Progress('Emmett PostgreSQL peer rebuild', events);
  const consumer = postgresql.rebuildPostgreSQLProjections({
    connectionString: peerUrl,
    projection: reachProjection(postgresql),
    // no pause between pulls: Emmett's 50 ms default would make the pause the measure
    pulling: { batchSize: PULLING_BATCH_SIZE, pullingFrequencyInMs: 0 },
  });
  const t = performance.now();
  try {
    await consumer.start();
    const ms = performance.now() - t;
    progress.done(events);
    return { ms };
  } finally {
    await consumer.close();
  }
}

async function checkReadModel(peerUrl: string): Promise<{ attended: number; cafes: number }> {
  const client = new Client({ connectionString: peerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ attended: string | null; cafes: string }>('SELECT sum(attended) AS attended, count(*) AS cafes FROM peer_cafe_reach');
    return { attended: Number(rows[0].attended ?? 0), cafes: Number(rows[0].cafes) };
  } finally {
    await client.end();
  }
}

interface EmmettPostgresql {
  postgreSQLRawSQLProjection(options: {
    name: string;
    canHandle: string[];
    init?: () => string[];
    evolve: (event: PeerEvent) => string | string[];
  }): unknown;
  rebuildPostgreSQLProjections(options: { connectionString: string; projection: unknown; pulling?: { batchSize?: number; pullingFrequencyInMs?: number } }): {
    start(): Promise<unknown>;
    close(): Promise<void>;
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function pgAdmin(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
