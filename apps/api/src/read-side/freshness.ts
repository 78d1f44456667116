import { Inject, Injectable } from '@nestjs/common';
import { comparePositions, isPosition } from '@cafeia/event-store';
import type { ReadModelQueries } from '@cafeia/projections';
import type { FastifyReply } from 'fastify';
import { ProblemException } from '../http/problem';
import type { AppConfig } from '@cafeia/config';
import { APP_CONFIG, READ_MODELS } from '../infrastructure/tokens';
import { ReadCache } from './read-cache';


export interface AsOf {
  position: string;
  at: string | null;
}

interface CachedAnswer {
  asOf: AsOf;
  body: object;
  json: string;
}

/**
 * Reads say how fresh they are (`asOf` and `X-Read-Model-Position`), and `?minPosition=P` waits until every event
 * at or before P is applied (up to 5 s, then 503 with Retry-After).
 */
@Injectable()
export class Freshness {
  /**
   * Answers computed in the last READ_CACHE_MS (default 500 ms), by URL and caller, within READ_CACHE_MAX_BYTES. A cached answer is served only
   * when it is at least as fresh as the `minPosition` asked for, with its own `asOf`: reads stay honest about their
   * freshness, and dashboards polled by many coordinators cost one query per half second, even under heavy writes.
   * For READ_CACHE_STALE_MS more (default 500 ms) an answer is still sent, with its own `asOf`, to callers who ask no
   * `minPosition`, while one read computes the next: no caller of a busy dashboard waits for its refresh.
   */
  private readonly cache: ReadCache<CachedAnswer>;
  /** reads running now, by cache key */
  private readonly flying = new Map<string, Promise<CachedAnswer>>();
  private readonly minPositionWaitMs: number;

  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries, @Inject(APP_CONFIG) config: AppConfig) {
    this.cache = new ReadCache(config.readCacheMs, config.readCacheMaxBytes, Date.now, config.readCacheStaleMs ?? 0);
    this.minPositionWaitMs = config.minPositionWaitMs;
  }

  async asOf(minPosition?: string): Promise<AsOf> {
    const deadline = Date.now() + this.minPositionWaitMs;
    let delay = 5;
    for (;;) {
      const { position, at } = await this.queries.position();
      const applied = position ?? '0';
      if (!minPosition || comparePositions(applied, minPosition) >= 0) return { position: applied, at };
      if (Date.now() >= deadline) {
        throw new ProblemException(503, `The read models have applied events up to position ${applied}, not yet ${minPosition}; retry shortly.`, {
          code: 'read_model_behind',
          headers: { 'retry-after': '1' },
        });
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 100);
    }
  }

  /**
   * The answer kept for this URL and caller, when there is one at least as fresh as the URL's `minPosition`: what
   * `serve` would send without running the read (see installCachedReads, which sends it before the framework's
   * pipeline). Only a request that went through `serve` — its guard, validation and scope checks passed — leaves one.
   */
  cached(url: string, caller: CallerScope | undefined): { position: string; json: string } | undefined {
    if (!this.cache.enabled) return undefined;
    const key = cacheKey(url, caller);
    // a stale answer only while its refresh runs: otherwise the request goes on to `serve`, which starts one
    const entry = this.cache.get(key) ?? (this.flying.has(key) ? this.cache.getStale(key) : undefined);
    if (!entry) return undefined;
    const query = url.indexOf('?');
    const minPosition = query < 0 ? null : new URLSearchParams(url.slice(query + 1)).get('minPosition');
    if (minPosition !== null && !(isPosition(minPosition) && comparePositions(entry.asOf.position, minPosition) >= 0)) return undefined;
    return { position: entry.asOf.position, json: entry.json };
  }

  /**
   * Runs the read after the position is known, so `asOf` never claims more than the read saw. A cached answer is
   * sent as the JSON it was serialised to once (the reply's serializer), not serialised again for every caller.
   */
  async serve<T extends object>(reply: FastifyReply, minPosition: string | undefined, read: () => Promise<T>): Promise<T & { asOf: AsOf }> {
    const key = this.cache.enabled ? cacheKey(reply.request.url, (reply.request as { principal?: CallerScope }).principal) : null;
    const cached = key ? this.cache.get(key) : undefined;
    if (cached && (!minPosition || comparePositions(cached.asOf.position, minPosition) >= 0)) return answerWith(reply, cached) as T & { asOf: AsOf };
    // the same read already running for another caller with the same scope: its answer is this one's (no minPosition
    // asked, so any fresh answer will do) — a dashboard's miss costs one read, not one per connection waiting on it;
    // and while the last answer is within its stale window, that answer is sent at once and the read runs behind it
    const stale = key && !minPosition ? this.cache.getStale(key) : undefined;
    const flying = key && !minPosition ? this.flying.get(key) : undefined;
    if (stale) {
      if (!flying) void this.read(key, minPosition, read);
      return answerWith(reply, stale) as T & { asOf: AsOf };
    }
    if (flying) return answerWith(reply, await flying) as T & { asOf: AsOf };
    return answerWith(reply, await this.read(key, minPosition, read)) as T & { asOf: AsOf };
  }

  /** runs the read and keeps its answer; without minPosition, callers of the same key share it while it runs */
  private read(key: string | null, minPosition: string | undefined, read: () => Promise<object>): Promise<CachedAnswer> {
    const work = (async () => {
      const asOf = await this.asOf(minPosition);
      const body = { ...(await read()), asOf };
      const json = JSON.stringify(body);
      if (key) this.cache.set(key, { asOf, body, json }, json.length);
      return { asOf, body, json };
    })();
    if (key && !minPosition) {
      this.flying.set(key, work);
      // also the handler of a refresh nobody awaits: its failure leaves the stale answer to expire, the next caller reads anew
      work.then(
        () => this.flying.delete(key),
        () => this.flying.delete(key),
      );
    }
    return work;
  }
}

/** sends a read's answer: its position in the header, its JSON as serialised once */
function answerWith(reply: FastifyReply, entry: CachedAnswer): object {
  void reply.header('x-read-model-position', entry.asOf.position);
  sendAsSerialised(reply, entry.body, entry.json);
  return entry.body;
}

/**
 * An answer that carries its own `asOf` (figures as they stood on a date): waits for `minPosition` like the others
 * and states the applied position in the header, but keeps the body's `asOf` (the last event it counts).
 */
export async function serveWithOwnAsOf<T extends object>(fresh: Freshness, reply: FastifyReply, minPosition: string | undefined, read: () => Promise<T>): Promise<T> {
  const { position } = await fresh.asOf(minPosition);
  const body = await read();
  void reply.header('x-read-model-position', position);
  return body;
}

/** the answer's JSON, already written: sent as is when the reply sends that very answer (anything else, say a problem, is serialised as usual) */
function sendAsSerialised(reply: FastifyReply, answer: object, json: string): void {
  // a reply with its own serializer is given no content type by Fastify: the one it gives JSON
  void reply.type('application/json; charset=utf-8');
  void reply.serializer((payload: unknown) => (payload === answer ? json : JSON.stringify(payload)));
}

/** what of the caller changes an answer: the role and the scope claims (none for a public read) */
export interface CallerScope {
  role: string;
  territory?: string;
  structureIds?: string[];
  networkId?: string;
  funderId?: string;
}

/** the URL without minPosition, and who asks (scopes change the answer) */
function cacheKey(url: string, p: CallerScope | undefined): string {
  const [path, query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.delete('minPosition');
  params.sort();
  return `${path}?${params.toString()}|${p?.role}|${p?.territory ?? ''}|${(p?.structureIds ?? []).join(',')}|${p?.networkId ?? ''}|${p?.funderId ?? ''}`;
}
