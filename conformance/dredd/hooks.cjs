// Dredd hooks for the Monica contract. They talk to the server under test only through its API, so the same
// hooks check any Monica-compatible implementation. Per-resource knowledge (how to make a fixture, which body
// fields name other objects) lives in `resources/*.cjs`; this file holds what every transaction needs. Every
// response is checked against the contract by `../rules.cjs` (schema of the body for its status, content type,
// rate-limit headers): Dredd's own OpenAPI 3 check compares a body only with the first example's keys.
//
// The target comes from the conformance runner (`settings.cjs`), or from the environment for a stand-alone run:
//   MONICA_API_URL     base URL ending in /api, e.g. http://127.0.0.1:8080/api
//   MONICA_TOKEN       bearer token of the account the fixtures are created in
//   MONICA_BURN_TOKEN  a second token of that account: its minute budget (and the public budget of a made-up client
//                      address) may be used up by the 429 checks, which are skipped without it
//   MONICA_OTHER_TOKEN a token of another account (the one check that needs a user who never signed the terms)
const hooks = require('hooks');
const fs = require('node:fs');
const path = require('node:path');
const rules = require('../rules.cjs');
const burn = require('./burn.cjs');
const { settings, target, noteKey } = require('./settings.cjs');

const spec = rules.spec;
const TARGET = target();
const BASE = (TARGET.baseUrl || '').replace(/\/+$/, '');
const TOKEN = TARGET.token || '';
const BURN_TOKEN = TARGET.burnToken || '';
const MISSING_ID = 999999999;
/** A documentation address (RFC 5737) whose public rate-limit budget the 429 checks may use up. */
const PUBLIC_BURN_ADDRESS = '198.51.100.77';

/** The spec's template, method and documented status of a transaction. */
const keyOf = (t) => noteKey(t.request.method, t.origin.resourceName, t.expected.statusCode);

/** Skips a transaction, telling the runner why. */
function skip(t, reason) {
  t.skip = true;
  settings.notes.set(keyOf(t), reason);
}

// ---------------------------------------------------------------------------------------------------------
// Talking to the server

async function api(method, urlPath, body, token = TOKEN, extraHeaders = {}) {
  const headers = { Accept: 'application/json', ...extraHeaders };
  if (token) headers.Authorization = `Bearer ${token}`;
  const init = { method, headers };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(`${BASE}${urlPath}`, init);
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json };
}

/** Objects the hooks created, deleted again (newest first) when the run ends. */
const createdDuringRun = [];

// ---------------------------------------------------------------------------------------------------------
// Fixtures: named factories from the resource modules; `fixture(name)` makes one per run, `fresh(name)` a new one.

const resources = fs
  .readdirSync(path.join(__dirname, 'resources'))
  .filter((f) => f.endsWith('.cjs'))
  .sort()
  .map((f) => require(path.join(__dirname, 'resources', f)));
const factories = Object.assign({}, ...resources.map((r) => r.factories || {}));
const pathRules = Object.assign({}, ...resources.map((r) => r.paths || {}));
const bodyRefs = Object.assign({}, ...resources.map((r) => r.bodyRefs || {}));

const cache = new Map();
const ctx = {
  api,
  MISSING_ID,
  otherToken: TARGET.otherToken || '',
  skip,
  /** POSTs and returns the new object's id; the object is deleted at the end of the run. */
  async create(collection, body, { expect = [200, 201], deletePath } = {}) {
    const { status, json } = await api('POST', collection, body);
    if (!expect.includes(status) || !json || !json.data) {
      throw new Error(`fixture POST ${collection} answered ${status}: ${JSON.stringify(json).slice(0, 300)}`);
    }
    createdDuringRun.push(deletePath ? deletePath(json.data.id) : `${collection}/${json.data.id}`);
    return json.data.id;
  },
  async fresh(name) {
    const factory = factories[name];
    if (!factory) throw new Error(`no fixture factory named "${name}"`);
    return factory(ctx);
  },
  fixture(name) {
    if (!cache.has(name)) cache.set(name, ctx.fresh(name));
    return cache.get(name);
  },
};

/** The fixture a path's `{id}` names by default: the factory named like the path's first segment. */
function defaultFixture(template) {
  return template.split('/')[1];
}

/** Replaces, in a body, every field that names another object with a fixture's id (or a missing id for 404s). */
async function linkBody(body, status, pathHasIds) {
  for (const [field, name] of Object.entries(bodyRefs)) {
    if (!(field in body)) continue;
    const missing = status === 404 && !pathHasIds;
    const id = missing ? MISSING_ID : await ctx.fixture(name);
    body[field] = Array.isArray(body[field]) ? [id] : id;
  }
  return body;
}

// ---------------------------------------------------------------------------------------------------------
// The contract's rules for a transaction

function inline(node) {
  if (Array.isArray(node)) return node.map(inline);
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const target = rules.resolvePointer(node.$ref);
    const { $ref, ...siblings } = node;
    return inline({ ...target, ...siblings });
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v)]));
}

function operationOf(template, method) {
  return spec.paths[template][method.toLowerCase()];
}

/** A query string the operation must refuse with 422: a value below a minimum, or outside an enum. */
function invalidQuery(template, method) {
  const operation = operationOf(template, method);
  for (const parameter of inline([...(spec.paths[template].parameters || []), ...(operation.parameters || [])])) {
    if (parameter.in !== 'query' || !parameter.schema) continue;
    if (typeof parameter.schema.minimum === 'number') return `?${parameter.name}=${parameter.schema.minimum - 1}`;
    if (Array.isArray(parameter.schema.enum)) return `?${parameter.name}=not-a-valid-value`;
  }
  throw new Error(`no query parameter of ${method} ${template} can be made invalid`);
}

const isPublic = (template, method) => {
  const security = operationOf(template, method).security;
  return Array.isArray(security) && security.length === 0;
};

/** Uses up a budget for this minute (see burn.cjs), so that the next call with it gets 429. */
const burnRateLimit = (probePath, token, headers = {}) => burn.burnRateLimit({ baseUrl: BASE, api, probePath, token, headers });

// ---------------------------------------------------------------------------------------------------------
// Hooks

/** Calls `fn` and reports to Dredd through `done`, failing the transaction loudly if a fixture cannot be made. */
function step(fn) {
  return (arg, done) => {
    fn(arg).then(
      () => done(),
      (err) => {
        if (arg && !Array.isArray(arg) && 'fail' in arg) arg.fail = `conformance hooks: ${err.message}`;
        else console.error(`conformance hooks: ${err.message}`);
        done();
      },
    );
  };
}

hooks.beforeAll(step(async () => {
  if (!BASE || !TOKEN) throw new Error('MONICA_API_URL and MONICA_TOKEN must be set');
}));

hooks.beforeEach(step(async (t) => {
  const template = t.origin.resourceName;
  const method = t.request.method;
  const status = Number(t.expected.statusCode);
  const rule = pathRules[template] || {};
  if (method === 'DELETE' && status === 422) {
    // Monica 4.x answers 422 for an id that exists in no account; the contract lists that status (policy 7) but
    // a clean server answers 404, which the 404 transaction checks. Nothing here can make a server send it.
    skip(t, 'no request makes a clean server answer it (Monica 4.x sends it for an id that exists in no account)');
    return;
  }
  const pathParams = (template.match(/\{[^}]+\}/g) || []).map((p) => p.slice(1, -1));

  // Path parameters: fixtures, a fresh object for a successful delete, a missing id for 404s.
  let values = {};
  if (pathParams.length > 0) {
    if (method === 'DELETE' && String(status).startsWith('2') && rule.disposable) values = await rule.disposable(ctx);
    else if (method === 'DELETE' && String(status).startsWith('2') && pathParams.length === 1) values = { id: await ctx.fresh(defaultFixture(template)) };
    else if (rule.params) values = await rule.params(ctx);
    else values = { [pathParams[0]]: await ctx.fixture(defaultFixture(template)) };
    if (status === 404) values = { ...values, [pathParams[pathParams.length - 1]]: MISSING_ID };
  }
  let urlPath = template.replace(/\{([^}]+)\}/g, (_, name) => String(values[name]));
  if (status === 400) urlPath += '?limit=101';
  if (status === 422 && !t.request.body) {
    // A query value the operation must refuse; uploads have none, and their module's `request` sends a bad form.
    try {
      urlPath += invalidQuery(template, method);
    } catch (err) {
      if (!rule.request) throw err;
    }
  }
  t.fullPath = new URL(`${BASE}${urlPath}`).pathname + (urlPath.includes('?') ? urlPath.slice(urlPath.indexOf('?')) : '');
  t.request.uri = t.fullPath;

  // Credentials.
  t.request.headers.Accept = 'application/json';
  if (isPublic(template, method)) delete t.request.headers.Authorization;
  else t.request.headers.Authorization = `Bearer ${TOKEN}`;
  if (status === 401) delete t.request.headers.Authorization;
  if (status === 429) {
    if (!BURN_TOKEN) {
      skip(t, 'needs a burn token (--burn-token) whose rate limit it may use up');
      return;
    }
    if (isPublic(template, method)) {
      // Public calls are limited per client address: use up a made-up one (a server that trusts X-Forwarded-For
      // counts it apart; one that does not will refuse the runner's public calls for the rest of the minute).
      const headers = { 'X-Forwarded-For': PUBLIC_BURN_ADDRESS };
      await burnRateLimit(t.fullPath.replace(/^.*?\/api/, '').split('?')[0], '', headers);
      Object.assign(t.request.headers, headers);
    } else {
      await burnRateLimit('/tags', BURN_TOKEN);
      t.request.headers.Authorization = `Bearer ${BURN_TOKEN}`;
    }
  }

  // Body: fixtures for the ids it names, or something invalid for 422s.
  if (t.request.body && /json/.test(t.request.headers['Content-Type'] || t.request.headers['content-type'] || 'json')) {
    let body = await linkBody(JSON.parse(t.request.body), status, pathParams.length > 0);
    if (rule.body) body = await rule.body(body, ctx, status);
    if (status === 422) body = rule.invalidBody ? rule.invalidBody(body) : {};
    t.request.body = JSON.stringify(body);
  }
  if (rule.request) await rule.request(t, ctx, status);
}));

hooks.beforeEachValidation((t) => {
  // Dredd (Gavel) keeps only the status check; the body and headers are judged by the contract's rules below.
  t.expected = { statusCode: t.expected.statusCode };
});

hooks.afterEach(step(async (t) => {
  if (t.real && !t.skip) {
    const problems = rules.responseProblems({
      method: t.request.method,
      template: t.origin.resourceName,
      status: t.real.statusCode,
      headers: t.real.headers,
      body: t.real.body,
    });
    if (problems.length > 0) {
      t.fail = problems.join('\n');
      if (t.test) t.test.problems = problems;
    }
  }
  // Objects the checked operations created are removed again, so a run leaves the account as it found it.
  if (!t.real || !String(t.real.statusCode).startsWith('2') || t.request.method !== 'POST' || !t.real.body) return;
  const rule = pathRules[t.origin.resourceName] || {};
  const created = JSON.parse(t.real.body);
  if (!created || !created.data || !created.data.id) return;
  if (rule.cleanup) await rule.cleanup(created, ctx);
  else if (!/\{/.test(t.origin.resourceName)) await api('DELETE', `${t.origin.resourceName}/${created.data.id}`);
}));

hooks.afterAll(step(async () => {
  for (const urlPath of createdDuringRun.reverse()) await api('DELETE', urlPath);
}));

settings.hooksLoaded = true;
