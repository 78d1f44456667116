import { readFileSync, realpathSync } from 'node:fs';
import { dirname, relative, resolve, isAbsolute } from 'node:path';

/** A key-encryption key is an AES-256 key: 32 bytes, given in base64. */
export const KEK_BYTES = 32;

export class KekConfigError extends Error {
  override name = 'ConfigError';
}

/** the real path of a file or, when it does not exist yet, of its nearest existing folder */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : resolve(realPath(parent), relative(parent, path));
  }
}

const inside = (folder: string, path: string): boolean => {
  const rel = relative(realPath(folder), realPath(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

function decodeKek(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  // Buffer.from ignores what is not base64: check the round trip, so a typo is not silently a different key
  if (key.length !== KEK_BYTES || key.toString('base64').replace(/=+$/, '') !== trimmed.replace(/=+$/, '')) {
    throw new KekConfigError(`${source} must be ${KEK_BYTES} bytes in base64 (e.g. \`openssl rand -base64 32\`)`);
  }
  return key;
}

/**
 * The vault's key-encryption key from `<NAME>` (base64) or `<NAME>_FILE` (a file holding it in base64), or
 * null when neither is set. The file must lie outside DATA_DIR: a copy of DATA_DIR alone must not open the
 * vault, so a key kept beside the keys it wraps would defeat it.
 */
export function readKek(env: NodeJS.ProcessEnv, name: string, dataDir: string): Buffer | null {
  const value = env[name];
  const file = env[`${name}_FILE`];
  if (value && file) throw new KekConfigError(`give ${name} or ${name}_FILE, not both`);
  if (value) return decodeKek(value, name);
  if (!file) return null;
  const path = resolve(file);
  if (inside(dataDir, path)) throw new KekConfigError(`${name}_FILE must lie outside DATA_DIR (${dataDir}): a copy of DATA_DIR must not hold the key that opens it`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new KekConfigError(`${name}_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return decodeKek(text, `${name}_FILE (${path})`);
}
