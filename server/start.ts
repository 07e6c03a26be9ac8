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
import { checkTimeouts, DEFAULT_LIMITS, DEFAULT_TIMEOUTS, type RequestLimits, type ServerTimeouts } from './config.js';
import { createClientErrorHandler } from './http/clientErrors.js';
import type { ResponseCache, ResponseCacheStats } from './http/responseCache.js';
import { checkControlAccess, CONTROL_BASE_PATH, createControlApi } from './control/index.js';

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
  /** Answer repeated GETs from the bytes of the first while the data is unchanged (default true). */
  responseCache?: boolean;
  /** Whether `GET /statistics` answers without a token (default true); false answers 404, as Monica does by default. */
  publicStatistics?: boolean;
  now?: () => Date;
  log?: (message: string) => void;
  /** Size limits; each one left out keeps its default (server/config.ts). */
  limits?: Partial<RequestLimits>;
  /** Timeouts in milliseconds; each one left out keeps its default. */
  timeouts?: Partial<ServerTimeouts>;
  /** Origins browsers may call from; `['*']` (the default) allows any. */
  corsOrigins?: readonly string[];
  /** The control API at /_control (accounts for tests, server/control/); on unless false. */
  controlApi?: boolean;
  /** The token the control API requires (`Authorization: Bearer`); it must have one on an address other than loopback. */
  controlToken?: string;
}

export interface RunningServer {
  /** The API base URL, ending in `/api`. */
  url: string;
  port: number;
  /** The demo account's token, and the second account's (for isolation checks). */
  tokens: { demo: string; other: string | undefined };
  /** True when this start created the accounts (a fresh database). */
  created: boolean;
  /** The ids of the demo account and of the second one. */
  accountIds: { demo: number; other: number };
  /** The control API's base URL (ending in `/_control`), or undefined when it is off. */
  controlUrl: string | undefined;
  server: Server;
  /** How often the response cache answered (undefined when it is off). */
  responseCacheStats(): ResponseCacheStats | undefined;
  /** Issues one more token for the demo account (each token has its own rate-limit budget). */
  issueToken(name: string): string;
  /**
   * Stops taking connections, lets the requests in flight finish (dropping them after the shutdown timeout),
   * then checkpoints and closes the database.
   */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const limits: RequestLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const timeouts: ServerTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  checkTimeouts(timeouts);
  const controlApi = options.controlApi ?? true;
  if (controlApi) checkControlAccess(options.host ?? '127.0.0.1', options.controlToken);
  const databasePath = options.databasePath ?? ':memory:';
  const db = openDatabase(databasePath);
  // Uploads live beside a database file; an in-memory database gets a temporary directory, removed on close.
  const inMemory = databasePath === ':memory:';
  const filesDir = options.filesDir ?? (inMemory ? mkdtempSync(join(tmpdir(), 'monica-files-')) : join(dirname(databasePath), 'files'));
  mkdirSync(filesDir, { recursive: true });
  const now = options.now ?? (() => new Date());
  const seeded = ensureDemoData(db, { withDemoContent: options.demoData ?? true, clock: now, filesDir });
  const control = controlApi
    ? createControlApi({
        db,
        filesDir,
        now,
        token: options.controlToken,
        demoDataByDefault: options.demoData ?? true,
        log: options.log,
        createdAccounts: seeded.created
          ? [seeded.accountIds.demo, seeded.accountIds.other].map((id) => ({ id, demoData: options.demoData ?? true }))
          : [],
      })
    : undefined;
  const app = createApp({
    db,
    filesDir,
    now,
    rateLimit: options.rateLimit,
    trustProxy: options.trustProxy,
    validateResponses: options.validateResponses,
    responseCache: options.responseCache,
    publicStatistics: options.publicStatistics,
    log: options.log,
    bodyLimitBytes: limits.bodyBytes,
    uploadLimitBytes: limits.uploadBytes,
    urlLimitBytes: limits.urlBytes,
    queryParamLimit: limits.queryParams,
    corsOrigins: options.corsOrigins,
    control,
  });
  // A slow client may not hold a connection open for ever: Node drops a request whose headers (or whole body)
  // take longer than these. It looks at the connections only every `connectionsCheckingInterval` (30 s by
  // default), so that interval follows the headers timeout.
  const server = createServer(
    {
      maxHeaderSize: limits.headerBytes,
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(timeouts.headersMs / 4))),
    },
    app,
  );
  server.on('clientError', createClientErrorHandler({ headerLimitBytes: limits.headerBytes }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';
  let closed = false;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/api`,
    port,
    tokens: { demo: seeded.tokens.demo, other: seeded.tokens.other },
    created: seeded.created,
    accountIds: seeded.accountIds,
    controlUrl: control ? `${origin}${CONTROL_BASE_PATH}` : undefined,
    server,
    responseCacheStats: () => (app.locals['responseCache'] as ResponseCache | undefined)?.stats(),
    issueToken(name: string) {
      const account = listAccounts(db)[0];
      const user = account && firstUser(db, account.id);
      if (!account || !user) throw new Error('the database has no account');
      return issueToken(db, account.id, user.id, name, formatTimestamp(now()));
    },
    async close() {
      if (closed) return;
      closed = true;
      await drain(server, timeouts.shutdownMs);
      // Folds the write-ahead log into the database file, so a clean stop leaves one self-contained file.
      if (!inMemory) db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      if (inMemory && !options.filesDir) rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/**
 * Stops accepting connections and waits for the requests in flight. A keep-alive connection is closed as soon
 * as it is idle; whatever still runs after `timeoutMs` is cut off.
 */
async function drain(server: Server, timeoutMs: number): Promise<void> {
  await new Promise<void>((resolve) => {
    let sweeper: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close(() => {
      clearTimeout(deadline);
      clearInterval(sweeper);
      resolve();
    });
    server.closeIdleConnections();
    // A connection busy when close() was called becomes idle once its response is sent.
    sweeper = setInterval(() => server.closeIdleConnections(), 50);
  });
}
