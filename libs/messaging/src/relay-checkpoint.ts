import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { isPosition } from '@cafeia/event-store';

/**
 * Where the relay remembers the position of the last event the broker acknowledged. It moves only
 * after the acknowledgement, so a crash can repeat a batch (at-least-once) but never skip one.
 */
export interface RelayCheckpointStore {
  /** the last acknowledged position, or null when nothing was relayed yet */
  load(): Promise<string | null>;
  save(position: string): Promise<void>;
}

/**
 * A checkpoint in a small JSON file, for the embedded default and tests. Each save writes a temporary
 * file, flushes it and renames it over the old one: a crash leaves the old or the new checkpoint,
 * never a torn one.
 */
export class FileCheckpointStore implements RelayCheckpointStore {
  constructor(private readonly path: string) {}

  async load(): Promise<string | null> {
    let text: string;
    try {
      text = await fs.readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const parsed = JSON.parse(text) as { position?: unknown };
    if (typeof parsed.position !== 'string' || !isPosition(parsed.position)) {
      // refusing beats guessing: restarting from the beginning or the end would replay or skip events
      throw new Error(`relay checkpoint ${this.path} is corrupt: ${text.slice(0, 200)}`);
    }
    return parsed.position;
  }

  async save(position: string): Promise<void> {
    if (!isPosition(position)) throw new Error(`not a position: ${position}`);
    await fs.mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    const handle = await fs.open(temporary, 'w');
    try {
      await handle.writeFile(JSON.stringify({ position, savedAt: new Date().toISOString() }));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, this.path);
  }
}

/** A checkpoint kept in memory: for tests of the relay's logic. */
export class InMemoryCheckpointStore implements RelayCheckpointStore {
  readonly saved: string[] = [];
  constructor(private position: string | null = null) {}
  async load(): Promise<string | null> {
    return this.position;
  }
  async save(position: string): Promise<void> {
    this.position = position;
    this.saved.push(position);
  }
}
