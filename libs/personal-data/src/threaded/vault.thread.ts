/**
 * The SQLite vault's thread: its writes are committed with `synchronous = FULL` (a key lost after its ciphertext
 * was appended would erase a person), and an fsync on the API's event loop would stall every request behind
 * it. Here the fsyncs wait in a thread of their own, and the writes that arrive meanwhile share the next one.
 */
import { serveThread } from '@cafeia/threads';
import type { KekOptions } from '../key-wrapping';
import { openSqliteVault } from '../sqlite-vault';

serveThread<{ dataDir: string } & KekOptions>(async ({ dataDir, kek, previousKek }) => {
  const vault = await openSqliteVault({ dataDir, kek, previousKek, groupCommit: true });
  return {
    ensureKey: (participantId: string) => vault.ensureKey(participantId),
    ensureKeyAndRemember: (participantId: string, hashes: string[]) => vault.ensureKeyAndRemember(participantId, hashes),
    getKey: (participantId: string) => vault.getKey(participantId),
    destroyKey: (participantId: string) => vault.destroyKey(participantId),
    lookup: (hashes: string[]) => vault.lookup(hashes),
    remember: (hashes: string[], participantId: string) => vault.remember(hashes, participantId),
    contactHashesOf: (participantId: string) => vault.contactHashesOf(participantId),
    announceErasure: (participantId: string, at: string) => vault.announceErasure(participantId, at),
    pendingErasures: () => vault.pendingErasures(),
    clearErasure: (participantId: string) => vault.clearErasure(participantId),
    loadOrCreateSecret: (name: string) => vault.loadOrCreateSecret(name),
    rotateKek: () => vault.rotateKek(),
    stats: () => vault.stats,
    stop: () => vault.close(),
  };
});
