// Real reference servers on port 0 with in-memory databases, each with SDK clients for its two accounts.
import { afterAll, expect, vi } from 'vitest';
import type { Client } from '../../generated/client/client/index.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { clientFor } from './client.js';
import { createTestClock, type TestClock } from './clock.js';

export interface TestServer {
  /** The API base URL, ending in `/api`. */
  url: string;
  clock: TestClock;
  /** The first (demo) account. */
  demo: Client;
  /** The second account, for isolation checks. */
  other: Client;
  /** A client that sends no token at all. */
  anonymous: Client;
  tokens: { demo: string; other: string };
  /** A client for any token, known or not. */
  clientFor(token: string): Client;
  /** A new token of the demo account (with its own rate-limit budget). */
  issueToken(name: string): string;
  running: RunningServer;
}

const started: RunningServer[] = [];

export interface TestServerOptions {
  demoData?: boolean;
  /** Requests per minute and token; high by default so that only the rate-limit tests meet the limit. */
  rateLimit?: number;
  /** Start time of the server's clock. */
  startAt?: string;
  /** Whether `GET /statistics` answers without a token (the server's default is true). */
  publicStatistics?: boolean;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const clock = createTestClock(options.startAt);
  const running = await startServer({
    port: 0,
    databasePath: ':memory:',
    demoData: options.demoData ?? false,
    rateLimit: options.rateLimit ?? 1_000_000,
    publicStatistics: options.publicStatistics,
    now: clock.now,
    log: () => {},
  });
  started.push(running);
  const other = running.tokens.other;
  if (!other) throw new Error('the server has no second account');
  return {
    url: running.url,
    clock,
    demo: clientFor(running.url, running.tokens.demo),
    other: clientFor(running.url, other),
    anonymous: clientFor(running.url),
    tokens: { demo: running.tokens.demo, other },
    clientFor: (token) => clientFor(running.url, token),
    issueToken: (name) => running.issueToken(name),
    running,
  };
}

/** Stops every server started by startTestServer (call from afterAll). */
export async function closeTestServers(): Promise<void> {
  await Promise.all(started.splice(0).map((s) => s.close()));
}

/**
 * Servers for the tests of one file, started at its top level (`const [main, clean] = await serversForFile(2)`) and
 * stopped after its last test. Real servers, several per file, on a machine that may be busy: generous timeouts.
 */
export async function serversForFile(count = 1, options: TestServerOptions = {}): Promise<TestServer[]> {
  vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });
  afterAll(closeTestServers);
  return Promise.all(Array.from({ length: count }, () => startTestServer(options)));
}

/** A new server with demo data, and its demo account's objects of one kind (listed by `all`); the other account has none. */
export async function demoObjects<T>(all: (client: Client) => Promise<T[]>): Promise<{ server: TestServer; objects: T[] }> {
  const server = await startTestServer({ demoData: true });
  expect(await all(server.other), 'the other account').toEqual([]);
  return { server, objects: await all(server.demo) };
}
