// The Prism mock's settings: command-line flags win over environment variables, which win over defaults.
import { parseArgs } from 'node:util';

export interface MockConfig {
  port: number;
  host: string;
  dynamic: boolean;
  seed: number;
  quiet: boolean;
  help: boolean;
}

export const MOCK_HELP = `Usage: npm run mock -- [options]      (or: npx monica-contract mock [options])

The Prism mock of the Monica API: every operation answers its documented example, at http://HOST:PORT/api.
Send any bearer token. Pick an answer per request with a Prefer header:
  Prefer: example=<name>   one of the operation's named examples (see the README)
  Prefer: code=<status>    the documented answer for that status (404, 422, ...)
  Prefer: dynamic=true     data generated from the schema for this request only

Options (environment variable in brackets):
  -p, --port <n>     port to listen on, 0 for any free one            [MOCK_PORT]    default 4010
  -h, --host <addr>  address to bind                                  [MOCK_HOST]    default 127.0.0.1
  -d, --dynamic      answer with data generated from the schemas      [MOCK_DYNAMIC=true]
      --seed <n>     seed of the generated data: same seed, same data [MOCK_SEED]    default 1
  -q, --quiet        no line per request (violations are still shown) [MOCK_QUIET=true]
      --help         this text
`;

function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}, not "${value}"`);
  return n;
}

function flag(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`${name} must be true or false, not "${value}"`);
}

export function readMockConfig(argv: string[], env: NodeJS.ProcessEnv): MockConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string', short: 'h' },
      dynamic: { type: 'boolean', short: 'd' },
      seed: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port ?? env['MOCK_PORT'];
  const seed = values.seed ?? env['MOCK_SEED'];
  return {
    port: port === undefined || port === '' ? 4010 : integer('port', port, 0, 65535),
    host: values.host ?? (env['MOCK_HOST'] || '127.0.0.1'),
    dynamic: values.dynamic ?? flag('MOCK_DYNAMIC', env['MOCK_DYNAMIC']) ?? false,
    seed: seed === undefined || seed === '' ? 1 : integer('seed', seed, 0, Number.MAX_SAFE_INTEGER),
    quiet: values.quiet ?? flag('MOCK_QUIET', env['MOCK_QUIET']) ?? false,
    help: values.help ?? false,
  };
}
