// The server's settings: command-line flags win over environment variables, which win over defaults.
import { join } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** SQLite file, or `:memory:`. */
  databasePath: string;
  rateLimit: number;
  trustProxy: boolean;
  demoData: boolean;
  validateResponses: boolean;
  responseCache: boolean;
  /** `GET /statistics` answers without a token (Monica's `allow_statistics_through_public_api_access`); else 404. */
  publicStatistics: boolean;
  limits: RequestLimits;
  timeouts: ServerTimeouts;
  /** Origins browsers may call the API from; `['*']` allows any. */
  corsOrigins: string[];
  /** The control API at /_control (accounts for tests, server/control/). */
  controlApi: boolean;
  /** The token the control API requires; it must have one on an address other than loopback. */
  controlToken: string | undefined;
}

/** Sizes a request may not exceed; each has its own documented answer (README, "Limits"). */
export interface RequestLimits {
  /** Largest JSON body, in bytes (413 above it). */
  bodyBytes: number;
  /** Largest uploaded file, in bytes (422 above it, as Monica's validator answers). */
  uploadBytes: number;
  /** Longest URL (path and query string), in bytes (414 above it). */
  urlBytes: number;
  /** Most query parameters in one request (414 above it). */
  queryParams: number;
  /** Largest request line plus headers, in bytes (Node's parser answers 431 above it). */
  headerBytes: number;
}

/** How long a client may take, in milliseconds, before the server drops it. */
export interface ServerTimeouts {
  /** From the first byte of a request until its headers are complete (408 after it). */
  headersMs: number;
  /** From the first byte of a request until its body is complete (408 after it). */
  requestMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveMs: number;
  /** How long a stopping server (SIGTERM, SIGINT) waits for requests in flight before it drops them. */
  shutdownMs: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  bodyBytes: 1024 * 1024,
  uploadBytes: 10 * 1024 * 1024,
  urlBytes: 8 * 1024,
  queryParams: 50,
  headerBytes: 16 * 1024,
};

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  shutdownMs: 10_000,
};

export const CONFIG_HELP = `Usage: npm start -- [options]

  --port <n>            PORT                 port to listen on (default 8080; 0 picks a free one)
  --host <addr>         HOST                 address to bind (default 127.0.0.1)
  --data-dir <dir>      DATA_DIR             where the database lives (default ./data)
  --database <file>     DATABASE             SQLite file, or :memory: (default <data dir>/monica.sqlite)
  --rate-limit <n>      RATE_LIMIT           requests per minute and token (default 60)
  --trust-proxy         TRUST_PROXY=true     take client addresses from X-Forwarded-For (default off)
  --empty               DEMO_DATA=false      start without the demo data
  --no-response-validation  VALIDATE_RESPONSES=false  skip checking responses against the spec
  --no-response-cache       RESPONSE_CACHE=false      make every GET's answer anew, even when an identical one
                                                      was just answered and nothing has changed since
  --no-public-statistics    PUBLIC_STATISTICS=false   answer GET /statistics with 404, as Monica does by default
  --cors-origins <list> CORS_ORIGINS         origins browsers may call from, comma-separated (default *: any)
  --body-limit <size>   BODY_LIMIT           largest JSON body (default 1mb; sizes in bytes, or with kb/mb)
  --upload-limit <size> UPLOAD_LIMIT         largest uploaded file (default 10mb)
  --url-limit <size>    URL_LIMIT            longest URL (default 8kb)
  --query-param-limit <n>  QUERY_PARAM_LIMIT most query parameters in a request (default 50)
  --header-limit <size> HEADER_LIMIT         largest request line plus headers (default 16kb)
  --headers-timeout <ms>   HEADERS_TIMEOUT   time allowed to send the headers (default 10000)
  --request-timeout <ms>   REQUEST_TIMEOUT   time allowed to send a whole request (default 30000)
  --keep-alive-timeout <ms> KEEP_ALIVE_TIMEOUT  idle keep-alive connections close after this (default 5000)
  --shutdown-timeout <ms>  SHUTDOWN_TIMEOUT  on SIGTERM, wait this long for requests in flight (default 10000)
  --no-control-api      CONTROL_API=false    turn off the control API at /_control (accounts for tests; default on)
  --control-token <t>   CONTROL_TOKEN        token the control API requires (at least 16 characters); needed
                                             unless the host is loopback (127.0.0.1, ::1, localhost)
  --help                                     show this help
`;

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

function integer(value: string, what: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new Error(`${what} must be an integer of at least ${min}, got "${value}"`);
  return Number(value);
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: 1024 * 1024, m: 1024 * 1024 };

/** A size in bytes: `1048576`, `512kb` or `1mb` (units of 1024). */
export function parseSize(value: string, what: string): number {
  const match = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(value);
  const unit = match ? SIZE_UNITS[match[2].toLowerCase()] : undefined;
  if (!match || unit === undefined || Number(match[1]) * unit < 1) {
    throw new Error(`${what} must be a size such as 1048576, 512kb or 1mb, got "${value}"`);
  }
  return Number(match[1]) * unit;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !/^(0|false|no|off)$/i.test(value);
}

/** `*`, or a comma-separated list of origins such as `https://app.example.org,http://localhost:5173`. */
export function parseOrigins(value: string): string[] {
  const origins = value.split(',').map((o) => o.trim().replace(/\/+$/, '')).filter((o) => o !== '');
  if (origins.length === 0) throw new Error('CORS origins must be "*" or a comma-separated list of origins');
  if (origins.includes('*')) return ['*'];
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/i.test(origin)) throw new Error(`a CORS origin is a scheme and host, such as https://app.example.org, got "${origin}"`);
  }
  return origins;
}

export function readConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig {
  const dataDir = flag(argv, '--data-dir') ?? env.DATA_DIR ?? './data';
  const size = (name: string, envName: string, fallback: number, what: string) => {
    const given = flag(argv, name) ?? env[envName];
    return given === undefined || given === '' ? fallback : parseSize(given, what);
  };
  const ms = (name: string, envName: string, fallback: number, what: string) => {
    const given = flag(argv, name) ?? env[envName];
    return given === undefined || given === '' ? fallback : integer(given, what, 1);
  };
  const limits: RequestLimits = {
    bodyBytes: size('--body-limit', 'BODY_LIMIT', DEFAULT_LIMITS.bodyBytes, 'the body limit'),
    uploadBytes: size('--upload-limit', 'UPLOAD_LIMIT', DEFAULT_LIMITS.uploadBytes, 'the upload limit'),
    urlBytes: size('--url-limit', 'URL_LIMIT', DEFAULT_LIMITS.urlBytes, 'the URL limit'),
    queryParams: integer(flag(argv, '--query-param-limit') ?? env.QUERY_PARAM_LIMIT ?? String(DEFAULT_LIMITS.queryParams), 'the query parameter limit', 1),
    headerBytes: size('--header-limit', 'HEADER_LIMIT', DEFAULT_LIMITS.headerBytes, 'the header limit'),
  };
  const timeouts: ServerTimeouts = {
    headersMs: ms('--headers-timeout', 'HEADERS_TIMEOUT', DEFAULT_TIMEOUTS.headersMs, 'the headers timeout'),
    requestMs: ms('--request-timeout', 'REQUEST_TIMEOUT', DEFAULT_TIMEOUTS.requestMs, 'the request timeout'),
    keepAliveMs: ms('--keep-alive-timeout', 'KEEP_ALIVE_TIMEOUT', DEFAULT_TIMEOUTS.keepAliveMs, 'the keep-alive timeout'),
    shutdownMs: ms('--shutdown-timeout', 'SHUTDOWN_TIMEOUT', DEFAULT_TIMEOUTS.shutdownMs, 'the shutdown timeout'),
  };
  checkTimeouts(timeouts);
  return {
    port: integer(flag(argv, '--port') ?? env.PORT ?? '8080', 'port', 0),
    host: flag(argv, '--host') ?? env.HOST ?? '127.0.0.1',
    dataDir,
    databasePath: flag(argv, '--database') ?? env.DATABASE ?? join(dataDir, 'monica.sqlite'),
    rateLimit: integer(flag(argv, '--rate-limit') ?? env.RATE_LIMIT ?? '60', 'rate limit', 1),
    trustProxy: argv.includes('--trust-proxy') ? true : bool(env.TRUST_PROXY, false),
    demoData: argv.includes('--empty') ? false : bool(env.DEMO_DATA, true),
    validateResponses: argv.includes('--no-response-validation') ? false : bool(env.VALIDATE_RESPONSES, true),
    responseCache: argv.includes('--no-response-cache') ? false : bool(env.RESPONSE_CACHE, true),
    publicStatistics: argv.includes('--no-public-statistics') ? false : bool(env.PUBLIC_STATISTICS, true),
    limits,
    timeouts,
    corsOrigins: parseOrigins(flag(argv, '--cors-origins') ?? env.CORS_ORIGINS ?? '*'),
    controlApi: argv.includes('--no-control-api') ? false : bool(env.CONTROL_API, true),
    controlToken: (flag(argv, '--control-token') ?? env.CONTROL_TOKEN) || undefined,
  };
}

/** Node refuses a headers timeout longer than the request timeout; say so in the settings' own words. */
export function checkTimeouts(timeouts: Pick<ServerTimeouts, 'headersMs' | 'requestMs'>): void {
  if (timeouts.headersMs > timeouts.requestMs) {
    throw new Error(`the headers timeout (${timeouts.headersMs} ms) may not be longer than the request timeout (${timeouts.requestMs} ms)`);
  }
}
