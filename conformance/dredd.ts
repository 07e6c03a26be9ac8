// Runs every documented (operation, status) through Dredd, in this process, with the API-only hooks, and turns each
// Dredd transaction into a CheckResult. Dredd's transaction runner is driven directly: the spec is parsed once per
// process (it takes seconds), the transactions are filtered by --only before any fixture is made, and no Dredd
// reporter prints anything; our own progress printer and reports read the results.
import { createRequire } from 'node:module';
import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CheckResult, Exchange, Target } from './types.js';
import { operationAt, tagOf, type Operation } from './contract.js';
import { registerHooks } from './dredd/hooks.js';
import { IN_PROCESS_HOOKS, transactionKey, type CompiledTransaction, type DreddHooks, type DreddTest } from './dredd/types.js';

const require = createRequire(import.meta.url);
const dreddRequire = createRequire(require.resolve('dredd'));
const root = fileURLToPath(new URL('..', import.meta.url));
const SPEC_3_0 = `${root}generated/openapi-3.0.json`;
const CACHE_DIR = `${root}node_modules/.cache/monica-contract`;
const HOOKS = fileURLToPath(new URL('./dredd/hooks.cjs', import.meta.url));

let compiled: Promise<CompiledSpec> | undefined;

interface CompiledSpec {
  mediaType: string;
  transactions: CompiledTransaction[];
}

/**
 * Dredd's parse of the 3.0 bundle takes seconds, so it is done once per process and kept on disk (under
 * node_modules/.cache, keyed by the bundle's hash) for the next run; a cache that cannot be read or written is
 * simply not used.
 */
function compileSpec(): Promise<CompiledSpec> {
  compiled ??= (async () => {
    const text = readFileSync(SPEC_3_0, 'utf8');
    const cacheFile = `${CACHE_DIR}/dredd-transactions-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`;
    try {
      return JSON.parse(readFileSync(cacheFile, 'utf8')) as CompiledSpec;
    } catch {
      // Not cached yet (or unreadable): parse below.
    }
    const result = await parseWithDredd(text);
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(result));
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only checkout parses on every run.
    }
    return result;
  })();
  return compiled;
}

function parseWithDredd(text: string): Promise<CompiledSpec> {
  return new Promise((resolve, reject) => {
    const parse = dreddRequire('dredd-transactions/parse');
    const compile = dreddRequire('dredd-transactions/compile');
    parse(text, (error: Error | null, result: { mediaType: string; apiElements: unknown }) => {
      if (error) return reject(error);
      try {
        const { transactions } = compile(result.mediaType, result.apiElements, SPEC_3_0);
        resolve({ mediaType: result.mediaType, transactions });
      } catch (err) {
        reject(err);
      }
    });
  });
}

export interface DreddRunOptions {
  target: Target;
  /** Which operations to run (all when absent). */
  selected?: (operation: Operation) => boolean;
  onResult?: (result: CheckResult) => void;
}

/** Only one Dredd run at a time: the hook file finds the run's hooks under one global key. */
let running: Promise<unknown> = Promise.resolve();

export function runDredd(options: DreddRunOptions): Promise<CheckResult[]> {
  const run = running.then(() => runDreddNow(options));
  running = run.catch(() => undefined);
  return run;
}

async function runDreddNow({ target, selected, onResult }: DreddRunOptions): Promise<CheckResult[]> {
  const { mediaType, transactions } = await compileSpec();
  const chosen = transactions.filter((t) => {
    const operation = operationAt(t.request.method, t.origin.resourceName);
    return operation !== undefined && (!selected || selected(operation));
  });
  if (chosen.length === 0) return [];

  const Dredd = loadDredd();
  const emitter = new EventEmitter();
  const dredd = new Dredd({
    endpoint: target.baseUrl,
    path: [],
    hookfiles: [HOOKS],
    language: 'nodejs',
    loglevel: 'silent',
    color: false,
    emitter,
  });
  const results: CheckResult[] = [];
  const startedAt = new Map<string, number>();
  /** Why the hooks skipped a transaction, by `transactionKey`. */
  const notes = new Map<string, string>();
  const finish = (result: CheckResult) => {
    results.push(result);
    onResult?.(result);
  };
  // Dredd waits for its reporters at the start and the end; we are the only one.
  emitter.on('start', (_descriptions: unknown, done: () => void) => done());
  emitter.on('end', (done: () => void) => done());
  emitter.on('test start', (test: DreddTest) => startedAt.set(test.title, Date.now()));
  for (const outcome of ['pass', 'fail', 'skip'] as const) {
    emitter.on(`test ${outcome}`, (test: DreddTest) => finish(toResult(test, outcome, target, notes, startedAt.get(test.title))));
  }
  emitter.on('test error', (error: Error, test: DreddTest) => {
    const result = toResult(test, 'fail', target, notes, startedAt.get(test.title));
    result.message = `${result.message ?? test.title}: the request failed: ${error.message}`;
    finish(result);
  });

  // The hook file (hooks.cjs) registers the hooks this module loaded, bound to this run.
  let hooksLoaded = false;
  const slots = globalThis as unknown as Record<symbol, ((hooks: DreddHooks) => void) | undefined>;
  slots[IN_PROCESS_HOOKS] = (hooks) =>
    registerHooks(hooks, { target, onSkip: (key, reason) => notes.set(key, reason), onLoaded: () => (hooksLoaded = true) });
  dredd.configuration.apiDescriptions = [{ location: SPEC_3_0, mediaType }];
  dredd.transactionRunner.config(dredd.configuration);
  const copies = chosen.map((t) => ({ apiDescription: { location: SPEC_3_0, mediaType }, ...structuredClone(t) }));
  try {
    await new Promise<void>((resolve, reject) => {
      dredd.transactionRunner.run(copies, (error: Error | null) => (error ? reject(error) : resolve()));
    });
  } finally {
    delete slots[IN_PROCESS_HOOKS];
  }
  if (!hooksLoaded) throw new Error(`the Dredd hooks (${HOOKS}) could not be loaded`);
  return results;
}

/** Dredd's logging library warns about itself when it loads; that warning says nothing to our users. */
function loadDredd() {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (!String(warning instanceof Error ? warning.message : warning).includes('padLevels')) {
      (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
    }
  }) as typeof process.emitWarning;
  try {
    return require('dredd');
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** `GET (404) /contacts/999999999` → method and documented status. */
function parseTitle(title: string): { method: string; status: number } {
  const match = /^(\w+) \((\d+)\)/.exec(title);
  return { method: match?.[1] ?? 'GET', status: Number(match?.[2] ?? 0) };
}

function toResult(test: DreddTest, outcome: 'pass' | 'fail' | 'skip', target: Target, notes: Map<string, string>, started?: number): CheckResult {
  const { method, status } = parseTitle(test.title);
  const template = test.origin.resourceName;
  const operation = operationAt(method, template);
  const operationId = operation?.operationId ?? `${method} ${template}`;
  const resource = operation ? tagOf(operation) : 'Unknown';
  const real = test.actual?.statusCode;
  const documented = operation?.statuses.includes(Number(real)) ?? false;
  const result: CheckResult = {
    name: `${resource} > ${operationId} > ${status}`,
    kind: 'dredd',
    resource,
    exercised: outcome !== 'skip' && real !== undefined && documented ? [{ operationId, status: Number(real) }] : [],
    outcome: outcome === 'pass' ? 'passed' : outcome === 'fail' ? 'failed' : 'skipped',
    exchanges: [],
    durationMs: started === undefined ? 0 : Date.now() - started,
  };
  if (outcome === 'skip') result.message = notes.get(transactionKey(method, template, status)) ?? 'skipped';
  if (outcome === 'fail') {
    result.message = failureMessage(test, method, template, status);
    result.exchanges = [exchangeOf(test, target)];
  }
  return result;
}

function failureMessage(test: DreddTest, method: string, template: string, status: number): string {
  const real = test.actual?.statusCode;
  const head = `${method} ${template} → ${real ?? 'no response'}`;
  const wrongStatus = (test.results?.fields?.statusCode?.errors ?? []).length > 0 ? [`expected status ${status}, got ${real}`] : [];
  const problems = [...new Set([...wrongStatus, ...(test.problems ?? [])])];
  if (problems.length > 0) return `${head}: ${problems.join('; ')}`;
  // A hook could not prepare the request (a fixture the server refused), or Dredd failed it for another reason.
  const reason = (test.message ?? 'failed').replace(/^Failed in (before|after) hook: /, '').replace(/^conformance hooks: /, '').trim();
  return `${head}: ${reason}`;
}

const MAX_BODY = 20_000;

function bodyText(body: string | undefined, encoding: string | undefined): string | undefined {
  if (body === undefined || body === '') return undefined;
  let text = body;
  // Uploads travel base64-encoded; show the form's text with binary bytes as dots.
  if (encoding === 'base64') text = Buffer.from(body, 'base64').toString('latin1').replace(/[^\x09\x0a\x0d\x20-\x7e]/g, '.');
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}… (${text.length - MAX_BODY} more characters)` : text;
}

function exchangeOf(test: DreddTest, target: Target): Exchange {
  const origin = new URL(target.baseUrl).origin;
  const request = test.request;
  const exchange: Exchange = {
    request: {
      method: request?.method ?? parseTitle(test.title).method,
      url: `${origin}${request?.uri ?? ''}`,
      headers: { ...(request?.headers ?? {}) },
      body: bodyText(request?.body, request?.bodyEncoding),
    },
  };
  if (test.actual) {
    exchange.response = {
      status: Number(test.actual.statusCode),
      headers: Object.fromEntries(Object.entries(test.actual.headers ?? {}).map(([k, v]) => [k, String(v)])),
      body: bodyText(test.actual.body, test.actual.bodyEncoding) ?? '',
    };
  }
  return exchange;
}
