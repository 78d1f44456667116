import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';

/**
 * DATA_DIR holds the event store, the vault's keys and the read models: owner-only. A folder is created
 * 0700 (or narrowed to it), a SQLite file is created 0600 (or narrowed to it) *before* SQLite opens it,
 * since SQLite gives its -wal and -shm files the mode of the database file.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}
