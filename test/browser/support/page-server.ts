import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page's HTML, or a handler for anything more (cookies, redirects). */
export type Route = string | ((request: IncomingMessage, response: ServerResponse) => void);

export interface PageServer {
  /** e.g. `http://127.0.0.1:40123`, no trailing slash. */
  url: string;
  /** The paths (with query) requested so far, in order. */
  requests: string[];
  stop(): Promise<void>;
}

/** A tiny HTTP server on loopback serving fixed pages by path (query ignored); 404 elsewhere. */
export async function servePages(routes: Record<string, Route>): Promise<PageServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '/');
    const route = routes[new URL(request.url ?? '/', 'http://localhost').pathname];
    if (typeof route === 'function') return route(request, response);
    response.writeHead(route === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(route ?? '<!doctype html><html lang="fr"><title>Introuvable</title><h1>Introuvable</h1></html>');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // the browser keeps connections alive: close them rather than wait
        server.closeAllConnections();
      }),
  };
}
