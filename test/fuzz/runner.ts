// Runs generated cases against one reference server on a temporary database file, operation by operation,
// and reports the first broken rule of each with fast-check's shrunk counterexample and a replay command.
// Shared by test/fuzz.test.ts (few cases, fixed seed) and scripts/fuzz.ts (`npm run fuzz`).
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/start.js';
import { caseArbitrary, validCase, type FuzzCase } from './cases.js';
import { valueAt } from '../../conformance/http.js';
import { operation } from '../../conformance/contract.js';
import { Fixtures, namesOwnObjects } from './fixtures.js';
import { databaseProblems, ResponseJudge } from './invariants.js';
import { dayProblems, readBackPath, sentDays, sentTexts, textProblems } from './roundTrip.js';
import { send, type Tokens } from './send.js';
import type { FuzzOperation } from './spec.js';

export interface FuzzSession {
  baseUrl: string;
  tokens: Tokens;
  accounts: { demo: number; other: number };
  fixtures: Fixtures;
  judge: ResponseJudge;
  databaseFile: string;
  /** Everything the server logged; a fuzz case must not make it log anything. */
  logs: string[];
  close(): Promise<void>;
}

export async function startFuzzSession(): Promise<FuzzSession> {
  const dir = mkdtempSync(join(tmpdir(), 'monica-fuzz-'));
  const databaseFile = join(dir, 'fuzz.sqlite');
  const logs: string[] = [];
  const server: RunningServer = await startServer({ databasePath: databaseFile, demoData: false, rateLimit: 1_000_000_000, log: (m) => logs.push(m) });
  const tokens = { demo: server.tokens.demo, other: server.tokens.other ?? '' };
  const fixtures = new Fixtures(server.url, tokens.demo);
  const accountOf = async (token: string) => {
    const me = await fixtures.api('GET', '/me', undefined, token);
    if (me.status !== 200) throw new Error(`GET /me answered ${me.status}`);
    return Number(valueAt(me.json, '/data/account/id'));
  };
  return {
    baseUrl: server.url,
    tokens,
    accounts: { demo: await accountOf(tokens.demo), other: await accountOf(tokens.other) },
    fixtures,
    judge: new ResponseJudge(),
    databaseFile,
    logs,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface OperationResult {
  operationId: string;
  runs: number;
  /** How many of the runs were valid cases (each of which was taken). */
  validRuns: number;
  seed: number;
  /** How many answers had each status. */
  statuses: Record<number, number>;
  /** Texts compared byte for byte after successful writes. */
  textsCompared: number;
  /** Days (fields of the day schema) compared after successful writes. */
  daysCompared: number;
  /** Fields sent as text that no answer showed under their own name. */
  uncompared: string[];
  failure?: { message: string; counterexample: string; replay: string };
}

/** The seed of one operation: the run's seed mixed with the operation's name, so `--only` replays it alone. */
export function operationSeed(seed: number, operationId: string): number {
  let hash = 2166136261;
  for (const ch of operationId) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619);
  return (hash ^ seed) | 0;
}


/** Sends one case and returns every broken rule (empty when all hold). */
async function checkCase(session: FuzzSession, op: FuzzOperation, c: FuzzCase, result: OperationResult, uncompared: Set<string>): Promise<string[]> {
  const logged = session.logs.length;
  const resolved = await session.fixtures.resolve(c, op.operationId);
  const { request, answer } = await send(op, resolved, session.baseUrl, session.tokens);
  result.statuses[answer.status] = (result.statuses[answer.status] ?? 0) + 1;
  const caller = resolved.auth === 'demo' ? session.accounts.demo : resolved.auth === 'other' ? session.accounts.other : undefined;
  const problems = session.judge.problems(op, answer, caller);
  const success = answer.status >= 200 && answer.status < 300;
  // A case valid by the contract (its schemas and the rules its descriptions state) must be taken.
  if (c.broken === 'valid' && !success) problems.push(`a valid request was refused with ${answer.status}`);
  // A write to an id a breaker chose may have changed or removed a kept fixture (made a contact partial, deleted the
  // contact that owns it): make new ones from now on.
  if (success && op.method !== 'get' && !namesOwnObjects(operation(op.operationId), c.path)) session.fixtures.forget();

  // (A field `nested` writes into the text holds 0 in `value`: not text, so it is not compared; the others are.)
  if (success && resolved.body?.kind === 'json' && !resolved.body.rawNumber && (op.method === 'post' || op.method === 'put')) {
    const texts = sentTexts(op, resolved.body.value);
    const days = sentDays(op, resolved.body.value);
    problems.push(...textProblems(texts, answer.json, 'the write answer', uncompared));
    problems.push(...dayProblems(days, answer.json, 'the write answer', uncompared));
    const readPath = readBackPath(op, resolved.path, answer.json);
    if (readPath && texts.length + days.length > 0) {
      const token = resolved.auth === 'other' ? session.tokens.other : session.tokens.demo;
      const back = await session.fixtures.api('GET', readPath, undefined, token);
      if (back.status !== 200) problems.push(`reading back GET ${readPath} answered ${back.status}`);
      else problems.push(...textProblems(texts, back.json, `GET ${readPath}`, uncompared), ...dayProblems(days, back.json, `GET ${readPath}`, uncompared));
    }
    result.textsCompared += texts.length;
    result.daysCompared += days.length;
  }
  if (session.logs.length > logged) problems.push(`the server logged: ${session.logs.slice(logged).join('\n').slice(0, 1500)}`);
  if (problems.length === 0) return [];
  return [
    `${request.method} ${cut(request.url.replace(session.baseUrl, ''), 300)}  (${c.broken})`,
    ...(request.bodyPreview !== undefined ? [`  body: ${request.bodyPreview}`] : []),
    `  answered ${answer.status}: ${answer.text.slice(0, 400)}`,
    ...problems.map((p) => `  - ${p}`),
  ];
}

/** Checks one hand-written case (regression tests of what fuzzing found); returns the broken rules. */
export async function checkOneCase(session: FuzzSession, op: FuzzOperation, c: FuzzCase): Promise<{ problems: string[]; result: OperationResult }> {
  const result: OperationResult = { operationId: op.operationId, runs: 1, validRuns: 0, seed: 0, statuses: {}, textsCompared: 0, daysCompared: 0, uncompared: [] };
  const problems = await checkCase(session, op, c, result, new Set());
  return { problems, result };
}

export interface FuzzRunOptions {
  seed: number;
  /** Cases of any kind (valid, then mostly broken in one way). */
  runs: number;
  /** Valid cases sent first, each of which must be taken (default 2). */
  validRuns?: number;
  /** Replays one counterexample of the mixed cases (fast-check's path) instead of a fresh run. */
  path?: string;
  /** Stop shrinking after this long (ms); the counterexample is then less small. */
  shrinkTimeLimit?: number;
}

export async function fuzzOperation(session: FuzzSession, op: FuzzOperation, options: FuzzRunOptions): Promise<OperationResult> {
  const seed = operationSeed(options.seed, op.operationId);
  const result: OperationResult = { operationId: op.operationId, runs: 0, validRuns: 0, seed, statuses: {}, textsCompared: 0, daysCompared: 0, uncompared: [] };
  const uncompared = new Set<string>();
  const replay = (path?: string | null) =>
    `npm run fuzz -- --seed ${options.seed} --runs ${options.runs} --only ${op.operationId}${path ? ` --path ${path}` : ''}`;
  const phases = [
    // Valid cases first: the operation must take them (and so reach real objects), whatever ran before.
    { arbitrary: validCase(op), numRuns: options.validRuns ?? 2, valid: true, path: undefined },
    { arbitrary: caseArbitrary(op), numRuns: options.runs, valid: false, path: options.path },
  ];
  for (const phase of options.path ? phases.slice(1) : phases) {
    let lastProblems: string[] = [];
    const property = fc.asyncProperty(phase.arbitrary, async (c) => {
      result.runs += 1;
      if (phase.valid) result.validRuns += 1;
      const problems = await checkCase(session, op, c, result, uncompared);
      if (problems.length > 0) {
        lastProblems = problems;
        throw new Error(problems.join('\n'));
      }
    });
    const details = await fc.check(property, { seed, numRuns: phase.numRuns, path: phase.path, skipAllAfterTimeLimit: options.shrinkTimeLimit });
    if (details.failed) {
      result.uncompared = [...uncompared].sort();
      result.failure = {
        message: lastProblems.length > 0 ? lastProblems.join('\n') : String(details.errorInstance),
        counterexample: cut(fc.stringify(details.counterexample?.[0]), 3000),
        replay: replay(phase.valid ? undefined : details.counterexamplePath),
      };
      return result;
    }
  }
  result.uncompared = [...uncompared].sort();
  // The database stays sound whatever the operation was sent.
  const broken = databaseProblems(session.databaseFile);
  if (broken.length > 0) result.failure = { message: broken.join('\n'), counterexample: '(the whole run)', replay: replay() };
  return result;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}... (${text.length} characters)` : text);

/** A failure as the lines a person needs: what broke, the smallest case, how to replay it. */
export function describeFailure(result: OperationResult): string {
  if (!result.failure) return '';
  return [
    `${result.operationId} failed (operation seed ${result.seed}):`,
    result.failure.message,
    `counterexample: ${result.failure.counterexample}`,
    `replay: ${result.failure.replay}`,
  ].join('\n');
}
