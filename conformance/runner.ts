// One conformance run: finds (or starts) the server under test, runs every selected operation through Dredd, then
// the workflows and negative cases, and gathers the results into a Report. Used by the command (cli.ts) and by
// tests; it never exits the process. Usage problems throw a UsageError. Conformance talks to servers only over
// HTTP: a run without a URL starts a reference server through the `startReference` function its caller passes in.
import { allChecks } from './checks/index.js';
import { coverageOf, summarize } from './coverage.js';
import { runDredd } from './dredd.js';
import { UsageError } from './errors.js';
import { preflight } from './preflight.js';
import { select } from './selection.js';
import { operations as allOperations, tagOf } from './contract.js';
import type { Check, CheckResult, Report, Target } from './types.js';

/** A server the run started itself, with the tokens a full run needs. */
export interface ReferenceServer {
  /** Base URL ending in /api. */
  url: string;
  /** A token of the account the checks write to, one of a second account, and a second one of the first account. */
  tokens: { main: string; other?: string; burn?: string };
  /** A new token of the first account: each workflow or negative check gets a rate-limit budget of its own. */
  newToken(): string;
  close(): Promise<void>;
}

export type StartReference = () => Promise<ReferenceServer>;

export interface ConformanceOptions {
  /** Base URL ending in /api; without it a reference server is started with `startReference` (and stopped afterwards). */
  url?: string;
  token?: string;
  otherToken?: string;
  burnToken?: string;
  /** Starts the server a run without `url` tests. */
  startReference?: StartReference;
  /** Tags or operationIds to restrict the run to. */
  only?: string[];
  /** Run the Dredd transactions (default true). */
  dredd?: boolean;
  /** The workflows and negative cases to run (default: allChecks()). */
  checks?: Check[];
  /** Called as each check finishes (live progress). */
  onResult?: (result: CheckResult) => void;
  /** Called once the server under test is known (before any check). */
  onTarget?: (target: Target, reference: boolean) => void;
}

/** How many of our checks run at once. */
const CHECK_CONCURRENCY = 4;

/** Runs `work` over `items`, at most `size` at a time. */
async function runPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
}

async function runCheck(check: Check, target: Target): Promise<CheckResult> {
  const started = Date.now();
  try {
    const result = await check.run(target);
    return { ...result, durationMs: result.durationMs || Date.now() - started };
  } catch (err) {
    return {
      name: check.name,
      kind: check.kind,
      resource: check.resource,
      exercised: [],
      outcome: 'failed',
      message: err instanceof Error ? err.message : String(err),
      exchanges: [],
      durationMs: Date.now() - started,
    };
  }
}

export async function runConformance(options: ConformanceOptions = {}): Promise<Report> {
  const startedAt = new Date();
  const selection = select(options.only);
  if (!options.url && (options.token || options.otherToken || options.burnToken)) {
    throw new UsageError('--token, --token-other and --burn-token need --url (without it a reference server is started with its own tokens)');
  }
  const operations = allOperations.filter((op) => selection.operation(op));
  const checks = (options.checks ?? allChecks()).filter((check) => selection.check(check));

  let reference: ReferenceServer | undefined;
  let target: Target;
  if (options.url) {
    target = await preflight({ baseUrl: options.url, token: options.token ?? '', otherToken: options.otherToken, burnToken: options.burnToken });
  } else {
    if (!options.startReference) throw new UsageError('--url is required (no reference server to start was given)');
    reference = await options.startReference();
    target = { baseUrl: reference.url, token: reference.tokens.main, otherToken: reference.tokens.other, burnToken: reference.tokens.burn };
  }
  const checkTarget = (): Target => (reference ? { ...target, token: reference.newToken() } : target);
  options.onTarget?.(target, reference !== undefined);

  const results: CheckResult[] = [];
  const record = (result: CheckResult) => {
    results.push(result);
    options.onResult?.(result);
  };
  try {
    // Our checks own their fixtures, so they run beside Dredd, a few at a time: their waits (the sort check's
    // pauses, a third-party server's 429s) overlap instead of adding up.
    await Promise.all([
      options.dredd !== false ? runDredd({ target, selected: selection.operation, onResult: record }) : undefined,
      runPool(checks, CHECK_CONCURRENCY, async (check) => record(await runCheck(check, checkTarget()))),
    ]);
  } finally {
    await reference?.close();
  }

  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const result of results) totals[result.outcome] += 1;
  const tagOrder = [...new Set(allOperations.map(tagOf))];
  return {
    target: { baseUrl: target.baseUrl, reference: reference !== undefined, otherToken: Boolean(target.otherToken), burnToken: Boolean(target.burnToken) },
    only: selection.only,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    results,
    summary: summarize(results, tagOrder),
    totals,
    coverage: coverageOf(results, operations),
    ok: totals.failed === 0,
  };
}
