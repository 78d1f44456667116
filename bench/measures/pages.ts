/**
 * pageP95Ms and pageBytes: the web app's dashboard pages (the HTML a browser asks for, before its cached assets),
 * served by the embedded default on the dataset, signed in with a session cookie: the national dashboard and
 * territory dashboards, at a steady 50 requests/s for the phase, p50/p95/p99 and the bytes of each page.
 */
import { signToken } from '../../apps/api/src/auth/jwt';
import { DATASET_NOW } from '../generator/national-dataset';
import { distFile, startProcess } from '../support/children';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<{ duration: number; '2xx': number; non2xx: number; errors: number; latency: { p50: number; p97_5: number; p99: number }; requests: { total: number } }>;

const SECRET = 'cafeia-bench-secret-cafeia-bench-secret';
const PAGES = ['/', '/territoires/region/84', '/territoires/department/69', '/territoires/region/11', '/cafes?status=held'];

export interface PagesResults {
  pageP50Ms: number;
  pageP95Ms: number;
  pageP99Ms: number;
  /** the largest of the pages, in bytes of HTML */
  pageBytes: number;
  bytesByPage: Record<string, number>;
  requestsPerSec: number;
  non2xx: number;
}

/** signs in as the council the way a browser does (the sign-in form, its CSRF token, the session cookie) */
async function signIn(base: string): Promise<string> {
  const first = await fetch(`${base}/sign-in`);
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())?.[1] ?? '';
  const token = signToken({ sub: 'user:bench-pages', role: 'council', exp: Math.floor(Date.now() / 1000) + 3600 }, SECRET);
  const signedIn = await fetch(`${base}/sign-in`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, token, returnTo: '/' }).toString(),
    redirect: 'manual',
  });
  const session = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
  if (signedIn.status !== 303 || !session) throw new Error(`signing in failed: ${signedIn.status}`);
  return session;
}

export async function measurePages(dataDir: string, options: { seconds: number; port?: number }): Promise<PagesResults> {
  const port = options.port ?? 39_400;
  const server = startProcess(distFile('apps', 'api', 'src', 'main.js'), {
    PORT: String(port),
    DATA_DIR: dataDir,
    AUTH_SECRET: SECRET,
    CLOCK: new Date(DATASET_NOW).toISOString(),
    EVENT_STORE: 'sqlite',
    READ_MODELS: 'sqlite',
    KAFKA_BROKERS: '',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (const deadline = Date.now() + 600_000; ; ) {
      const ready = await fetch(`${base}/health/ready`).then((r) => r.status === 200).catch(() => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`the API was not ready: ${server.log().slice(-1500)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const cookie = await signIn(base);
    const bytesByPage: Record<string, number> = {};
    for (const path of PAGES) {
      const response = await fetch(base + path, { headers: { cookie, accept: 'text/html' } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      bytesByPage[path] = Buffer.byteLength(await response.text());
    }
    let index = 0;
    const result = await autocannon({
      url: base,
      connections: 4,
      overallRate: 50,
      duration: options.seconds,
      headers: { cookie, accept: 'text/html' },
      requests: [{ method: 'GET', setupRequest: (request: Record<string, unknown>) => ({ ...request, path: PAGES[index++ % PAGES.length] }) }],
    });
    return {
      pageP50Ms: result.latency.p50,
      // autocannon reports 97.5 and 99: the 95th percentile lies at or below the 97.5th; we report the latter
      pageP95Ms: result.latency.p97_5,
      pageP99Ms: result.latency.p99,
      pageBytes: Math.max(...Object.values(bytesByPage)),
      bytesByPage,
      requestsPerSec: Math.round(result['2xx'] / result.duration),
      non2xx: result.non2xx + result.errors,
    };
  } finally {
    await server.stop();
  }
}
