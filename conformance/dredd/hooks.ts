// Dredd hooks for the Monica contract. They talk to the server under test only through its API, so the same hooks
// check any Monica-compatible implementation. Each transaction (one documented status of one operation) gets a
// request that must produce that status: the fixture registry's ids in the path and a valid body from the
// operation's example (conformance/fixtures), then the one thing that makes the status (no token, a missing id,
// a `limit` over the maximum, a field of the wrong type, a used-up rate limit). Every response is then judged by
// the contract (contract/responses.ts: the body's schema for its status, content type, declared headers); Dredd's
// own OpenAPI 3 check compares a body only with the first example's keys.
//
// Dredd requires hook files as CommonJS: hooks.cjs is that file, and calls `registerHooks`.
import { pathOf, pathParameters, invalidQuery, operation, operationAt, responseProblems, tooBigLimit, wrongTypeField, contract, type Operation } from '../contract.js';
import { FixtureRegistry } from '../fixtures/index.js';
import { parseJson, request } from '../http.js';
import type { Target } from '../types.js';
import { burnRateLimit } from './burn.js';
import { transactionKey, type DreddHooks, type DreddTransaction } from './types.js';

/** A documentation address (RFC 5737) whose public rate-limit budget the 429 checks may use up. */
const PUBLIC_BURN_ADDRESS = '198.51.100.77';

export interface HookOptions {
  /** The server under test; without it, the environment's (a stand-alone Dredd run). */
  target?: Target;
  /** Told why each skipped transaction was skipped (by `transactionKey`). */
  onSkip?: (key: string, reason: string) => void;
  /** Told once the hooks are registered (Dredd only logs a hook file that fails to load). */
  onLoaded?: () => void;
}

/**
 * The target of a stand-alone run (`npx dredd ... --hookfiles=conformance/dredd/hooks.cjs`):
 *   MONICA_API_URL     base URL ending in /api, e.g. http://127.0.0.1:8080/api
 *   MONICA_TOKEN       bearer token of the account the fixtures are created in
 *   MONICA_BURN_TOKEN  a second token of that account: its minute budget (and the public budget of a made-up client
 *                      address) may be used up by the 429 checks, which are skipped without it
 *   MONICA_OTHER_TOKEN a token of another account (the one check that needs a user who never signed the terms)
 */
export function targetFromEnvironment(env: NodeJS.ProcessEnv = process.env): Target {
  return {
    baseUrl: (env['MONICA_API_URL'] ?? '').replace(/\/+$/, ''),
    token: env['MONICA_TOKEN'] ?? '',
    burnToken: env['MONICA_BURN_TOKEN'] || undefined,
    otherToken: env['MONICA_OTHER_TOKEN'] || undefined,
  };
}

/** What a hook needs to know of the run while it prepares one transaction. */
interface Run {
  target: Target;
  fixtures: FixtureRegistry;
  skip(t: DreddTransaction, reason: string): void;
}

/** Requests only some servers' state can produce, and what the hooks do about them, by operation. */
const TRANSACTION_RULES: Partial<Record<string, (t: DreddTransaction, status: number, run: Run) => Promise<void>>> = {
  // The only 422 a clean server sends here is for a gift whose contact is archived, which the API cannot do; 4.x's
  // other 422 (an id in no account) is a 404 here, which the 404 transaction checks.
  setGiftPhoto: async (t, status, run) => {
    if (status === 422) run.skip(t, 'only an archived contact causes it, and the API cannot archive one');
  },
  // An instance publishes its statistics (200) or keeps them private (404, Monica's default): only the answer this
  // instance gives can be asked for.
  getStatistics: async (t, status, run) => {
    if (status !== 200 && status !== 404) return;
    const published = (await request(run.target.baseUrl, 'GET', operation('getStatistics').path)).status === 200;
    if (status === 404 && published) run.skip(t, 'the instance publishes its statistics; only one that keeps them private answers 404');
    if (status === 200 && !published) run.skip(t, 'the instance keeps its statistics private (404)');
  },
  // `GET /me/compliance` answers 404 only to a user who has signed nothing, while its 200 needs a signature, and no
  // call withdraws one: the 404 is asked with the second account's token, whose user the hooks never make sign.
  listComplianceSignatures: async (t, status, run) => {
    if (status !== 404) return;
    if (!run.target.otherToken) return run.skip(t, 'needs the token of a second account (--token-other) whose user signed no terms');
    t.request.headers['Authorization'] = `Bearer ${run.target.otherToken}`;
  },
};

/** Puts a multipart form into a transaction: the serialised bytes (base64, so they survive) and the boundary. */
async function useForm(t: DreddTransaction, form: FormData): Promise<void> {
  const serialised = new Request('http://localhost/', { method: 'POST', body: form });
  t.request.headers['Content-Type'] = serialised.headers.get('content-type') ?? 'multipart/form-data';
  t.request.body = Buffer.from(await serialised.arrayBuffer()).toString('base64');
  t.request.bodyEncoding = 'base64';
}

function setJsonBody(t: DreddTransaction, body: unknown): void {
  t.request.headers['Content-Type'] = 'application/json';
  t.request.body = JSON.stringify(body);
}

/** The body of a transaction: valid, with missing ids for a 404 whose path names none, or broken for a 422. */
async function prepareBody(t: DreddTransaction, op: Operation, status: number, fixtures: FixtureRegistry): Promise<void> {
  for (const name of Object.keys(t.request.headers)) if (/^content-(type|length)$/i.test(name)) delete t.request.headers[name];
  if (op.requestContentType === null) return;
  const missing = status === 404 && pathParameters(op).length === 0;
  if (op.requestContentType === 'multipart/form-data') {
    // 422: the form without its file.
    const files = Object.entries(contract.requestBody(op.operationId)?.properties ?? {}).filter(([, p]) => p['format'] === 'binary');
    await useForm(t, await fixtures.form(op, { missing, leaveOut: status === 422 ? files.map(([name]) => name) : [] }));
    return;
  }
  const body = await fixtures.jsonBody(op, { missing });
  if (status === 422) {
    const wrong = wrongTypeField(op, body);
    if (!wrong) throw new Error(`no field of ${op.operationId}'s body can be given a wrong type`);
    body[wrong.field] = wrong.value;
  }
  setJsonBody(t, body);
}

/** Registers the hooks on Dredd's `hooks` object, for one run against `options.target`. */
export function registerHooks(hooks: DreddHooks, options: HookOptions = {}): void {
  const target = options.target ?? targetFromEnvironment();
  const base = target.baseUrl.replace(/\/+$/, '');
  const api = (method: string, path: string, token = target.token) => request(base, method, path, { token });
  /** Objects the hooks created, deleted again (newest first) when the run ends. */
  const createdDuringRun: string[] = [];
  const fixtures = new FixtureRegistry((method, path, body, as) => request(base, method, path, { body, token: as === 'account' ? target.token : undefined }), {
    onCreated: (deletePath) => createdDuringRun.push(deletePath),
  });
  /** The path values each transaction was sent with (to find what a create made). */
  const sentValues = new WeakMap<DreddTransaction, Record<string, number>>();
  const run: Run = {
    target,
    fixtures,
    skip(t, reason) {
      t.skip = true;
      options.onSkip?.(transactionKey(t.request.method, t.origin.resourceName, t.expected.statusCode), reason);
    },
  };

  hooks.beforeAll(
    step(async () => {
      if (!base || !target.token) throw new Error('MONICA_API_URL and MONICA_TOKEN must be set');
    }),
  );

  hooks.beforeEach(
    step(async (t: DreddTransaction) => {
      const op = operationAt(t.request.method, t.origin.resourceName);
      if (!op) throw new Error(`${t.request.method} ${t.origin.resourceName} is not an operation of the contract`);
      const status = Number(t.expected.statusCode);
      const success = status >= 200 && status < 300;
      if (op.method === 'delete' && status === 422) {
        // Monica 4.x answers 422 for an id that exists in no account; the contract lists that status (policy 7) but
        // a clean server answers 404, which the 404 transaction checks. Nothing here can make a server send it.
        return run.skip(t, 'no request makes a clean server answer it (Monica 4.x sends it for an id that exists in no account)');
      }

      // Path: fixtures, a new object for a successful delete, a missing id for 404s; a query the status needs.
      const values = await fixtures.pathValues(op, { fresh: op.method === 'delete' && success, missing: status === 404 });
      sentValues.set(t, values);
      let query = '';
      if (status === 400) query = `limit=${tooBigLimit(op)}`;
      if (status === 422 && op.requestContentType === null) {
        query = invalidQuery(op) ?? '';
        if (!query && !TRANSACTION_RULES[op.operationId]) throw new Error(`no query parameter of ${op.operationId} can be made invalid`);
      }
      const path = pathOf(op, values);
      t.fullPath = `${new URL(`${base}${path}`).pathname}${query ? `?${query}` : ''}`;
      t.request.uri = t.fullPath;

      // Credentials.
      t.request.headers['Accept'] = 'application/json';
      if (op.authRequired && status !== 401) t.request.headers['Authorization'] = `Bearer ${target.token}`;
      else delete t.request.headers['Authorization'];
      if (status === 429) {
        if (!target.burnToken) return run.skip(t, 'needs a burn token (--burn-token) whose rate limit it may use up');
        if (!op.authRequired) {
          // Public calls are limited per client address: use up a made-up one (a server that trusts X-Forwarded-For
          // counts it apart; one that does not will refuse the runner's public calls for the rest of the minute).
          const headers = { 'X-Forwarded-For': PUBLIC_BURN_ADDRESS };
          await burnRateLimit({ baseUrl: base, probe: `${path}?limit=${tooBigLimit(op)}`, headers });
          Object.assign(t.request.headers, headers);
        } else {
          const list = operation('listTags');
          await burnRateLimit({ baseUrl: base, probe: `${list.path}?limit=${tooBigLimit(list)}`, token: target.burnToken });
          t.request.headers['Authorization'] = `Bearer ${target.burnToken}`;
        }
      }

      if (success) await fixtures.prepare(op);
      await prepareBody(t, op, status, fixtures);
      await TRANSACTION_RULES[op.operationId]?.(t, status, run);
    }),
  );

  hooks.beforeEachValidation((t) => {
    // Dredd (Gavel) keeps only the status check; the body and headers are judged by the contract below.
    t.expected = { statusCode: t.expected.statusCode };
  });

  hooks.afterEach(
    step(async (t: DreddTransaction) => {
      if (!t.real || t.skip) return;
      const problems = responseProblems({ method: t.request.method, template: t.origin.resourceName, status: t.real.statusCode, headers: t.real.headers, body: t.real.body });
      if (problems.length > 0) {
        t.fail = problems.join('\n');
        if (t.test) t.test.problems = problems;
      }
      // Objects the checked operations created are removed again, so a run leaves the account as it found it.
      const op = operationAt(t.request.method, t.origin.resourceName);
      if (!op || op.method !== 'post' || t.real.statusCode < 200 || t.real.statusCode >= 300) return;
      const deletePath = fixtures.deletePathOf(op, parseJson(t.real.body), sentValues.get(t) ?? {});
      if (deletePath) await api('DELETE', deletePath);
    }),
  );

  hooks.afterAll(
    step(async () => {
      for (const path of createdDuringRun.reverse()) await api('DELETE', path);
    }),
  );

  options.onLoaded?.();
}

/** Runs a hook and reports to Dredd through `done`, failing the transaction loudly if a fixture cannot be made. */
function step<T>(fn: (arg: T) => Promise<void>): (arg: T, done: () => void) => void {
  return (arg, done) => {
    fn(arg).then(
      () => done(),
      (err: unknown) => {
        const message = `conformance hooks: ${err instanceof Error ? err.message : String(err)}`;
        if (arg && !Array.isArray(arg) && typeof arg === 'object' && 'fail' in arg) (arg as { fail: boolean | string }).fail = message;
        else console.error(message);
        done();
      },
    );
  };
}
