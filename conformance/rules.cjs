// The contract's rules for one response, read from the 3.1 bundle: which operation a URL names, and what is wrong
// with what a server answered. Shared by the Dredd hooks (CommonJS, so `require` works there) and the workflow and
// negative checks (through createRequire). Dredd's own OpenAPI 3 check only compares a body with the first
// example's keys; here every body is validated against the schema with a JSON Schema 2020-12 validator.
const path = require('node:path');
const { default: Ajv2020 } = require('ajv/dist/2020');
const { default: addFormats } = require('ajv-formats');

const spec = require(path.join(__dirname, '..', 'generated', 'openapi.json'));
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const SPEC_ID = 'https://monica-contract.invalid/openapi.json';

// ---------------------------------------------------------------------------------------------------------
// Operations

/** Every operation of the spec, most specific template first (literal segments win over `{id}`). */
const operations = [];
for (const [template, item] of Object.entries(spec.paths)) {
  const segments = template.split('/').slice(1);
  const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`);
  const literal = segments.filter((s) => !s.startsWith('{')).length;
  for (const method of METHODS) {
    const operation = item[method];
    if (!operation) continue;
    operations.push({ method: method.toUpperCase(), template, pattern, literal, segments: segments.length, operation });
  }
}
operations.sort((a, b) => b.segments - a.segments || b.literal - a.literal);

const byKey = new Map(operations.map((op) => [`${op.method} ${op.template}`, op]));

/**
 * The operation a request names: `findOperation('GET', '/contacts/12?with=contactfields')` →
 * `{ template: '/contacts/{id}', operationId: 'getContact', tag: 'Contacts', method: 'GET', statuses: [200, 400, …] }`. `urlPath` is relative to /api
 * (a leading `/api` or a full URL is accepted too).
 */
function findOperation(method, urlPath) {
  let bare = String(urlPath).split('?')[0].split('#')[0];
  if (/^https?:\/\//.test(bare)) bare = new URL(bare).pathname;
  bare = bare.replace(/^\/api(?=\/|$)/, '') || '/';
  const wanted = String(method).toUpperCase();
  const found = operations.find((op) => op.method === wanted && op.pattern.test(bare));
  if (!found) return undefined;
  return {
    template: found.template,
    operationId: found.operation.operationId,
    tag: (found.operation.tags || [])[0],
    method: found.method,
    statuses: Object.keys(found.operation.responses || {}).map(Number),
  };
}

/** Every operation as `{ method, template, operationId, tag, statuses }`, in spec order (for coverage). */
function allOperations() {
  const list = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      list.push({
        method: method.toUpperCase(),
        template,
        operationId: operation.operationId,
        tag: (operation.tags || [])[0],
        statuses: Object.keys(operation.responses || {}).map(Number),
      });
    }
  }
  return list;
}

// ---------------------------------------------------------------------------------------------------------
// Schemas: the whole document is one schema resource; each response schema is compiled once, by pointer.

// `verbose` keeps each error's schema, so a failed `oneOf` can be narrowed to its closest branch.
const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, inlineRefs: false });
addFormats(ajv, { mode: 'full' });
ajv.addSchema({ ...spec, $id: SPEC_ID });

const escapePointer = (key) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/** The node a list of JSON-pointer tokens names inside `root` (undefined when the path leads nowhere). */
const walk = (root, tokens) =>
  tokens.reduce((node, key) => (node === undefined || node === null ? undefined : node[key.replace(/~1/g, '/').replace(/~0/g, '~')]), root);

/** The node of the spec a local `$ref` (`#/components/schemas/Contact`) names. */
const at = (pointer) => walk(spec, pointer.replace(/^#\//, '').split('/'));

/** The response object of an operation and status, with the JSON pointer where it really lives (refs followed). */
function responseOf(op, status) {
  const responses = op.operation.responses || {};
  let pointer = `#/paths/${escapePointer(op.template)}/${op.method.toLowerCase()}/responses/${status}`;
  let response = responses[String(status)];
  while (response && typeof response.$ref === 'string') {
    pointer = response.$ref;
    response = at(pointer);
  }
  return response ? { response, pointer } : undefined;
}

// Keyed by where the schema lives: the shared error responses (NotFound, ValidationFailed…) compile once for all.
const validators = new Map();
/** The compiled validator of a response body, or null when the response has no JSON body. */
function bodyValidator(op, status) {
  const found = responseOf(op, status);
  const media = found && found.response.content && found.response.content['application/json'];
  if (!media || !media.schema) return null;
  const pointer = `${found.pointer}/content/application~1json/schema`;
  if (!validators.has(pointer)) validators.set(pointer, ajv.compile({ $ref: `${SPEC_ID}${pointer}` }));
  return validators.get(pointer);
}

const headerValidators = new Map();
/** The headers a response declares, each with its compiled value schema. */
function declaredHeaders(op, status) {
  const found = responseOf(op, status);
  const key = found ? found.pointer : '';
  if (!headerValidators.has(key)) {
    const list = [];
    for (const [name, declared] of Object.entries((found && found.response.headers) || {})) {
      let header = declared;
      while (header && typeof header.$ref === 'string') header = at(header.$ref);
      const schema = header && header.schema;
      list.push({ name, schema, validate: schema ? ajv.compile(schema) : () => true });
    }
    headerValidators.set(key, list);
  }
  return headerValidators.get(key);
}

// ---------------------------------------------------------------------------------------------------------
// Problems

/** One Ajv error as `path rule (keyword)`: `/data/id must be integer (type)`. */
function describeError(error) {
  const where = error.instancePath || '(body)';
  let detail = error.message || 'is invalid';
  if (error.keyword === 'additionalProperties') detail += `: '${error.params.additionalProperty}'`;
  if (error.keyword === 'enum') detail += `: ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'const') detail += `: ${JSON.stringify(error.params.allowedValue)}`;
  return `${where} ${detail} (${error.keyword})`;
}

/** A schema taken out of the document (a `oneOf` branch), compiled once with its local refs still resolving. */
const branchValidators = new Map();
function branchValidator(schema) {
  const text = JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${SPEC_ID}#/`);
  if (!branchValidators.has(text)) branchValidators.set(text, ajv.compile(JSON.parse(text)));
  return branchValidators.get(text);
}

const valueAt = (root, instancePath) => (instancePath ? walk(root, instancePath.split('/').slice(1)) : root);

const underPath = (error, base) => error.instancePath === base || error.instancePath.startsWith(`${base}/`);

/**
 * Ajv reports the errors of every branch of a failed `oneOf`/`anyOf`, most of them about branches the value was
 * never meant to match. The value is checked again against each branch alone, and only the errors of the closest
 * branch (fewest errors) are kept, which names the real fault (`/data/id must be integer`, not twenty
 * "additional property" errors of the other shape).
 */
function pickErrors(errors, root) {
  const result = [];
  for (const error of errors) {
    const combinator = error.keyword === 'oneOf' || error.keyword === 'anyOf';
    if (!combinator || !Array.isArray(error.schema) || (error.params && error.params.passingSchemas)) {
      result.push(error);
      continue;
    }
    const value = valueAt(root, error.instancePath);
    let best;
    for (const branch of error.schema) {
      const validate = branchValidator(branch);
      if (validate(value)) continue;
      const branchErrors = (validate.errors || []).map((e) => ({ ...e, instancePath: `${error.instancePath}${e.instancePath}` }));
      if (!best || branchErrors.length < best.length) best = branchErrors;
    }
    if (!best) {
      result.push(error);
      continue;
    }
    // The branches' errors Ajv listed before the combinator give way to the closest branch's.
    for (let i = result.length - 1; i >= 0; i -= 1) if (underPath(result[i], error.instancePath)) result.splice(i, 1);
    result.push(...pickErrors(best, root));
  }
  return result;
}

const MAX_BODY_PROBLEMS = 8;

function headerValue(headers, name) {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value.join(', ') : value === undefined ? undefined : String(value);
  }
  return undefined;
}

/** A header's text as the value its schema describes (`"58"` → 58 for an integer). */
function headerAsValue(text, schema) {
  const type = schema && schema.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  return text;
}

/**
 * What is wrong with a response, as sentences; empty when it keeps the contract. `template` is the spec's path
 * template (`/contacts/{id}`), `body` the response text, `headers` a plain object (any case).
 */
function responseProblems({ method, template, status, headers, body }) {
  const op = byKey.get(`${String(method).toUpperCase()} ${template}`);
  if (!op) return [`${method} ${template} is not an operation of the contract`];
  const documented = Object.keys(op.operation.responses || {});
  if (!documented.includes(String(status))) {
    return [`status ${status} is not documented for ${op.method} ${template} (documented: ${documented.join(', ')})`];
  }
  const problems = [];

  const type = headerValue(headers, 'content-type');
  const validate = bodyValidator(op, status);
  if (validate) {
    if (!type || !/^application\/json\s*(;|$)/i.test(type)) problems.push(`Content-Type is ${type ? `"${type}"` : 'missing'}, expected application/json`);
    let json;
    let parsed = false;
    try {
      json = JSON.parse(body);
      parsed = true;
    } catch {
      const text = String(body === undefined ? '' : body);
      problems.push(`the body is not JSON: ${text.length === 0 ? '(empty)' : JSON.stringify(text.slice(0, 80))}`);
    }
    if (parsed && !validate(json)) {
      const described = [...new Set(pickErrors(validate.errors || [], json).map(describeError))];
      problems.push(...described.slice(0, MAX_BODY_PROBLEMS));
      if (described.length > MAX_BODY_PROBLEMS) problems.push(`… and ${described.length - MAX_BODY_PROBLEMS} more schema errors`);
    }
  }

  for (const header of declaredHeaders(op, status)) {
    const text = headerValue(headers, header.name);
    if (text === undefined) {
      problems.push(`header ${header.name} is missing (declared for ${status})`);
      continue;
    }
    if (!header.validate(headerAsValue(text, header.schema))) {
      problems.push(`header ${header.name} is "${text}": ${header.validate.errors.map((e) => `${e.message} (${e.keyword})`).join(', ')}`);
    }
  }
  return problems;
}

module.exports = { findOperation, responseProblems, allOperations, spec, resolvePointer: at };
