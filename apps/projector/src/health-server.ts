import { createServer, Server } from 'node:http';
import type { ProjectorMetrics } from './projector-metrics';

/** `/health/live`, `/health/ready` and `/metrics` (Prometheus text) on a small HTTP server; no framework needed. */
export async function startHealthServer(port: number, metrics: ProjectorMetrics, ready: () => boolean, status: () => Promise<unknown>): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const json = (code: number, body: unknown) => {
      response.writeHead(code, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET') return json(405, { status: 405, title: 'Method Not Allowed' });
    if (path === '/health/live') return json(200, { status: 'ok' });
    if (path === '/health/ready') return json(ready() ? 200 : 503, { status: ready() ? 'ok' : 'starting' });
    if (path === '/status') {
      status().then(
        (body) => json(200, body),
        (error: unknown) => json(503, { status: 503, title: 'Unavailable', detail: String(error) }),
      );
      return;
    }
    if (path === '/metrics') {
      metrics.registry.metrics().then(
        (text) => {
          response.writeHead(200, { 'content-type': metrics.registry.contentType });
          response.end(text);
        },
        (error: unknown) => json(500, { status: 500, title: 'Metrics failed', detail: String(error) }),
      );
      return;
    }
    json(404, { status: 404, title: 'Not Found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve());
  });
  return server;
}
