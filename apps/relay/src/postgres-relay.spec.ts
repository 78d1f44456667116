import { Client } from 'pg';
import type { MessagePublisher, PublishableMessage } from '@cafeia/messaging';
import { FencedPublisher } from './fenced-publisher';
import { PostgresRelayCheckpointStore } from './postgres-relay-checkpoint';
import { PostgresAdvisoryLock } from './postgres-relay-lock';

const url = process.env.DATABASE_URL;
const topic = `relay-spec-${process.pid}-${Date.now().toString(36)}`;

if (!url && process.env.CAFEIA_SKIP_POSTGRES !== '1') {
  describe('the relay on PostgreSQL', () => {
    it('needs a PostgreSQL: set DATABASE_URL (scripts/infra/postgres.sh start) or CAFEIA_SKIP_POSTGRES=1', () => {
      throw new Error('DATABASE_URL is not set');
    });
  });
} else if (url) {
  describe('one active relay, the others standing by (PostgreSQL advisory lock)', () => {
    const locks: PostgresAdvisoryLock[] = [];
    const lock = () => {
      const created = new PostgresAdvisoryLock(url, topic);
      locks.push(created);
      return created;
    };
    afterEach(async () => {
      await Promise.all(locks.splice(0).map((l) => l.release()));
    });

    it('lets one relay hold the lock while a second one stands by, then hands it over on release', async () => {
      const [first, second] = [lock(), lock()];
      expect(await first.tryAcquire()).toBe(true);
      expect(await second.tryAcquire()).toBe(false);
      await first.release();
      expect(await second.tryAcquire()).toBe(true);
    });

    it('frees the lock when the active relay’s session dies, and tells that relay to stop', async () => {
      const [active, standby] = [lock(), lock()];
      await active.tryAcquire();
      const lost = new Promise<string>((resolve) => active.onLost(resolve));
      const admin = new Client({ connectionString: url });
      await admin.connect();
      try {
        const { rows } = await active.session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      } finally {
        await admin.end();
      }
      expect(await lost).toMatch(/lock connection/);
      await expect(active.assertHeld()).rejects.toThrow('relay lock lost');
      expect(await standby.tryAcquire()).toBe(true);
    });

    it('publishes only while the lock is held', async () => {
      const held = lock();
      const sent: PublishableMessage[][] = [];
      const publisher: MessagePublisher = { publish: async (_topic, messages) => void sent.push(messages) };
      const fenced = new FencedPublisher(publisher, held);
      await expect(fenced.publish('t', [{ key: 'k', value: 'v' }])).rejects.toThrow('relay lock lost');
      await held.tryAcquire();
      await fenced.publish('t', [{ key: 'k', value: 'v' }]);
      expect(sent).toHaveLength(1);
    });
  });

  describe('the relay checkpoint in PostgreSQL', () => {
    let client: Client;
    beforeAll(async () => {
      client = new Client({ connectionString: url });
      await client.connect();
    });
    afterAll(async () => {
      await client.query('DELETE FROM relay.checkpoints WHERE topic LIKE $1', [`${topic}%`]).catch(() => undefined);
      await client.end();
    });

    it('starts from the beginning, then resumes after the last saved position, per topic', async () => {
      const checkpoints = new PostgresRelayCheckpointStore(client, `${topic}-a`);
      expect(await checkpoints.load()).toBeNull();
      await checkpoints.save('1041');
      await checkpoints.save('98765432109876543210');
      expect(await new PostgresRelayCheckpointStore(client, `${topic}-a`).load()).toBe('98765432109876543210');
      expect(await new PostgresRelayCheckpointStore(client, `${topic}-b`).load()).toBeNull();
    });

    it('refuses a corrupt checkpoint rather than replaying or skipping the log', async () => {
      await client.query('INSERT INTO relay.checkpoints (topic, position) VALUES ($1, $2)', [`${topic}-c`, 'garbage']);
      await expect(new PostgresRelayCheckpointStore(client, `${topic}-c`).load()).rejects.toThrow('corrupt');
      await expect(new PostgresRelayCheckpointStore(client, `${topic}-c`).save('-1')).rejects.toThrow('not a position');
    });
  });
}
