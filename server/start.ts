// Starts a reference server: used by `npm start`, by the conformance run and by tests.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { createApp } from './app.js';
import { openDatabase } from './store/db.js';
import { ensureDemoData } from './seed/demo.js';
import { firstUser, issueToken, listAccounts } from './store/accounts.js';
import { formatTimestamp } from './present/dates.js';

export interface StartOptions {
  port?: number;
  host?: string;
  databasePath?: string;
  /** Directory for uploaded files (default: `files/` beside the database). */
  filesDir?: string;
  rateLimit?: number;
  trustProxy?: boolean;
  demoData?: boolean;
  validateResponses?: boolean;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface RunningServer {
  /** The API base URL, ending in `/api`. */
  url: string;
  port: number;
  /** The demo account's token, and the second account's (for isolation checks). */
  tokens: { demo: string; other: string | undefined };
  /** True when this start created the accounts (a fresh database). */
  created: boolean;
  server: Server;
  /** Issues one more token for the demo account (each token has its own rate-limit budget). */
  issueToken(name: string): string;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const databasePath = options.databasePath ?? ':memory:';
  const db = openDatabase(databasePath);
  // Uploads live beside a database file; an in-memory database gets a temporary directory, removed on close.
  const inMemory = databasePath === ':memory:';
  const filesDir = options.filesDir ?? (inMemory ? mkdtempSync(join(tmpdir(), 'monica-files-')) : join(dirname(databasePath), 'files'));
  mkdirSync(filesDir, { recursive: true });
  const now = options.now ?? (() => new Date());
  const seeded = ensureDemoData(db, { withDemoContent: options.demoData ?? true, clock: now, filesDir });
  const app = createApp({
    db,
    filesDir,
    now,
    rateLimit: options.rateLimit,
    trustProxy: options.trustProxy,
    validateResponses: options.validateResponses,
    log: options.log,
  });
  const server = createServer(app);
  // A slow client may not hold a connection open for ever.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';
  let closed = false;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/api`,
    port,
    tokens: { demo: seeded.tokens.demo, other: seeded.tokens.other },
    created: seeded.created,
    server,
    issueToken(name: string) {
      const account = listAccounts(db)[0];
      const user = account && firstUser(db, account.id);
      if (!account || !user) throw new Error('the database has no account');
      return issueToken(db, account.id, user.id, name, formatTimestamp(now()));
    },
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      db.close();
      if (inMemory && !options.filesDir) rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
