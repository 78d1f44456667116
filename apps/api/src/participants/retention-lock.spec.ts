import { InProcessRunLock, PostgresRunLock } from './retention-lock';

const later = () => {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { done, release };
};

describe('one retention run at a time', () => {
  it('in one process, a second run while the first is going is skipped', async () => {
    const lock = new InProcessRunLock();
    const gate = later();
    const first = lock.whileHeld(async () => {
      await gate.done;
      return 'first';
    });
    expect(await lock.whileHeld(async () => 'second')).toBeNull();
    gate.release();
    expect(await first).toBe('first');
    expect(await lock.whileHeld(async () => 'third')).toBe('third');
  });

  const url = process.env.DATABASE_URL;
  if (!url && process.env.CAFEIA_SKIP_POSTGRES !== '1') {
    it('needs a PostgreSQL for the lock across instances: set DATABASE_URL or CAFEIA_SKIP_POSTGRES=1', () => {
      throw new Error('DATABASE_URL is not set');
    });
  } else if (url) {
    it('across instances (PostgreSQL advisory lock), only one runs; the lock is free again afterwards', async () => {
      const name = `retention-spec-${process.pid}-${Date.now()}`;
      const [a, b] = [new PostgresRunLock(url, name), new PostgresRunLock(url, name)];
      const gate = later();
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const first = a.whileHeld(async () => {
        started();
        await gate.done;
        return 'a';
      });
      await running;
      expect(await b.whileHeld(async () => 'b')).toBeNull();
      gate.release();
      expect(await first).toBe('a');
      expect(await b.whileHeld(async () => 'b')).toBe('b');
    });
  }
});
