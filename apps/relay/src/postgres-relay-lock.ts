import { Client, type ClientConfig } from 'pg';
import type { RelayLock } from '@cafeia/messaging';

/**
 * "One relay active at a time" across machines: a PostgreSQL session advisory lock
 * (`pg_try_advisory_lock(hashtext('cafeia-relay:' || topic))`) held on a dedicated connection.
 * Stand-by relays poll `tryAcquire` (see `acquireWhenFree`). PostgreSQL releases the lock when the
 * session ends, so a relay that crashed or lost its network frees it by itself; the flip side is that
 * the holder must stop publishing as soon as its session is in doubt: `onLost` fires on the
 * connection's `error`/`end`, and `assertHeld()` (called before every publish) proves the session is
 * still alive with a round trip.
 */
export class PostgresAdvisoryLock implements RelayLock {
  private client: Client | null = null;
  private held = false;
  private lost = false;
  private readonly lostListeners: ((reason: string) => void)[] = [];

  constructor(private readonly connection: string | ClientConfig, private readonly topic: string) {}

  /** the session holding the lock, to write the checkpoint on (fenced by the lock) */
  get session(): Client {
    if (!this.client || !this.held) throw new Error('relay lock not held');
    return this.client;
  }

  onLost(listener: (reason: string) => void): void {
    this.lostListeners.push(listener);
  }

  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    if (!this.client) {
      const client = new Client(typeof this.connection === 'string' ? { connectionString: this.connection, keepAlive: true } : this.connection);
      client.on('error', (error) => this.markLost(`lock connection error: ${error.message}`));
      client.on('end', () => this.markLost('lock connection ended'));
      await client.connect();
      await client.query(`SET application_name = 'cafeia-relay'`);
      this.client = client;
      this.lost = false;
    }
    try {
      const { rows } = await this.client.query<{ acquired: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS acquired`, [this.lockName]);
      this.held = rows[0]?.acquired === true;
      return this.held;
    } catch (error) {
      // a broken connection: drop it and try again with a new one on the next poll
      await this.dropClient();
      throw error;
    }
  }

  /** throws unless this process still holds the lock (its session answers) */
  async assertHeld(): Promise<void> {
    if (!this.held || this.lost || !this.client) throw new Error('relay lock lost');
    await this.client.query('SELECT 1');
  }

  async release(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      if (this.held && !this.lost) await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [this.lockName]);
    } finally {
      this.held = false;
      await this.dropClient();
    }
  }

  private get lockName(): string {
    return `cafeia-relay:${this.topic}`;
  }

  private markLost(reason: string): void {
    if (this.lost) return;
    this.lost = true;
    const wasHeld = this.held;
    this.held = false;
    if (wasHeld) for (const listener of this.lostListeners) listener(reason);
  }

  private async dropClient(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) return;
    client.removeAllListeners('end');
    client.on('error', () => undefined);
    await client.end().catch(() => undefined);
  }
}
