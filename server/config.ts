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
}

export const CONFIG_HELP = `Usage: npm start -- [options]

  --port <n>            PORT                 port to listen on (default 8080; 0 picks a free one)
  --host <addr>         HOST                 address to bind (default 127.0.0.1)
  --data-dir <dir>      DATA_DIR             where the database lives (default ./data)
  --database <file>     DATABASE             SQLite file, or :memory: (default <data dir>/monica.sqlite)
  --rate-limit <n>      RATE_LIMIT           requests per minute and token (default 60)
  --trust-proxy         TRUST_PROXY=true     take client addresses from X-Forwarded-For (default off)
  --empty               DEMO_DATA=false      start without the demo data
  --no-response-validation  VALIDATE_RESPONSES=false  skip checking responses against the spec
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

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !/^(0|false|no|off)$/i.test(value);
}

export function readConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig {
  const dataDir = flag(argv, '--data-dir') ?? env.DATA_DIR ?? './data';
  return {
    port: integer(flag(argv, '--port') ?? env.PORT ?? '8080', 'port', 0),
    host: flag(argv, '--host') ?? env.HOST ?? '127.0.0.1',
    dataDir,
    databasePath: flag(argv, '--database') ?? env.DATABASE ?? join(dataDir, 'monica.sqlite'),
    rateLimit: integer(flag(argv, '--rate-limit') ?? env.RATE_LIMIT ?? '60', 'rate limit', 1),
    trustProxy: argv.includes('--trust-proxy') ? true : bool(env.TRUST_PROXY, false),
    demoData: argv.includes('--empty') ? false : bool(env.DEMO_DATA, true),
    validateResponses: argv.includes('--no-response-validation') ? false : bool(env.VALIDATE_RESPONSES, true),
  };
}
