/**
 * commandsPerSec: RecordAttendance commands through THE command pipeline as the API runs it
 * (`handleCommand` with a `StateCache` of 5,000 streams, the API's default: read the events after the cached
 * revision → fold → decide → append with the expected version → read back), in process, on the full
 * dataset store, against 2,000 cafés drawn at random across the whole log (the run without the cache uses 2,000 others) (streams of ~90 events). Each
 * command records one new person; `concurrency` commands are in flight at once, as concurrent requests
 * would be. `withoutStateCache`: the same with no cache (every command reads and folds the whole stream),
 * to show what the cache buys.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { cafeDecider, decodeKnown, DomainError, schemaVersions, type CafeCommand, type CafeEvent, type CafeState } from '@cafeia/domain';
import { handleCommand, newEventId, SqliteEventStore, StateCache, type FoldableEvent } from '@cafeia/event-store';
import { Random } from '../generator/random';
import { rate } from './append';

export interface CommandResults {
  commandsPerSec: number;
  /** the same commands without the state cache */
  withoutStateCache: { commandsPerSec: number; commands: number; refused: number };
  commands: number;
  refused: number;
  seconds: number;
  cafes: number;
  meanCafeStreamLength: number;
  concurrency: number;
}

const NOW = '2026-09-01T00:00:00.000Z'; // after every café of the dataset has started

type Execute = (store: SqliteEventStore, streamId: string, command: CafeCommand) => Promise<{ nextExpectedVersion: number }>;

const metadata = () => ({ correlationId: randomUUID(), causationId: null, actor: { sub: 'user:bench', role: 'organizer' }, recordedAt: NOW });
const upcastCafe = (event: FoldableEvent) => decodeKnown(event) as CafeEvent;

const throughPipeline =
  (cache: StateCache<CafeState> | undefined): Execute =>
  (store, streamId, command) =>
    handleCommand<CafeCommand, CafeEvent, CafeState>(store, {
      streamId,
      decider: cafeDecider,
      command,
      metadata: metadata(),
      newEventId: () => newEventId(),
      schemaVersionOf: (event) => schemaVersions[event.type],
      upcast: upcastCafe,
      cache,
    });

async function drive(storeFile: string, cafes: string[], execute: Execute, seconds: number, concurrency: number) {
  // as the API opens it: the appends of concurrent commands share a commit
  const store = new SqliteEventStore(storeFile, { groupCommit: true });
  const random = new Random(99);
  let commands = 0;
  let refused = 0;
  let streamEvents = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline) {
      const streamId = random.pick(cafes);
      const command: CafeCommand = {
        type: 'RecordAttendance',
        cafeId: streamId.slice('cafe-'.length),
        attendees: [{ participantId: randomUUID(), enrolmentId: randomUUID() }],
        anonymousCount: null,
        now: NOW,
      };
      try {
        const result = await execute(store, streamId, command);
        streamEvents += result.nextExpectedVersion + 1;
        commands++;
      } catch (error) {
        // a cancelled café refuses attendance: a domain answer, not a failure of the pipeline
        if (error instanceof DomainError) refused++;
        else throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - started;
  await store.close();
  return { commandsPerSec: rate(commands + refused, ms), commands, refused, ms, streamEvents };
}

export async function measureCommands(storeFile: string, options: { seconds: number; concurrency?: number }): Promise<CommandResults> {
  const concurrency = options.concurrency ?? 8;
  // two disjoint samples: the second drive must not meet streams the first one lengthened
  const sample = sampleCafeStreams(storeFile, 4000);
  if (sample.length < 2) throw new Error('no café in the store');
  const cafes = sample.slice(0, Math.ceil(sample.length / 2));
  const others = sample.slice(cafes.length);
  const { commandsPerSec, commands, refused, ms, streamEvents } = await drive(storeFile, cafes, throughPipeline(new StateCache<CafeState>(5_000)), options.seconds, concurrency);
  const uncached = await drive(storeFile, others, throughPipeline(undefined), options.seconds, concurrency);
  return {
    commandsPerSec,
    withoutStateCache: { commandsPerSec: uncached.commandsPerSec, commands: uncached.commands, refused: uncached.refused },
    commands,
    refused,
    seconds: Math.round(ms / 100) / 10,
    cafes: cafes.length,
    meanCafeStreamLength: commands > 0 ? Math.round(streamEvents / commands) : 0,
    concurrency,
  };
}

/** Café streams met at random positions of the log (no full scan: the store has no index on type). */
function sampleCafeStreams(storeFile: string, wanted: number): string[] {
  const db = new Database(storeFile, { readonly: true });
  const head = (db.prepare('SELECT max(position) AS head FROM events').get() as { head: number | null }).head ?? 0;
  const at = db.prepare('SELECT stream_id FROM events WHERE position = ?');
  const random = new Random(17);
  const found = new Set<string>();
  for (let tries = 0; tries < wanted * 20 && found.size < wanted; tries++) {
    const row = at.get(random.int(1, head)) as { stream_id: string } | undefined;
    if (row?.stream_id.startsWith('cafe-')) found.add(row.stream_id);
  }
  db.close();
  return [...found];
}
