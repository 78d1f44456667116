/**
 * `npm run bench:data -- --events 10M [--out bench/data/events.db] [--seed N] [--batch 1000]`
 * Writes a national dataset through the EventStore port (the SQLite adapter's `appendMany`: batches of
 * stream appends, each with its expected version), with a progress bar and the rate.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SqliteEventStore } from '@cafeia/event-store';
import { NationalDataset } from './generator/national-dataset';
import { parseArgs, parseCount } from './support/args';
import { Progress, fmt } from './support/progress';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const events = parseCount(args.get('events'), 200_000);
  const out = resolve(String(args.get('out') ?? `bench/data/events-${events}.db`));
  const seed = args.has('seed') ? Number(args.get('seed')) : undefined;
  const batchEvents = parseCount(args.get('batch'), 1000);
  mkdirSync(dirname(out), { recursive: true });
  if (existsSync(out)) {
    if (!args.has('force')) throw new Error(`${out} exists: pass --force to replace it`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(out + suffix, { force: true });
  }

  const dataset = new NationalDataset({ events, seed, batchEvents });
  const store = new SqliteEventStore(out);
  const progress = new Progress('events', events);
  const started = Date.now();
  let appendMs = 0;
  for (const batch of dataset.batches()) {
    const t = performance.now();
    await store.appendMany(batch);
    appendMs += performance.now() - t;
    progress.update(dataset.stats.events);
  }
  progress.done(dataset.stats.events);
  await store.close();
  const seconds = (Date.now() - started) / 1000;
  const s = dataset.stats;
  console.log(
    `${fmt(s.events)} events in ${seconds.toFixed(1)} s (${fmt(s.events / seconds)}/s overall, ${fmt((s.events * 1000) / appendMs)}/s inside appendMany) → ${out}`,
  );
  console.log(`${fmt(s.cafes)} cafés, ${fmt(s.structures)} structures, ${fmt(s.animators)} animators, ${fmt(s.people)} people, ${fmt(s.fundings)} fundings`);
  console.log(Object.entries(s.byType).sort((a, b) => b[1] - a[1]).map(([type, n]) => `  ${type.padEnd(28)} ${fmt(n)}`).join('\n'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
