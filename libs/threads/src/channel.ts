/**
 * Calls and events over a worker thread's message port, in both directions: each side answers the calls
 * the other makes to its handlers, and may emit events. Errors travel as their name, message, code and own
 * fields (structured clone would drop their class): `revive` turns them back into the caller's classes.
 */
export type Handlers = Record<string, (...args: any[]) => unknown>;

export interface Port {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

type Envelope =
  | { kind: 'call'; id: number; method: string; args: unknown[] }
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; error: SerializedError }
  | { kind: 'event'; name: string; payload: unknown };

export interface SerializedError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

export class RemoteError extends Error {
  constructor(serialized: SerializedError) {
    super(serialized.message);
    this.name = serialized.name;
    Object.assign(this, serialized.fields);
  }
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) return { name: 'Error', message: String(error), fields: {} };
  const e = error as Error & Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(e)) {
    const value = e[key];
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return { name: String(e.name ?? 'Error'), message: String(e.message ?? ''), fields };
}

export class Channel {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Map<string, ((payload: any) => void)[]>();
  private closedWith: Error | null = null;

  constructor(
    private readonly port: Port,
    private readonly handlers: Handlers = {},
    private readonly revive: (error: SerializedError) => Error = (e) => new RemoteError(e),
  ) {
    port.on('message', (message) => this.receive(message as Envelope));
  }

  call<T = unknown>(method: string, ...args: unknown[]): Promise<T> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.port.postMessage({ kind: 'call', id, method, args } satisfies Envelope);
    });
  }

  emit(name: string, payload?: unknown): void {
    this.port.postMessage({ kind: 'event', name, payload } satisfies Envelope);
  }

  on<T = unknown>(name: string, listener: (payload: T) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }

  /** every call in flight fails with `error` (the other side is gone) */
  close(error: Error): void {
    this.closedWith = error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  private receive(message: Envelope): void {
    if (message.kind === 'call') void this.answer(message);
    else if (message.kind === 'event') for (const listener of this.listeners.get(message.name) ?? []) listener(message.payload);
    else {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.kind === 'result') waiting.resolve(message.value);
      else waiting.reject(this.revive(message.error));
    }
  }

  private async answer({ id, method, args }: { id: number; method: string; args: unknown[] }): Promise<void> {
    try {
      const handler = this.handlers[method];
      if (!handler) throw new Error(`no handler for ${method}`);
      const value = await handler(...args);
      this.port.postMessage({ kind: 'result', id, value } satisfies Envelope);
    } catch (error) {
      this.port.postMessage({ kind: 'error', id, error: serializeError(error) } satisfies Envelope);
    }
  }
}
