// A webhook receiver and WebSub hub stand-in for the push tests, started by Vitest's global
// setup on 127.0.0.1 with an ephemeral port, in Node beside workerd. It records every POST
// it is sent (path, headers, body) and answers each path as the test told it to: a status,
// or a wait longer than the Worker allows. Bounded: it takes at most `maxRequests` requests
// and closes when the run ends.
//
// The tests (in workerd) talk to it over HTTP: GET /_received?path=P lists what P received;
// PUT /_answer?path=P with {"status": 500} or {"delayMs": 3000} sets how P answers.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';

export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

const maxRequests = 20_000;
const maxBodyBytes = 1024 * 1024;

declare module 'vitest' {
  interface ProvidedContext {
    receiverPort: number;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > maxBodyBytes) request.destroy(new Error('body too large'));
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

export default async function startReceiver(project: TestProject) {
  const received: Received[] = [];
  const answers = new Map<string, { status?: number; delayMs?: number }>();
  let requests = 0;
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    if (++requests > maxRequests) {
      response.writeHead(503).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.searchParams.get('path') ?? '';
    const body = await readBody(request);
    if (url.pathname === '/_received') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(received.filter((r) => r.path === path)));
      return;
    }
    if (url.pathname === '/_answer') {
      answers.set(path, JSON.parse(body));
      response.writeHead(204).end();
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
    );
    received.push({ path: url.pathname + url.search, headers, body, at: Date.now() });
    const answer = answers.get(url.pathname) ?? {};
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (!response.destroyed) response.writeHead(answer.status ?? 204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  project.provide('receiverPort', (server.address() as AddressInfo).port);
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}
