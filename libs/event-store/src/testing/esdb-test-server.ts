/**
 * TEST DOUBLE — not part of the product.
 *
 * An in-memory stand-in for an EventStoreDB/KurrentDB node that speaks the server's gRPC protocol
 * (the service definitions generated from the server's .proto files, shipped inside
 * `@eventstore/db-client`), so that the real client library is exercised over the wire on 127.0.0.1
 * without Docker. It implements only what the EventStoreDB adapter uses, following the server's
 * observable behaviour:
 *
 *  - ServerFeatures.GetSupportedMethods: advertises Streams.Read and Streams.Append only, so the client
 *    uses plain `Append` (never `BatchAppend`).
 *  - Streams.Append: expected revision any / no_stream / stream_exists / exact revision; success carries
 *    the stream's current revision and the log position; a mismatch answers `wrong_expected_version`
 *    with the current revision (or "no stream"), in both the 20.6 and the current fields.
 *  - Streams.Read of a stream: forwards/backwards, from start/end/revision, count, `stream_not_found`.
 *  - Streams.Read of `$all`: from start/end/position (forwards: inclusive; backwards: exclusive), count,
 *    server-side filter on stream name or event type (regex or prefixes).
 *  - Streams.Read as a subscription to `$all`: confirmation, catch-up from a position (exclusive) then
 *    live, filters with checkpoints every `maxSearchWindow × checkpointIntervalMultiplier` events
 *    considered, a checkpoint and `caught_up` when the catch-up ends.
 *
 * Positions are byte-offset-like, as in the server's transaction file: every event advances the log by
 * a record size that depends on its content, so positions are increasing but never contiguous. Each
 * event of a multi-event append gets its own position (commit = prepare = the record's log position),
 * which is what the server's `$all` reader reports for events written over gRPC.
 *
 * The log starts with a few system events (`$`-streams, `$`-types) as a fresh node has, so that filters
 * excluding system events are exercised.
 *
 * Not emulated: idempotent re-appends of the same event ids, deletes/tombstones, stream ACLs and
 * metadata, links and projections, stream subscriptions, persistent subscriptions, clustering/gossip,
 * TLS, structured UUIDs (the client asks for the string form).
 */
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { AppendReq, AppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';

/** One event as the double stores it. */
interface RecordedEvent {
  id: string;
  streamName: string;
  revision: number;
  /** commit = prepare = the record's log position */
  position: bigint;
  type: string;
  contentType: string;
  /** 100 ns ticks since the Unix epoch, as the server's `created` metadata entry */
  created: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export interface EsdbTestServer {
  port: number;
  /** connection string for `EventStoreDBClient.connectionString` */
  url: string;
  stop(): Promise<void>;
}

export interface EsdbTestServerOptions {
  /** seed the log with a few system events as a fresh node has (default true) */
  systemEvents?: boolean;
}

/** Fixed part of a record's size in the transaction file; the variable part is its content. */
const RECORD_HEADER_BYTES = 137n;
const DEFAULT_SEARCH_WINDOW = 32;

const encoder = new TextEncoder();

/** The in-memory log: the global order (`$all`) and an index by stream. */
class InMemoryLog {
  readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private nextPosition = 0n;
  private readonly waiters = new Set<() => void>();

  streamEvents(streamName: string): RecordedEvent[] | undefined {
    return this.streams.get(streamName);
  }

  lastRevision(streamName: string): number | undefined {
    const events = this.streams.get(streamName);
    return events ? events.length - 1 : undefined;
  }

  append(
    streamName: string,
    proposed: { id: string; type: string; contentType: string; data: Uint8Array; customMetadata: Uint8Array }[],
  ): RecordedEvent[] {
    let events = this.streams.get(streamName);
    if (!events) {
      events = [];
      this.streams.set(streamName, events);
    }
    const created = (BigInt(Date.now()) * 10_000n).toString();
    const recorded: RecordedEvent[] = [];
    for (const message of proposed) {
      const event: RecordedEvent = { ...message, streamName, revision: events.length, position: this.nextPosition, created };
      this.nextPosition +=
        RECORD_HEADER_BYTES +
        BigInt(encoder.encode(streamName).length + encoder.encode(message.type).length) +
        BigInt(message.data.length + message.customMetadata.length);
      events.push(event);
      this.all.push(event);
      recorded.push(event);
    }
    for (const wake of [...this.waiters]) wake();
    return recorded;
  }

  /** resolves at the next append (or when `abandon` is called) */
  nextAppend(): { promise: Promise<void>; abandon: () => void } {
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => {
      wake = () => {
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
    });
    return { promise, abandon: wake };
  }

  /** index in `all` of the first event at or after `position` */
  indexAtOrAfter(position: bigint): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.all[mid].position < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

type EventFilter = (event: RecordedEvent) => boolean;

function toFilter(options: ReadReq.Options): { allows: EventFilter; window: number; checkpointEvery: number } | null {
  if (!options.hasFilter()) return null;
  const filter = options.getFilter()!;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const prefixes = expression.getPrefixList();
  const regex = prefixes.length === 0 ? new RegExp(expression.getRegex()) : null;
  const allows: EventFilter = (event) => {
    const subject = onStream ? event.streamName : event.type;
    return regex ? regex.test(subject) : prefixes.some((prefix) => subject.startsWith(prefix));
  };
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_SEARCH_WINDOW;
  return { allows, window, checkpointEvery: window * Math.max(1, filter.getCheckpointintervalmultiplier()) };
}

function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(encoder.encode(name));
}

function streamNameOf(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

function eventResponse(event: RecordedEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.id))
    .setStreamIdentifier(streamIdentifier(event.streamName))
    .setStreamRevision(String(event.revision))
    .setCommitPosition(event.position.toString())
    .setPreparePosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded.getMetadataMap().set('type', event.type).set('content-type', event.contentType).set('created', event.created);
  const readEvent = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(readEvent);
}

function checkpointResponse(position: bigint): ReadResp {
  return new ReadResp().setCheckpoint(
    new ReadResp.Checkpoint().setCommitPosition(position.toString()).setPreparePosition(position.toString()),
  );
}

function parseCount(options: ReadReq.Options): number {
  const count = BigInt(options.getCount() || '0');
  return count > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(count);
}

/** Writes respecting back-pressure; false when the call is gone. */
async function write(call: grpc.ServerWritableStream<ReadReq, ReadResp>, response: ReadResp): Promise<boolean> {
  if (call.cancelled || call.destroyed) return false;
  if (call.write(response)) return true;
  await new Promise<void>((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('close', done);
      call.off('cancelled', done);
      resolve();
    };
    call.on('drain', done);
    call.on('close', done);
    call.on('cancelled', done);
  });
  return !call.cancelled && !call.destroyed;
}

class StreamsHandlers {
  private readonly subscriptions = new Set<grpc.ServerWritableStream<ReadReq, ReadResp>>();

  constructor(private readonly log: InMemoryLog) {}

  append = (
    call: grpc.ServerReadableStream<AppendReq, AppendResp>,
    callback: grpc.sendUnaryData<AppendResp>,
  ): void => {
    let options: AppendReq.Options | undefined;
    const proposed: Parameters<InMemoryLog['append']>[1] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) {
        options = request.getOptions();
        return;
      }
      const message = request.getProposedMessage();
      if (!message) return;
      const metadata = message.getMetadataMap();
      const id = message.getId();
      proposed.push({
        id: id?.hasString() ? id.getString() : randomUUID(),
        type: metadata.get('type') ?? '',
        contentType: metadata.get('content-type') ?? 'application/octet-stream',
        data: message.getData_asU8(),
        customMetadata: message.getCustomMetadata_asU8(),
      });
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      if (!options) {
        callback({ code: grpc.status.INVALID_ARGUMENT, details: 'append without options' });
        return;
      }
      callback(null, this.commit(options, proposed));
    });
  };

  private commit(options: AppendReq.Options, proposed: Parameters<InMemoryLog['append']>[1]): AppendResp {
    const streamName = streamNameOf(options.getStreamIdentifier());
    const current = this.log.lastRevision(streamName);
    const expected = options.getExpectedStreamRevisionCase();
    const Case = AppendReq.Options.ExpectedStreamRevisionCase;
    const accepted =
      expected === Case.ANY ||
      (expected === Case.NO_STREAM && current === undefined) ||
      (expected === Case.STREAM_EXISTS && current !== undefined) ||
      (expected === Case.REVISION && current !== undefined && BigInt(current) === BigInt(options.getRevision()));
    if (!accepted) {
      const wrong = new AppendResp.WrongExpectedVersion();
      if (current === undefined) wrong.setCurrentNoStream(new Empty()).setNoStream2060(new Empty());
      else wrong.setCurrentRevision(String(current)).setCurrentRevision2060(current);
      if (expected === Case.REVISION) {
        wrong.setExpectedRevision(options.getRevision()).setExpectedRevision2060(Number(options.getRevision()));
      } else if (expected === Case.NO_STREAM) wrong.setExpectedNoStream(new Empty());
      else if (expected === Case.STREAM_EXISTS) wrong.setExpectedStreamExists(new Empty()).setStreamExists2060(new Empty());
      else wrong.setExpectedAny(new Empty()).setAny2060(new Empty());
      return new AppendResp().setWrongExpectedVersion(wrong);
    }
    const recorded = this.log.append(streamName, proposed);
    const success = new AppendResp.Success();
    const revision = this.log.lastRevision(streamName);
    if (revision === undefined) success.setNoStream(new Empty());
    else success.setCurrentRevision(String(revision));
    // as the server: commit = the last event's log position, prepare = the transaction's (first event's)
    const first = recorded[0];
    const last = recorded[recorded.length - 1];
    if (first && last) {
      success.setPosition(
        new AppendResp.Position().setCommitPosition(last.position.toString()).setPreparePosition(first.position.toString()),
      );
    } else success.setNoPosition(new Empty());
    return new AppendResp().setSuccess(success);
  }

  read = (call: grpc.ServerWritableStream<ReadReq, ReadResp>): void => {
    const options = call.request.getOptions();
    const run = !options
      ? Promise.reject(new Error('read without options'))
      : options.hasSubscription()
        ? this.subscribe(call, options)
        : options.hasStream()
          ? this.readStream(call, options)
          : this.readAll(call, options);
    run.then(
      () => {
        if (!call.cancelled && !call.destroyed) call.end();
      },
      (error: Error) => {
        if (!call.cancelled && !call.destroyed) call.destroy(Object.assign(error, { code: grpc.status.INTERNAL }));
      },
    );
  };

  private async readStream(call: grpc.ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options): Promise<void> {
    const streamOptions = options.getStream()!;
    const streamName = streamNameOf(streamOptions.getStreamIdentifier());
    const events = this.log.streamEvents(streamName);
    if (!events) {
      await write(
        call,
        new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamName))),
      );
      return;
    }
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const count = parseCount(options);
    const last = events.length - 1;
    const from = streamOptions.hasRevision()
      ? Number(BigInt(streamOptions.getRevision()) > BigInt(last + 1) ? last + 1 : BigInt(streamOptions.getRevision()))
      : streamOptions.hasEnd()
        ? backwards
          ? last
          : last + 1
        : 0;
    const selected = backwards
      ? events.slice(0, Math.min(from, last) + 1).reverse().slice(0, count)
      : events.slice(from, from + count);
    for (const event of selected) if (!(await write(call, eventResponse(event)))) return;
  }

  private async readAll(call: grpc.ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options): Promise<void> {
    const allOptions = options.getAll()!;
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const count = parseCount(options);
    const filter = toFilter(options);
    const all = this.log.all;
    let selected: RecordedEvent[];
    if (backwards) {
      // backwards positions are post-positions: the event at the given position is not included
      const end = allOptions.hasPosition()
        ? this.log.indexAtOrAfter(BigInt(allOptions.getPosition()!.getCommitPosition()))
        : allOptions.hasStart()
          ? 0
          : all.length;
      selected = all.slice(0, end).reverse();
    } else {
      // forwards positions are pre-positions: the event at the given position is included
      const start = allOptions.hasPosition()
        ? this.log.indexAtOrAfter(BigInt(allOptions.getPosition()!.getCommitPosition()))
        : allOptions.hasEnd()
          ? all.length
          : 0;
      selected = all.slice(start);
    }
    let sent = 0;
    for (const event of selected) {
      if (sent >= count) return;
      if (filter && !filter.allows(event)) continue;
      if (!(await write(call, eventResponse(event)))) return;
      sent++;
    }
  }

  /** catch-up subscription to `$all`, then live; ends only when the client cancels or the server stops */
  private async subscribe(call: grpc.ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options): Promise<void> {
    if (!options.hasAll()) throw new Error('the test double only supports subscriptions to $all');
    this.subscriptions.add(call);
    try {
      const allOptions = options.getAll()!;
      const filter = toFilter(options);
      const confirmation = new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
      if (!(await write(call, new ReadResp().setConfirmation(confirmation)))) return;
      // a subscription starts strictly after the given position
      let cursor = allOptions.hasPosition()
        ? this.log.indexAtOrAfter(BigInt(allOptions.getPosition()!.getCommitPosition()) + 1n)
        : allOptions.hasEnd()
          ? this.log.all.length
          : 0;
      let consideredSinceCheckpoint = 0;
      let caughtUp = false;
      while (!call.cancelled && !call.destroyed) {
        if (cursor < this.log.all.length) {
          const event = this.log.all[cursor++];
          if (!filter || filter.allows(event)) {
            if (!(await write(call, eventResponse(event)))) return;
          }
          if (filter && ++consideredSinceCheckpoint >= filter.checkpointEvery) {
            consideredSinceCheckpoint = 0;
            if (!(await write(call, checkpointResponse(event.position)))) return;
          }
          continue;
        }
        const next = this.log.nextAppend();
        if (!caughtUp) {
          caughtUp = true;
          const head = this.log.all[this.log.all.length - 1];
          if (filter && head && !(await write(call, checkpointResponse(head.position)))) return next.abandon();
          if (!(await write(call, new ReadResp().setCaughtUp(new ReadResp.CaughtUp())))) return next.abandon();
        }
        const stop = () => next.abandon();
        call.once('cancelled', stop);
        call.once('close', stop);
        await next.promise;
        call.off('cancelled', stop);
        call.off('close', stop);
      }
    } finally {
      this.subscriptions.delete(call);
    }
  }

  /** ends the live subscriptions, as a server shutting down does */
  endSubscriptions(): void {
    for (const call of this.subscriptions) {
      call.destroy(Object.assign(new Error('server shutting down'), { code: grpc.status.UNAVAILABLE }));
    }
  }
}

function serverFeatures(): SupportedMethods {
  const supported = [StreamsService.read, StreamsService.append].map((method) => {
    const [, service, name] = /^\/([^/]+)\/([^/]+)$/.exec(method.path)!;
    return new SupportedMethod().setServiceName(service.toLowerCase()).setMethodName(name.toLowerCase());
  });
  return new SupportedMethods().setMethodsList(supported).setEventStoreServerVersion('0.0.0-test-double');
}

function seedSystemEvents(log: InMemoryLog): void {
  const json = (value: unknown) => encoder.encode(JSON.stringify(value));
  log.append('$settings', [
    { id: randomUUID(), type: '$settings', contentType: 'application/json', data: json({ $userStreamAcl: {} }), customMetadata: new Uint8Array() },
  ]);
  log.append('$stats-127.0.0.1:2113', [
    { id: randomUUID(), type: '$statsCollected', contentType: 'application/json', data: json({ 'proc-id': 1 }), customMetadata: new Uint8Array() },
  ]);
}

/** Starts the double on 127.0.0.1 (a free port unless `port` is given). */
export async function startEsdbTestServer(options: EsdbTestServerOptions & { port?: number } = {}): Promise<EsdbTestServer> {
  const log = new InMemoryLog();
  if (options.systemEvents ?? true) seedSystemEvents(log);
  const streams = new StreamsHandlers(log);
  const server = new grpc.Server();
  // Only Read and Append: grpc-js answers UNIMPLEMENTED for the other methods.
  server.addService(StreamsService, { read: streams.read, append: streams.append });
  server.addService(ServerFeaturesService, {
    getSupportedMethods: (_call: grpc.ServerUnaryCall<Empty, SupportedMethods>, callback: grpc.sendUnaryData<SupportedMethods>) =>
      callback(null, serverFeatures()),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${options.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  let stopped: Promise<void> | undefined;
  return {
    port,
    url: `esdb://127.0.0.1:${port}?tls=false`,
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        streams.endSubscriptions();
        server.tryShutdown(() => resolve());
        // connections held by clients that were not disposed must not keep the test process alive
        setTimeout(() => server.forceShutdown(), 1000).unref();
      })),
  };
}
