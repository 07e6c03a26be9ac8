// `monica-contract conformance` / `npm run conformance -- ...`: tests a Monica-compatible server against the
// contract. Exit status: 0 when everything passes, 1 when the server breaks the contract, 2 for a usage or
// connection problem (one line on stderr, never a stack trace). The entry point (scripts/conformance.ts) passes in
// how to start the reference server a run without --url tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { colors, plain, progressLine, summaryText } from './report/console.js';
import { htmlReport } from './report/html.js';
import { junitXml } from './report/junit.js';
import { runConformance, type StartReference } from './runner.js';

const HELP = `Usage: monica-contract conformance [options]      (or: npm run conformance -- [options])

Tests a Monica-compatible server against the contract: every documented status of every operation through
Dredd, every body against its schema, then workflows and negative cases. Without --url it starts a fresh
reference server and tests that.

  --url <url>           base URL of the API, ending in /api                        MONICA_API_URL
  --token <token>       token of an account the run may create and delete in       MONICA_TOKEN
  --token-other <token> token of a second account (isolation checks; skipped
                        without it)                                                MONICA_OTHER_TOKEN
  --burn-token <token>  a second token of the --token account whose rate limit
                        the 429 checks may use up (skipped without it)             MONICA_BURN_TOKEN
  --only <name>         only this tag or operationId (case-insensitive); repeat
                        it or separate names with commas                           CONFORMANCE_ONLY
  --junit <file>        write a JUnit XML report                                   CONFORMANCE_JUNIT
  --html <file>         write a self-contained HTML report                         CONFORMANCE_HTML
  --quiet               no line per check, only the summary
  --help                this text

Exit status: 0 all checks pass, 1 the server breaks the contract, 2 usage or connection error.
`;

function options(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        'token-other': { type: 'string' },
        'burn-token': { type: 'string' },
        only: { type: 'string', multiple: true },
        junit: { type: 'string' },
        html: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.split('\n')[0]! : String(err));
  }
  const { values } = parsed;
  const env = process.env;
  const only = (values.only ?? (env.CONFORMANCE_ONLY ? [env.CONFORMANCE_ONLY] : []))
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  for (const flag of ['url', 'token', 'token-other', 'burn-token', 'junit', 'html'] as const) {
    if (values[flag] !== undefined && values[flag]!.trim() === '') throw new UsageError(`--${flag} needs a value`);
  }
  return {
    help: values.help ?? false,
    quiet: values.quiet ?? false,
    url: values.url ?? (env.MONICA_API_URL || undefined),
    token: values.token ?? (env.MONICA_TOKEN || undefined),
    otherToken: values['token-other'] ?? (env.MONICA_OTHER_TOKEN || undefined),
    burnToken: values['burn-token'] ?? (env.MONICA_BURN_TOKEN || undefined),
    only,
    junit: values.junit ?? (env.CONFORMANCE_JUNIT || undefined),
    html: values.html ?? (env.CONFORMANCE_HTML || undefined),
  };
}

function write(file: string, text: string) {
  const path = resolve(file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (err) {
    throw new UsageError(`cannot write ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return path;
}

async function main(argv: string[], startReference: StartReference | undefined): Promise<number> {
  const opts = options(argv);
  if (opts.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (opts.url && !opts.token) throw new UsageError('--url needs --token (a token of an account the run may write to)');
  const paint = process.stdout.isTTY && !process.env.NO_COLOR ? colors : plain;
  const report = await runConformance({
    url: opts.url,
    token: opts.token,
    otherToken: opts.otherToken,
    burnToken: opts.burnToken,
    only: opts.only,
    startReference,
    onTarget: (target, reference) =>
      process.stdout.write(`Testing ${target.baseUrl}${reference ? ' (a fresh reference server, as no --url was given)' : ''}\n`),
    onResult: (result) => {
      if (!opts.quiet) process.stdout.write(`${progressLine(result, paint)}\n`);
    },
  });
  process.stdout.write(`${summaryText(report, paint)}\n`);
  if (opts.junit) process.stdout.write(`JUnit report: ${write(opts.junit, junitXml(report))}\n`);
  if (opts.html) process.stdout.write(`HTML report: ${write(opts.html, htmlReport(report))}\n`);
  return report.ok ? 0 : 1;
}

/** Runs the command with these arguments; resolves to its exit status, having said what went wrong on stderr. */
export function conformanceCommand(argv: string[], options: { startReference?: StartReference } = {}): Promise<number> {
  return main(argv, options.startReference).catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`conformance: ${message}${err instanceof UsageError ? '' : ' (unexpected error)'}\n`);
    if (!(err instanceof UsageError) && process.env.DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    return 2;
  });
}
