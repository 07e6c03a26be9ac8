// Dredd hooks for the Monica contract. They talk to the server under test only through its API, so the
// same hooks can check any Monica-compatible implementation.
//
// Settings (environment):
//   MONICA_API_URL    base URL ending in /api, e.g. http://127.0.0.1:8080/api
//   MONICA_TOKEN      bearer token of the account the fixtures are created in
//   MONICA_BURN_TOKEN a second token whose minute budget the 429 checks may use up; 429 checks are skipped without it
const hooks = require('hooks');
const path = require('node:path');
const spec = require(path.join(__dirname, '..', '..', 'generated', 'openapi.json'));

const BASE = (process.env.MONICA_API_URL || '').replace(/\/+$/, '');
const TOKEN = process.env.MONICA_TOKEN || '';
const BURN_TOKEN = process.env.MONICA_BURN_TOKEN || '';
const MISSING_ID = 999999999;

const fixtures = {};
const createdDuringRun = [];

async function api(method, path, body, token = TOKEN) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json };
}

async function create(path, body) {
  const { status, json } = await api('POST', path, body);
  if (status !== 201 || !json || !json.data) throw new Error(`fixture POST ${path} answered ${status}: ${JSON.stringify(json)}`);
  createdDuringRun.push(`${path}/${json.data.id}`);
  return json.data.id;
}

const newContact = (first, extra = {}) =>
  create('/contacts', { first_name: first, last_name: 'Fixture', is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false, ...extra });
const newTag = (name) => create('/tags', { name });
const newNote = (contactId) => create('/notes', { body: 'A note written by the conformance run.', contact_id: contactId, is_favorited: false });

/** Calls `fn` and reports to Dredd through `done`, failing the run loudly if a fixture cannot be made. */
function step(fn) {
  return (arg, done) => {
    fn(arg).then(() => done(), (err) => {
      if (arg && arg.fail !== undefined) arg.fail = `conformance hooks: ${err.message}`;
      else console.error(`conformance hooks: ${err.message}`);
      done();
    });
  };
}

/** Uses up the burn token's budget for this minute, so the next call with it is refused with 429. */
let burnt = false;
async function burnRateLimit() {
  if (burnt) return;
  for (let i = 0; i < 100000; i += 1) {
    const { status } = await api('GET', '/tags?limit=1', undefined, BURN_TOKEN);
    if (status === 429) {
      burnt = true;
      return;
    }
  }
  throw new Error('the rate limit never answered 429');
}

hooks.beforeAll(step(async () => {
  if (!BASE || !TOKEN) throw new Error('MONICA_API_URL and MONICA_TOKEN must be set');
  fixtures.contact = await newContact('Dredd');
  fixtures.tag = await newTag('dredd-fixture');
  await api('POST', `/contacts/${fixtures.contact}/setTags`, { tags: ['dredd-fixture'] });
  fixtures.note = await newNote(fixtures.contact);
}));

/** Resolves every `$ref` of the 3.1 bundle into one self-contained schema (the spec has no cycles). */
function inline(node) {
  if (Array.isArray(node)) return node.map(inline);
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const target = node.$ref.replace(/^#\//, '').split('/').reduce((at, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    const { $ref, ...siblings } = node;
    return inline({ ...target, ...siblings });
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v)]));
}

/** Examples are documentation, not rules; Dredd's validator would also mistake an example's `id` for a schema id. */
function withoutExamples(node) {
  if (Array.isArray(node)) return node.map(withoutExamples);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).filter(([k]) => k !== 'example' && k !== 'examples').map(([k, v]) => [k, withoutExamples(v)]),
  );
}

/**
 * The response schema the contract gives for an operation and status. Dredd checks OpenAPI 3 bodies only
 * against the first example (so a null where the example has an object fails); the schema is the real rule.
 */
function responseSchema(template, method, status) {
  const operation = spec.paths[template] && spec.paths[template][method.toLowerCase()];
  const response = operation && operation.responses && inline(operation.responses[String(status)]);
  const media = response && response.content && response.content['application/json'];
  if (!media || !media.schema) return undefined;
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...withoutExamples(media.schema) };
}

/** Which fixture a path's `{id}` names. */
function idFor(template) {
  if (template.startsWith('/tags/')) return fixtures.tag;
  if (template.startsWith('/notes/')) return fixtures.note;
  return fixtures.contact;
}

/** A fresh object to delete, so that deleting never removes the shared fixtures. */
async function disposableId(template) {
  if (template.startsWith('/tags/')) return newTag(`dredd-delete-${Date.now()}`);
  if (template.startsWith('/notes/')) return newNote(fixtures.contact);
  return newContact('Disposable');
}

/** A query string the operation must refuse with 422: a value below a minimum, or outside an enum. */
function invalidQuery(template, method) {
  const operation = spec.paths[template][method.toLowerCase()];
  for (const parameter of inline([...(spec.paths[template].parameters || []), ...(operation.parameters || [])])) {
    if (parameter.in !== 'query' || !parameter.schema) continue;
    if (typeof parameter.schema.minimum === 'number') return `?${parameter.name}=${parameter.schema.minimum - 1}`;
    if (Array.isArray(parameter.schema.enum)) return `?${parameter.name}=not-a-valid-value`;
  }
  throw new Error(`no query parameter of ${method} ${template} can be made invalid`);
}

/** A body the operation must refuse with 422. */
function invalidBody(method, template) {
  if (template === '/contacts/{id}/work') return { job: 42 };
  return {};
}

hooks.beforeEach(step(async (t) => {
  const template = t.origin.resourceName;
  const method = t.request.method;
  const status = Number(t.expected.statusCode);
  let id = template.includes('{id}') ? idFor(template) : undefined;
  if (status === 404 && id !== undefined) id = MISSING_ID;
  if (method === 'DELETE' && status === 200) id = await disposableId(template);
  let path = id === undefined ? template : template.replace('{id}', String(id));
  if (status === 400) path += '?limit=101';
  if (status === 422 && !t.request.body) path += invalidQuery(template, method);

  const schema = responseSchema(template, method, status);
  if (schema) t.expected.bodySchema = schema;

  t.fullPath = new URL(`${BASE}${path}`).pathname + (path.includes('?') ? path.slice(path.indexOf('?')) : '');
  t.request.uri = t.fullPath;
  t.request.headers.Accept = 'application/json';
  t.request.headers.Authorization = `Bearer ${TOKEN}`;
  if (status === 401) delete t.request.headers.Authorization;
  if (status === 429) {
    if (!BURN_TOKEN) {
      t.skip = true;
      return;
    }
    await burnRateLimit();
    t.request.headers.Authorization = `Bearer ${BURN_TOKEN}`;
  }

  if (t.request.body) {
    let body = JSON.parse(t.request.body);
    if ('contact_id' in body) body.contact_id = status === 404 ? MISSING_ID : fixtures.contact;
    if (template === '/contacts/{id}/unsetTag') body.tags = [fixtures.tag];
    if (status === 422) body = invalidBody(method, template);
    t.request.body = JSON.stringify(body);
  }
}));

hooks.beforeEachValidation((t) => {
  // Express adds a charset to JSON responses; the contract's media type is plain application/json.
  const type = t.real && t.real.headers && t.real.headers['content-type'];
  if (type) t.real.headers['content-type'] = type.replace(/;\s*charset=utf-8/i, '');
});

hooks.afterEach(step(async (t) => {
  // Objects the checked operations created are removed again, so a run leaves the account as it found it.
  if (Number(t.real && t.real.statusCode) !== 201 || !t.real.body) return;
  const created = JSON.parse(t.real.body);
  if (created && created.data && created.data.id) {
    const collection = t.origin.resourceName;
    await api('DELETE', `${collection}/${created.data.id}`);
  }
}));

hooks.afterAll(step(async () => {
  for (const path of createdDuringRun.reverse()) await api('DELETE', path);
}));
