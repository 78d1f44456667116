import { Client } from 'pg';

/** "One retention run at a time, across every API instance". */
export interface RunLock {
  /** runs `task` while holding the lock; `null` without running it when another process holds it */
  whileHeld<T>(task: () => Promise<T>): Promise<T | null>;
}

/** one process (the embedded default): a flag is enough */
export class InProcessRunLock implements RunLock {
  private running = false;

  async whileHeld<T>(task: () => Promise<T>): Promise<T | null> {
    if (this.running) return null;
    this.running = true;
    try {
      return await task();
    } finally {
      this.running = false;
    }
  }
}

/**
 * At scale, every API instance schedules the job and the first to take a PostgreSQL session advisory lock
 * runs it (`pg_try_advisory_lock(hashtext(name))`, as the relay's): the others skip that day. The lock is held
 * on a connection of its own for the run, and released by PostgreSQL if the process dies.
 */
export class PostgresRunLock implements RunLock {
  private readonly local = new InProcessRunLock();

  constructor(private readonly connectionString: string, private readonly name: string) {}

  whileHeld<T>(task: () => Promise<T>): Promise<T | null> {
    return this.local.whileHeld(async () => {
      const client = new Client({ connectionString: this.connectionString });
      client.on('error', () => undefined);
      await client.connect();
      try {
        const { rows } = await client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS acquired', [this.name]);
        if (rows[0]?.acquired !== true) return null;
        try {
          return await task();
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [this.name]).catch(() => undefined);
        }
      } finally {
        await client.end().catch(() => undefined);
      }
    });
  }
}
