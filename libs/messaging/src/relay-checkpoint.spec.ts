import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileCheckpointStore } from './relay-checkpoint';

describe('the file checkpoint of the relay', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'relay-checkpoint-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has no position before the first save', async () => {
    await expect(new FileCheckpointStore(join(dir, 'relay.json')).load()).resolves.toBeNull();
  });

  it('gives back the last saved position to a new instance, leaving no temporary file', async () => {
    const path = join(dir, 'nested', 'relay.json');
    await new FileCheckpointStore(path).save('41');
    await new FileCheckpointStore(path).save('1234567890123456789');

    await expect(new FileCheckpointStore(path).load()).resolves.toBe('1234567890123456789');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['relay.json']);
  });

  it('refuses a corrupt file instead of restarting from the beginning', async () => {
    const path = join(dir, 'relay.json');
    writeFileSync(path, JSON.stringify({ position: 'abc' }));
    await expect(new FileCheckpointStore(path).load()).rejects.toThrow(/corrupt/);
  });

  it('refuses to save something that is not a position', async () => {
    await expect(new FileCheckpointStore(join(dir, 'relay.json')).save('-1')).rejects.toThrow(/not a position/);
  });
});
