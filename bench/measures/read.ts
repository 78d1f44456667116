/**
 * rawSqliteReadEventsPerSec: every event read with plain better-sqlite3 (one SELECT in position order,
 * iterated) and its data and metadata parsed — nothing else: the floor under any rebuild.
 * portReadAllEventsPerSec: the same through the port (`readAll` pages of 10,000, as a rebuild reads).
 */
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@cafeia/event-store';
import { Progress } from '../support/progress';
import { rate } from './append';

export interface ReadResults {
  rawSqliteReadEventsPerSec: number;
  portReadAllEventsPerSec: number;
  events: number;
}

export async function measureReads(storeFile: string, total: number): Promise<ReadResults> {
  const db = new Database(storeFile, { readonly: true });
  const rows = db.prepare('SELECT position, event_id, stream_id, stream_version, type, data, metadata, chain_hash FROM events ORDER BY position');
  let events = 0;
  let checksum = 0;
  let progress = new Progress('raw read', total);
  let t = performance.now();
  for (const row of rows.iterate() as IterableIterator<{ data: string; metadata: string; stream_version: number }>) {
    const data = JSON.parse(row.data) as object;
    const metadata = JSON.parse(row.metadata) as object;
    // keep the parse observable so it cannot be optimised away
    checksum += row.stream_version + (data ? 1 : 0) + (metadata ? 1 : 0);
    if (++events % 100_000 === 0) progress.update(events);
  }
  const rawMs = performance.now() - t;
  progress.done(events);
  db.close();
  if (checksum === 0 && events > 0) throw new Error('unreachable');

  const store = new SqliteEventStore(storeFile);
  progress = new Progress('port readAll', total);
  let after: string | undefined;
  let portEvents = 0;
  t = performance.now();
  for (;;) {
    const page = await store.readAll(after === undefined ? { limit: 10_000 } : { after, limit: 10_000 });
    if (page.length === 0) break;
    portEvents += page.length;
    after = page[page.length - 1].position;
    progress.update(portEvents);
  }
  const portMs = performance.now() - t;
  progress.done(portEvents);
  await store.close();
  return { rawSqliteReadEventsPerSec: rate(events, rawMs), portReadAllEventsPerSec: rate(portEvents, portMs), events };
}
