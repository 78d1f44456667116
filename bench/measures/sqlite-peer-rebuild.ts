/**
 * peerRebuildEventsPerSec: the Emmett SQLite peer (0.38.5) rebuilding a reach read model from its own store
 * (the peer sample just appended by the append measure), with its event store consumer: a processor that
 * takes every message in position order and stores its checkpoint after each, one transaction per pulled
 * batch, into tables of the same file (Emmett SQLite's projections live beside its events) — per café:
 * enrolled, attended, anonymous headcount; per structure: cafés and attendances (the same read model as the
 * PostgreSQL peer's, postgres-peer.ts). The consumer has no "stop when caught up": it stops after the last
 * position, read before it starts. Pulled 1,000 at a time with no pause between pulls (the defaults, 100 and
 * 50 ms, would make the pause the measure).
 */
import Database from 'better-sqlite3';
import { Progress } from '../support/progress';

export interface SqlitePeerRebuild {
  events: number;
  ms: number;
  pullingBatchSize: number;
  check: { attendanceEvents: number; attendedInReadModel: number };
}

const PULLING_BATCH_SIZE = 1000;

interface PeerMessage {
  type: string;
  data: Record<string, unknown>;
  metadata: { globalPosition: bigint };
}

interface SqliteConnection {
  command(sql: string, values?: unknown[]): Promise<unknown>;
}

export async function rebuildSqlitePeer(peerFile: string, attendanceEvents: number): Promise<SqlitePeerRebuild> {
  const sqlite = require('@event-driven-io/emmett-sqlite') as {
    getSQLiteEventStore(options: unknown): {
      consumer(options: unknown): {
        processor(options: {
          processorId: string;
          eachMessage: (message: PeerMessage, context: { connection: SqliteConnection }) => Promise<void>;
          stopAfter: (message: PeerMessage) => boolean;
        }): unknown;
        start(): Promise<void>;
        close(): Promise<void>;
      };
    };
  };
  // the read model's tables and the last position, before the clock starts
  const db = new Database(peerFile);
  const { last, events } = db.prepare('SELECT max(global_position) AS last, count(*) AS events FROM emt_messages').get() as { last: number; events: number };
  db.exec(`
    CREATE TABLE IF NOT EXISTS peer_structure_reach (structure_id TEXT PRIMARY KEY, cafes INTEGER NOT NULL DEFAULT 0, attended INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE IF NOT EXISTS peer_cafe_reach (cafe_id TEXT PRIMARY KEY, structure_id TEXT NOT NULL, enrolled INTEGER NOT NULL DEFAULT 0, attended INTEGER NOT NULL DEFAULT 0, anonymous INTEGER NOT NULL DEFAULT 0);
  `);
  db.close();
  const lastPosition = BigInt(last);

  const store = sqlite.getSQLiteEventStore({ fileName: peerFile, schema: { autoMigration: 'None' } });
  const consumer = store.consumer({ pulling: { batchSize: PULLING_BATCH_SIZE, pullingFrequencyInMs: 0 } });
  const progress = new Progress('Emmett SQLite peer rebuild', events);
  consumer.processor({
    processorId: 'bench_reach',
    eachMessage: async (message, { connection }) => {
      const d = message.data;
      switch (message.type) {
        case 'StructureRegistered':
          await connection.command('INSERT INTO peer_structure_reach (structure_id) VALUES (?) ON CONFLICT DO NOTHING', [d.structureId]);
          break;
        case 'CafeScheduled':
          await connection.command('INSERT INTO peer_cafe_reach (cafe_id, structure_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [d.cafeId, d.structureId]);
          await connection.command('INSERT INTO peer_structure_reach (structure_id, cafes) VALUES (?, 1) ON CONFLICT (structure_id) DO UPDATE SET cafes = cafes + 1', [d.structureId]);
          break;
        case 'ParticipantEnrolled':
          await connection.command('UPDATE peer_cafe_reach SET enrolled = enrolled + 1 WHERE cafe_id = ?', [d.cafeId]);
          break;
        case 'EnrolmentCancelled':
          await connection.command('UPDATE peer_cafe_reach SET enrolled = enrolled - 1 WHERE cafe_id = ?', [d.cafeId]);
          break;
        case 'AttendanceRecorded':
          await connection.command('UPDATE peer_cafe_reach SET attended = attended + 1 WHERE cafe_id = ?', [d.cafeId]);
          await connection.command('UPDATE peer_structure_reach SET attended = attended + 1 WHERE structure_id = (SELECT structure_id FROM peer_cafe_reach WHERE cafe_id = ?)', [d.cafeId]);
          break;
        case 'AnonymousHeadcountDeclared':
          await connection.command('UPDATE peer_cafe_reach SET anonymous = ? WHERE cafe_id = ?', [d.count, d.cafeId]);
          break;
        default:
          break;
      }
    },
    stopAfter: (message) => message.metadata.globalPosition >= lastPosition,
  });
  const t = performance.now();
  let ms: number;
  try {
    await consumer.start();
    ms = performance.now() - t;
  } finally {
    await consumer.close(); // it waits 250 ms after closing its connection: not counted
  }
  progress.done(events);

  const check = new Database(peerFile, { readonly: true });
  const attended = (check.prepare('SELECT coalesce(sum(attended), 0) AS n FROM peer_cafe_reach').get() as { n: number }).n;
  check.close();
  return { events, ms, pullingBatchSize: PULLING_BATCH_SIZE, check: { attendanceEvents, attendedInReadModel: attended } };
}
