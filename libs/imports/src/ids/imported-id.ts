import { createHash } from 'node:crypto';
import { uuidV8 } from '@cafeia/personal-data';

/** The kinds whose rows create a resource with an id (attendance rows create none of their own) */
export type IdentifiedKind = 'structures' | 'animators' | 'cafes';

/**
 * The id of the resource a row creates: a UUID v8 from SHA-256 over (kind, importer, ref), so that
 * importing the same row again gives the same id (and the API's idempotent creation creates nothing
 * new), and two importers' "CAFE-1" are two cafés. `importerKey` is whoever the integrator decides
 * owns the refs (the token subject); it is hashed, never shown.
 */
export function importedId(kind: IdentifiedKind, ref: string, importerKey: string): string {
  const digest = createHash('sha256').update(`cafeia-import\n${kind}\n${importerKey}\n${ref.trim().normalize('NFC')}`).digest();
  return uuidV8(digest);
}
