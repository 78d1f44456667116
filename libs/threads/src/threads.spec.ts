import { join } from 'node:path';
import { startThread } from './start-thread';

const ECHO = join(__dirname, 'testing', 'echo.thread');

describe('a worker thread started from the TypeScript sources', () => {
  it('answers calls, calls back the main thread, and emits events', async () => {
    const thread = await startThread(ECHO, { handlers: { double: (n: number) => n * 2 } });
    try {
      expect(await thread.channel.call('echo', { a: [1, 'deux'] })).toEqual({ a: [1, 'deux'] });
      expect(await thread.channel.call('askBack', 20)).toBe(41);
      const told = new Promise((resolve) => thread.channel.on('told', resolve));
      await thread.channel.call('tell', 'bonjour');
      expect(await told).toBe('bonjour');
    } finally {
      await thread.stop();
    }
  });

  it('rejects a failed call with the error’s name, message and fields, revived by the caller', async () => {
    class Conflict extends Error {}
    const thread = await startThread(ECHO, { revive: (e) => Object.assign(new Conflict(e.message), { name: e.name }, e.fields) });
    try {
      const error = await thread.channel.call('fail', 'stream s1: expected 2, actual 3').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Conflict);
      expect(error).toMatchObject({ name: 'WrongExpectedVersionError', message: 'stream s1: expected 2, actual 3', streamId: 's1', actual: 3 });
    } finally {
      await thread.stop();
    }
  });

  it('fails to start with the error the thread met while opening', async () => {
    await expect(startThread(ECHO, { workerData: { failToStart: true } })).rejects.toMatchObject({ message: 'cannot open the file', code: 'ENOENT' });
  });

  it('fails the calls in flight when the thread is gone', async () => {
    const thread = await startThread(ECHO);
    await thread.worker.terminate();
    await expect(thread.channel.call('echo', 1)).rejects.toThrow(/exited/);
  });
});
