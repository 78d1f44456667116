/**
 * The scale-out stack as separate processes: the EventStoreDB double (in this process: it is a gRPC server),
 * two `api`s, an active `relay` and a stand-by one, a `projector`, on a real Kafka broker and PostgreSQL.
 * A realistic load goes through both APIs while the stack is disrupted (projector SIGKILLed mid-stream and
 * restarted, the active relay SIGKILLed so the stand-by takes over, the broker restarted while the relay
 * publishes, invalid messages put on the topic); then every figure must equal the embedded default's on the
 * same events, and no event may be missing or counted twice.
 *
 * Run by test/scale/run-scale.sh (builds dist/, provides DATABASE_URL and KAFKA_BROKERS).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { EventStoreDBEventStore } from '@cafeia/event-store/eventstoredb';
import { startEsdbTestServer, type EsdbTestServer } from '@cafeia/event-store/testing/esdb-test-server';
import { comparePositions, type StoredEvent } from '@cafeia/event-store';
import { deadLetterTopic, parseBrokers } from '@cafeia/messaging';
import { signToken } from '../../apps/api/src/auth/jwt';
import { startApi, TEST_SECRET, type ApiHarness } from '../support/api-harness';
import { ApiClient } from './support/http-client';
import { copyIntoEmbeddedStore, readWholeLog } from './support/embedded-replay';
import { deleteGroup, deleteTopics, readDeadLetters, sendInvalidMessages, type SentMessage } from './support/kafka-tools';
import { makePlan, runLoad, type LoadReport } from './support/load';
import { ServiceProcess, waitUntil } from './support/processes';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const CLOCK = '2026-06-15T12:00:00.000Z';
const SEED = Number(process.env.SCALE_SEED ?? 20260615);
const SIZE = { structures: 36, animators: 30, cafes: Number(process.env.SCALE_CAFES ?? 160), people: 700 };

const databaseUrl = required('DATABASE_URL');
const brokersText = required('KAFKA_BROKERS');
const brokers = parseBrokers(brokersText);
const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const topic = `cafeia.scale.${runId}`;
const groupId = `cafeia-projector-${runId}`;
const database = `cafeia_scale_${runId}`;
const scaleUrl = withDatabase(databaseUrl, database);
const token = signToken({ sub: 'scale-test', role: 'council' }, TEST_SECRET);
const timings: Record<string, number> = {};

let logDir: string;
let esdb: EsdbTestServer;
let store: EventStoreDBEventStore;
let apis: ServiceProcess[] = [];
let relays: ServiceProcess[] = [];
let projector: ServiceProcess;
let clients: ApiClient[];
let embedded: ApiHarness | null = null;
let embeddedDir: string | null = null;
let report: LoadReport;
let invalid: SentMessage[] = [];
const disruptions: string[] = [];

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required (run test/scale/run-scale.sh)`);
  return value;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const PORT_BASE = 40000 + Math.floor(Math.random() * 20000);
const PROJECTOR_PORT = PORT_BASE + 10;

function serviceEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    EVENT_STORE: 'eventstoredb',
    EVENTSTORE_URL: esdb.url,
    READ_MODELS: 'postgres',
    DATABASE_URL: scaleUrl,
    KAFKA_BROKERS: brokersText,
    KAFKA_TOPIC: topic,
    KAFKA_GROUP_ID: groupId,
    AUTH_SECRET: TEST_SECRET,
    CLOCK,
    DATA_DIR: join(logDir, 'data'),
    ...extra,
  };
}

async function projectorStatus(): Promise<{ generation: string; appliedUpTo: { position: string | null; events: number }; checkpoints: { partition: string; position: string; eventsApplied: number }[]; pendingPastAGap: number }> {
  const response = await fetch(`http://127.0.0.1:${PROJECTOR_PORT}/status`);
  if (!response.ok) throw new Error(`projector /status → ${response.status}`);
  return (await response.json()) as never;
}

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${PROJECTOR_PORT}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}

/** the local broker of scripts/infra/kafka.sh, restartable by this suite (an external one is not ours to restart) */
async function restartKafka(): Promise<boolean> {
  const env = { ...process.env };
  delete env.KAFKA_BROKERS;
  const script = join(ROOT, 'scripts', 'infra', 'kafka.sh');
  const { stdout } = await run('bash', [script, 'url'], { env });
  const ours = stdout.trim() === brokersText && (await run('bash', [script, 'status'], { env }).then(() => true, () => false));
  if (!ours) return false;
  await run('bash', [script, 'restart'], { env, timeout: 120_000 });
  return true;
}

const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings[name] = Date.now() - started;
  }
};

beforeAll(async () => {
  logDir = mkdtempSync(join(tmpdir(), 'cafeia-scale-'));
  await timed('start stack', async () => {
    await admin((c) => c.query(`CREATE DATABASE ${database}`));
    esdb = await startEsdbTestServer();
    store = new EventStoreDBEventStore(esdb.url);

    // the projector first: it creates the topic with its partitions and the first read-model generation
    projector = new ServiceProcess('projector', 'projector', serviceEnv({ PROJECTOR_PORT: String(PROJECTOR_PORT) }), logDir).start();
    await projector.waitForLog(/joined the consumer group/, 60_000);
    relays = [0, 1].map((i) => new ServiceProcess(`relay-${i}`, 'relay', serviceEnv({ RELAY_STANDBY_POLL_MS: '300' }), logDir));
    relays[0].start();
    await relays[0].waitForLog(/this relay is active/, 30_000);
    relays[1].start();
    await relays[1].waitForLog(/standing by/, 30_000);
    apis = [0, 1].map((i) => new ServiceProcess(`api-${i}`, 'api', serviceEnv({ PORT: String(PORT_BASE + i) }), logDir).start());
    await Promise.all(apis.map((api, i) => waitUntil(`api-${i} live`, async () => (await fetch(`http://127.0.0.1:${PORT_BASE + i}/health/ready`)).ok, 60_000)));
    clients = apis.map((_, i) => new ApiClient(`http://127.0.0.1:${PORT_BASE + i}`, token));
  });
}, 240_000);

afterAll(async () => {
  // eslint-disable-next-line no-console
  console.log(JSON.stringify({ scale: { runId, logDir, timings, disruptions, writes: report?.writes, retries: clients?.map((c) => c.retries) } }, null, 2));
  await Promise.all([...apis, ...relays, projector].filter(Boolean).map((p) => p.kill('SIGTERM')));
  await embedded?.close().catch(() => undefined);
  if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
  await store?.close().catch(() => undefined);
  await esdb?.stop();
  await deleteTopics(brokers, [topic, deadLetterTopic(topic)]).catch(() => undefined);
  await deleteGroup(brokers, groupId).catch(() => undefined);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch(() => undefined);
  if (process.env.SCALE_KEEP_LOGS !== '1') rmSync(logDir, { recursive: true, force: true });
}, 120_000);

describe('the scale-out stack, one process per service', () => {
  it('takes a realistic load through two APIs while the projector is SIGKILLed, the active relay dies and the broker restarts', async () => {
    const plan = makePlan(SEED, SIZE, new Date(CLOCK));
    let progress = 0;
    const reached = (fraction: number) => waitUntil(`the load to reach ${fraction * 100}%`, async () => progress >= fraction, 300_000, 100);
    const step = async (name: string, fraction: number, action: () => Promise<unknown>) => {
      await reached(fraction);
      await timed(name, action);
      // a disruption only counts if the load was still going when it ended
      disruptions.push(progress < 1 ? name : `${name} (after the load)`);
    };
    // one disruption at a time, each while writes flow through both APIs
    const scenario = (async () => {
      await step('projector SIGKILLed mid-batch and restarted', 0.1, async () => {
        // hold the national counters' row so that the projector's next batch blocks half-way through its
        // transaction (its cafés and attendees written, not committed); kill it exactly then
        await admin(async (client) => {
          const blocker = new Client({ connectionString: scaleUrl });
          await blocker.connect();
          try {
            const { rows } = await blocker.query<{ generation: string }>(`SELECT generation FROM cafeia_read_model_generation WHERE prefix = 'read_models'`);
            await blocker.query('BEGIN');
            await blocker.query(`SELECT 1 FROM read_models_${rows[0].generation}.territory_figures WHERE territory_key = 'nation' FOR UPDATE`);
            const stuck = await waitUntil('a projector transaction blocked on the national counters', async () => {
              const { rows: waiting } = await client.query<{ pid: number; query: string }>(
                `SELECT pid, query FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND query ILIKE '%territory_figures%'`,
                [database],
              );
              return waiting[0];
            }, 30_000, 50);
            await projector.kill('SIGKILL');
            disruptions.push(`(killed while backend ${stuck.pid} was inside: ${stuck.query.slice(0, 40)}…)`);
          } finally {
            await blocker.query('ROLLBACK').catch(() => undefined);
            await blocker.end();
          }
        });
        const restartedAt = projector.lines.length;
        projector.start();
        await projector.waitForLog(/joined the consumer group/, 60_000, restartedAt);
      });
      await step('active relay SIGKILLed, the stand-by took over', 0.3, async () => {
        await relays[0].kill('SIGKILL');
        await relays[1].waitForLog(/this relay is active/, 30_000);
      });
      await step('Kafka broker restarted while the relay publishes', 0.4, async () => {
        if (!(await restartKafka())) throw new Error(`the broker at ${brokersText} is not the local one of scripts/infra/kafka.sh: cannot restart it`);
      });
      await step('invalid messages put on the topic', 0.6, async () => {
        const [sample] = await store.readAll({ limit: 1 });
        invalid = await sendInvalidMessages(brokers, topic, sample);
      });
    })();
    scenario.catch(() => undefined);

    report = await timed('load', () => runLoad(clients, plan, { concurrency: 8, onProgress: (done, total) => (progress = done / total) }));
    await scenario;

    // every disruption must have happened; on an idle machine the load can end before the last ones, which then
    // hit the relay while it drains the tail (the label says so in the report), and every check below still applies
    expect(disruptions.filter((d) => !d.startsWith('(')).map((d) => d.replace(' (after the load)', '')).sort()).toEqual(
      ['Kafka broker restarted while the relay publishes', 'active relay SIGKILLed, the stand-by took over', 'invalid messages put on the topic', 'projector SIGKILLed mid-batch and restarted'].sort(),
    );
    expect(report.writes).toBeGreaterThan(1500);
    const redelivered = projector.logs().reduce((sum, l) => sum + (l.msg === 'batch applied' ? Number(l.duplicates) : 0), 0);
    disruptions.push(`(${redelivered} events received twice and skipped)`);
    // only one relay was ever active at a time
    expect(relays[1].lines.some((l) => l.includes('this relay is active'))).toBe(true);
  }, 300_000);

  it('applies every event of the store exactly once: the watermark reaches the head, every event is counted once', async () => {
    const head = (await store.headPosition())!;
    expect(comparePositions(head, report.lastPosition)).toBeGreaterThanOrEqual(0);
    const status = await timed('projector catch-up after the load', () =>
      waitUntil('the projector to apply up to the store head', async () => {
        const s = await projectorStatus();
        return s.appliedUpTo.position !== null && comparePositions(s.appliedUpTo.position, head) >= 0 ? s : null;
      }, 120_000),
    );
    const events = await readWholeLog(store);
    const ids = new Set(events.map((e) => e.eventId));
    expect(ids.size).toBe(events.length);
    // the watermark walked the previous-position chain through every event of the log
    expect(status.appliedUpTo.position).toBe(head);
    expect(status.appliedUpTo.events).toBe(events.length);
    expect(status.pendingPastAGap).toBe(0);
    // each partition's checkpoint counts the events it applied (duplicates skipped): together, the whole log once
    const perPartition = status.checkpoints.filter((c) => c.partition.startsWith(`kafka:${topic}:`));
    expect(perPartition.length).toBeGreaterThan(1);
    expect(perPartition.reduce((sum, c) => sum + c.eventsApplied, 0)).toBe(events.length);
    // and the API says so: asOf is the head, on both processes
    for (const client of clients) expect((await client.read(`/v1/progress?minPosition=${head}`)).asOf.position).toBe(head);
  }, 180_000);

  it('sets aside each invalid message on the dead-letter topic, with its offset, and keeps going', async () => {
    expect(invalid.map((m) => m.kind)).toEqual(['truncated payload', 'unknown type', 'wrong schema', 'not JSON at all']);
    const letters = await readDeadLetters(brokers, topic, invalid.length, 30_000);
    const key = (m: { partition: number; offset: string }) => `${m.partition}:${m.offset}`;
    expect(letters.map(key).sort()).toEqual(invalid.map(key).sort());
    for (const letter of letters) expect(letter.reason.length).toBeGreaterThan(0);
    const logged = projector.logs().filter((l) => l.msg === 'not a valid event envelope: set aside on the dead-letter topic');
    expect(new Set(logged.map((l) => `${l.partition}:${l.offset}`))).toEqual(new Set(invalid.map(key)));
    expect(await metric('cafeia_projector_dead_letters_total')).toBeGreaterThanOrEqual(1);
    expect(projector.running).toBe(true);
  }, 60_000);

  it('answers every figure exactly as the embedded default does on the same writes', async () => {
    // year two: two partner networks over structures of the load, one member moved out (its whole history with it)
    const structureIds = (await readWholeLog(store)).filter((e) => e.type === 'StructureRegistered').map((e) => (e.data as { structureId: string }).structureId);
    expect(structureIds.length).toBeGreaterThan(6);
    let position = '0';
    for (const [n, members] of [structureIds.slice(0, 4), structureIds.slice(3, 7)].entries()) {
      const network = await clients[n].write('POST', '/v1/networks', { name: `Réseau ${n + 1}`, kind: n === 0 ? 'public_operator' : 'company' });
      for (const structureId of members) position = (await clients[(n + 1) % 2].write('POST', `/v1/networks/${network.id}/structures`, { structureId })).position;
      if (n === 0) position = (await clients[1].write('DELETE', `/v1/networks/${network.id}/structures/${members[0]}`)).position;
    }
    for (const client of clients) await client.read(`/v1/progress?minPosition=${position}`);
    expect(await differencesFromEmbedded('embedded default on the same events')).toEqual([]);
    // and the figures are not trivially equal: the load reached people in many territories
    const progress = await clients[0].read('/v1/progress');
    expect(progress.figures.peopleReached).toBeGreaterThan(300);
    expect(progress.figures.cafesHeld).toBeGreaterThan(50);
    expect(progress.figures.cafesCancelled).toBe(report.cafesCancelled);
  }, 180_000);

  it('counts each café as its own stream in the store says', async () => {
    const events = await readWholeLog(store);
    const byCafe = new Map<string, StoredEvent[]>();
    for (const event of events) if (event.streamId.startsWith('cafe-')) byCafe.set(event.streamId, [...(byCafe.get(event.streamId) ?? []), event]);
    expect(byCafe.size).toBe(SIZE.cafes);
    for (const [streamId, stream] of byCafe) {
      const enrolled = new Set<string>();
      const attended = new Set<string>();
      let anonymous = 0;
      for (const { type, data } of stream) {
        const d = data as { enrolmentId: string; participantId: string; count: number };
        if (type === 'ParticipantEnrolled') enrolled.add(d.enrolmentId);
        if (type === 'EnrolmentCancelled') enrolled.delete(d.enrolmentId);
        if (type === 'AttendanceRecorded') attended.add(d.participantId);
        if (type === 'AnonymousHeadcountDeclared') anonymous = d.count;
      }
      const cafe = await clients[0].read(`/v1/cafes/${streamId.slice('cafe-'.length)}`);
      expect({ streamId, enrolled: cafe.enrolled, attendedNamed: cafe.attendedNamed, anonymous: cafe.anonymous }).toEqual({
        streamId,
        enrolled: enrolled.size,
        attendedNamed: attended.size,
        anonymous,
      });
    }
  }, 60_000);

  it('lets a client write on one API and read its own write on the other (minPosition)', async () => {
    const structure = await clients[0].write('POST', '/v1/structures', { name: 'Médiathèque de Saint-Denis', kind: 'media_library', communeCode: '97411' });
    const cafe = await clients[0].write('POST', '/v1/cafes', { structureId: structure.id, title: 'Café IA du soir', format: 'discussion', startsAt: '2026-06-01T17:00:00Z' });
    const written = await clients[0].write('POST', `/v1/cafes/${cafe.id}/attendance`, { anonymousCount: 9 });
    const read = await clients[1].read(`/v1/cafes/${cafe.id}?minPosition=${written.position}`);
    expect(read.anonymous).toBe(9);
    expect(comparePositions(read.asOf.position, written.position)).toBeGreaterThanOrEqual(0);
  }, 30_000);
});

describe('rebuilding the read models at scale', () => {
  it('rebuilds from the store beside the live generation while writes go on; the projector moves over and loses nothing', async () => {
    const before = (await projectorStatus()).generation;
    const rebuild = new ServiceProcess('rebuild', 'projector', serviceEnv({ REBUILD_RETIRE_AFTER_MS: '3000', PROJECTOR_PORT: '0' }), logDir, ['rebuild']).start();
    const switched = projector.lines.length;
    // writes during the rebuild and the switch reach Kafka and the old generation; the new one must have them too
    const structure = await clients[1].write('POST', '/v1/structures', { name: 'Tiers-lieu de Cayenne', kind: 'third_place', communeCode: '97302' });
    let exited = false;
    const job = timed('rebuild job', () => rebuild.exited()).finally(() => (exited = true));
    for (let i = 0, after = 0; after < 10; i++) {
      const cafe = await clients[i % 2].write('POST', '/v1/cafes', { structureId: structure.id, title: `Café ${i}`, format: 'workshop', startsAt: '2026-06-02T09:00:00Z' });
      await clients[(i + 1) % 2].write('POST', `/v1/cafes/${cafe.id}/attendance`, { attendees: [{ email: `cayenne.${i % 7}@example.org` }], anonymousCount: i % 4 });
      if (exited) after += 1;
    }
    expect(await job).toBe(0);
    await projector.waitForLog(/filled the new generation from the store/, 30_000, switched);
    const head = (await store.headPosition())!;
    const status = await waitUntil('the projector to apply up to the head in the new generation', async () => {
      const s = await projectorStatus();
      return s.appliedUpTo.position === head ? s : null;
    }, 60_000);
    expect(status.generation).not.toBe(before);
    expect(status.appliedUpTo.events).toBe((await readWholeLog(store)).length);
    await waitUntil('both APIs to read the new generation', async () => {
      const positions = await Promise.all(clients.map(async (c) => (await c.read('/v1/progress')).asOf.position));
      return positions.every((p) => p === head);
    }, 30_000);
    expect(await differencesFromEmbedded('embedded default after the rebuild')).toEqual([]);
  }, 180_000);
});

/** every read the suite compares, answered by both APIs and by an embedded default fed the same events */
async function differencesFromEmbedded(label: string): Promise<string[]> {
  const events = await readWholeLog(store);
  await embedded?.close();
  if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
  embeddedDir = mkdtempSync(join(tmpdir(), 'cafeia-scale-embedded-'));
  await timed(label, async () => {
    await copyIntoEmbeddedStore(events, embeddedDir!);
    embedded = await startApi({ DATA_DIR: embeddedDir!, CLOCK });
  });
  const reference = new ApiClient(embedded!.url, token);
  await waitUntil('the embedded default to project every event', async () => (await reference.read('/v1/progress')).asOf.position === String(events.length), 60_000);

  const cafeIds = [...new Set(events.filter((e) => e.type === 'CafeScheduled').map((e) => (e.data as { cafeId: string }).cafeId))];
  const networkIds = events.filter((e) => e.type === 'NetworkCreated').map((e) => (e.data as { networkId: string }).networkId);
  const today = CLOCK.slice(0, 10);
  const paths = [
    '/v1/progress',
    '/v1/progress/timeline?granularity=week',
    '/v1/progress/timeline?granularity=month',
    '/v1/territories?level=region&pageSize=500',
    '/v1/territories?level=department&pageSize=500',
    '/v1/territories/region/11',
    '/v1/territories/region/84',
    '/v1/territories/region/93',
    '/v1/territories/region/03',
    '/v1/territories/region/04',
    '/v1/territories/region/94',
    '/v1/territories/department/75',
    '/v1/territories/department/13',
    '/v1/territories/department/974',
    '/v1/territories/department/976',
    '/v1/territories/commune/75056',
    '/v1/territories/commune/69123',
    '/v1/territories/commune/13055',
    '/v1/structures?sort=engagement&pageSize=500',
    '/v1/animators?pageSize=500',
    '/v1/cafes?pageSize=500',
    ...cafeIds.map((id) => `/v1/cafes/${id}`),
    // year two: EPCI, reporting, networks, breakdowns, figures as of a date
    '/v1/territories?level=epci&pageSize=500',
    '/v1/territories/epci/200046977',
    '/v1/territories/epci/200054781',
    '/v1/cafes?status=unreported&pageSize=500',
    '/v1/networks',
    ...networkIds.map((id) => `/v1/networks/${id}`),
    ...['format', 'audience', 'online', 'structureKind', 'month'].map((by) => `/v1/breakdowns?by=${by}`),
    '/v1/breakdowns?by=month&territory=region:84',
    ...networkIds.map((id) => `/v1/breakdowns?by=structureKind&network=${id}`),
    `/v1/progress?asOfDate=${today}`,
    `/v1/territories/region/11?asOfDate=${today}`,
  ];
  const differences: string[] = [];
  for (const path of paths) {
    const expected = withoutAsOf(await reference.read(path));
    for (const [i, client] of clients.entries()) {
      const actual = withoutAsOf(await client.read(path));
      if (JSON.stringify(actual) !== JSON.stringify(expected)) differences.push(`api-${i} ${path}\n  scale:    ${JSON.stringify(actual).slice(0, 400)}\n  embedded: ${JSON.stringify(expected).slice(0, 400)}`);
    }
  }
  return differences;
}

function withoutAsOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAsOf);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => k !== 'asOf').map(([k, v]) => [k, withoutAsOf(v)]));
  }
  return value;
}
