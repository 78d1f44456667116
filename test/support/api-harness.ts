import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, loadConfig } from '@cafeia/config';
import { createApp } from '../../apps/api/src/bootstrap';
import { readSideModules } from '../../apps/api/src/read-side/read-side.module';
import { signToken, TokenClaims } from '../../apps/api/src/auth/jwt';

export const TEST_SECRET = 'test-secret-0123456789-0123456789-abcdef';

export interface RequestOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiHarness {
  url: string;
  config: AppConfig;
  dataDir: string;
  app: NestFastifyApplication;
  token(claims: Partial<TokenClaims> & { role: TokenClaims['role'] }): string;
  request(method: string, path: string, options?: RequestOptions): Promise<{ status: number; body: any; headers: Headers; text: string }>;
  /** a request that must succeed (a test's setup, a read to compare with): its parsed body, or an error naming the method, path, status and body */
  ok(method: string, path: string, options?: RequestOptions): Promise<any>;
  close(): Promise<void>;
}

/** A real API on a real port, on a fresh DATA_DIR (or the given one), with real SQLite files. */
export async function startApi(env: Record<string, string> = {}, options: { keepDataDir?: boolean; port?: number } = {}): Promise<ApiHarness> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'cafeia-e2e-'));
  const config = loadConfig({ AUTH_SECRET: TEST_SECRET, CLOCK: '2026-06-15T12:00:00Z', ...env, DATA_DIR: dataDir, PORT: '0' });
  const app = await createApp(config, { logger: false, modules: readSideModules(config) });
  await app.listen(options.port ?? 0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const token = (claims: Partial<TokenClaims> & { role: TokenClaims['role'] }) => signToken({ sub: `test-${claims.role}`, ...claims }, TEST_SECRET);
  const request: ApiHarness['request'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const response = await fetch(url + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: response.status, body: parsed, headers: response.headers, text };
  };
  return {
    url,
    config,
    dataDir,
    app,
    token,
    request,
    async ok(method, path, opts) {
      const { status, body, text } = await request(method, path, opts);
      if (status < 200 || status >= 300) throw new Error(`${method} ${path}: ${status} ${text}`);
      return body;
    },
    async close() {
      await app.close();
      if (!options.keepDataDir && !env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
