/**
 * One command at a time per stream within a process: a command on a stream waits for the one before it to be
 * appended, then reads the state that one left. With appends grouped into shared transactions (the SQLite
 * store's group commit), concurrent commands on one stream would otherwise all read the same version and all
 * but one lose the race; queued, none does. Commands on different streams never wait for each other. Writers
 * in other processes are still caught by the expected-version check.
 */
export class StreamLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(streamId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = before.then(() => mine);
    this.tails.set(streamId, tail);
    await before;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    }
  }

  /** streams with a command running or waiting */
  get size(): number {
    return this.tails.size;
  }
}
