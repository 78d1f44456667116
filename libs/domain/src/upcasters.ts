/**
 * Stored events are never rewritten: an event stored under an older schema version is brought to the
 * current shape when read, one version step at a time. To change an event's shape: bump its entry in
 * `schemaVersions` (events.ts) and register here the step from the previous version, e.g.
 * `CafeScheduled: { 1: (v1) => ({ ...v1, newField: default }) }` turns a v1 payload into v2.
 */
import { isDomainEventType, schemaVersions, type DomainEvent, type DomainEventType, type EventOfType } from './events';

/** turns the payload of version N (the key it is registered under) into version N + 1 */
export type UpcastStep = (data: Record<string, unknown>) => Record<string, unknown>;
export type UpcasterRegistry = Partial<Record<DomainEventType, Readonly<Record<number, UpcastStep>>>>;

/** every step needed today */
export const upcasters: UpcasterRegistry = {
  // v2: the fields of the national schema of mediation places, unknown before
  StructureRegistered: { 1: (v1) => ({ ...v1, address: null, postalCode: null }) },
  // v2: the animator's consent to the public directory; nobody gave it before it could be asked
  AnimatorRegistered: { 1: (v1) => ({ ...v1, listed: false }) },
};

export class UpcastError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpcastError';
  }
}

/** the current payload of a known type; any event payload when the type is only known as a string */
export type UpcastData<T extends string> = T extends DomainEventType ? EventOfType<T>['data'] : DomainEvent['data'];
export type Upcast = <T extends string>(type: T, schemaVersion: number, data: unknown) => UpcastData<T>;

/** built from a registry and the current versions, so that a test can exercise a hypothetical step */
export const createUpcast =
  (registry: UpcasterRegistry, currentVersions: Record<DomainEventType, number> = schemaVersions): Upcast =>
  <T extends string>(type: T, schemaVersion: number, data: unknown): UpcastData<T> => {
    if (!isDomainEventType(type)) throw new UpcastError(`unknown event type ${type}`);
    const current = currentVersions[type];
    if (!Number.isInteger(schemaVersion) || schemaVersion > current) {
      // written by a newer release: reading it with an older shape would silently drop facts
      throw new UpcastError(`${type} v${schemaVersion} is newer than this release knows (v${current})`);
    }
    let payload = data as Record<string, unknown>;
    for (let version = schemaVersion; version < current; version += 1) {
      const step = registry[type]?.[version];
      if (step === undefined) throw new UpcastError(`no upcaster for ${type} from v${version} to v${version + 1}`);
      payload = step(payload);
    }
    return payload as UpcastData<T>;
  };

export const upcast: Upcast = createUpcast(upcasters);

/** for readers of the store, where the type is a plain string */
export const upcastEvent = (type: string, schemaVersion: number, data: unknown): DomainEvent =>
  ({ type, data: upcast(type, schemaVersion, data) }) as DomainEvent;

/** what `decodeStored` needs of a stored event (the event store's StoredEvent has it) */
export interface StoredShape {
  type: string;
  data: unknown;
  metadata?: { schemaVersion?: number } | null;
}

/**
 * THE decoding of a stored event: the domain event in its current shape (upcast from the version it was stored
 * under), or null for a type this release does not know (a reader skips it: it cannot change what it does not
 * define). Every reader of the store — write side, projections, audit, benchmarks — goes through here.
 */
export function decodeStored(stored: StoredShape): DomainEvent | null {
  if (!isDomainEventType(stored.type)) return null;
  const version = stored.metadata?.schemaVersion ?? 1;
  if (version === schemaVersions[stored.type]) return { type: stored.type, data: stored.data } as DomainEvent;
  return upcastEvent(stored.type, version, stored.data);
}

/** like `decodeStored`, for a reader that must not skip anything (an aggregate's own stream): unknown types throw */
export function decodeKnown(stored: StoredShape): DomainEvent {
  const event = decodeStored(stored);
  if (event === null) throw new UpcastError(`unknown event type ${stored.type}`);
  return event;
}
