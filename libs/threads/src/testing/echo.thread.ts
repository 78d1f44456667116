import { serveThread } from '../serve-thread';

/** a thread for the specs: echoes, fails on demand, calls back the main thread, refuses to start when told */
serveThread<{ failToStart?: boolean }>(async (data, channel) => {
  if (data?.failToStart) throw Object.assign(new Error('cannot open the file'), { code: 'ENOENT' });
  return {
    echo: (value: unknown) => value,
    fail: (message: string) => {
      throw Object.assign(new Error(message), { name: 'WrongExpectedVersionError', streamId: 's1', actual: 3 });
    },
    askBack: async (n: number) => (await channel.call<number>('double', n)) + 1,
    tell: (name: string) => channel.emit('told', name),
  };
});
