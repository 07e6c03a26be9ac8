// @ts-check
/**
 * One Prism mock server, run in this process through Prism's own libraries (the ones @stoplight/prism-cli uses),
 * started by mock/prism.ts. Plain JavaScript so that Node starts it without a TypeScript loader. Compared with
 * `prism mock`, it:
 *
 * - starts in about a second: the parsed operations are cached per spec, and faker's 60 locales are not loaded;
 * - generates timestamps in the API's own format (`YYYY-MM-DDTHH:MM:SSZ`, between 2015 and 2025) and dates in
 *   the same years in dynamic mode (see apiTimestamps);
 * - never invents properties (json-schema-faker's `fillProperties` off);
 * - logs one line per request and one per contract violation, instead of Prism's dozen lines per request.
 *
 *   node mock/prism-process.mjs --spec FILE [--host 127.0.0.1] [--port 4010, 0: any] [--dynamic] [--seed 1]
 *                               [--log-level info|error|silent]
 *
 * When started with an IPC channel it sends `{ listening: url }` once it listens and exits when its parent goes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The format under which the mock generates the API's timestamps (see apiTimestamps). */
const API_TIMESTAMP = 'monica-api-timestamp';
const TIMESTAMP_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`;
/** The same with microseconds, as Monica sends a few Carbon values (an upcoming reminder's `planned_date`). */
const API_TIMESTAMP_MICROS = 'monica-api-timestamp-micros';
const TIMESTAMP_MICROS_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$`;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    spec: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '4010' },
    dynamic: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    'log-level': { type: 'string', default: 'info' },
  },
  strict: true,
});
if (!args.spec) throw new Error('--spec is required');

// Prism's libraries, resolved from the CLI package that package.json pins, so that they are the very copies it uses.
const fromCli = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json'));
const fromHttp = createRequire(fromCli.resolve('@stoplight/prism-http'));

// Prism loads faker only for the `x-faker` schema keyword, which this spec does not use; faker's main entry loads
// every locale (0.7 s). The English build is the same faker with English data only.
preloadModule(fromHttp, '@faker-js/faker', () => {
  const english = fromHttp('@faker-js/faker/locale/en');
  return { default: english, faker: english };
});

const prismHttp = fromCli('@stoplight/prism-http');
const { createServer } = fromCli('@stoplight/prism-http-server');
const { createLogger } = fromCli('@stoplight/prism-core');
const { JSONSchemaFaker } = fromHttp('json-schema-faker');

configureFaker();
const operations = apiTimestamps(await loadOperations(args.spec));
// At info Prism says which request came and what it answered; at error only what went wrong.
const level = args['log-level'];
if (!['info', 'error', 'silent'].includes(level)) throw new Error(`--log-level must be info, error or silent, not ${level}`);
const logger = createLogger('MOCK', { level }, readableLog(process.stdout, { requests: level === 'info' }));
const server = createServer(operations, {
  cors: true,
  // What `prism mock` configures: check requests (tokens included) and responses, answer from the spec.
  config: {
    validateRequest: true,
    validateResponse: true,
    checkSecurity: true,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
    mock: { dynamic: args.dynamic, ignoreExamples: false, seed: args.seed },
  },
  components: { logger },
});
const address = await server.listen(Number(args.port), args.host);

if (process.send) {
  process.send({ listening: address });
  process.once('disconnect', () => void server.close().finally(() => process.exit(0)));
} else {
  console.log(`listening at ${address}`);
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => void server.close().finally(() => process.exit(0)));
}

/**
 * Puts `build()`'s value in the require cache under the file `request` resolves to, before anyone loads it.
 * @param {NodeJS.Require} require
 * @param {string} request
 * @param {() => unknown} build
 */
function preloadModule(require, request, build) {
  const filename = require.resolve(request);
  const module = new Module(filename);
  module.filename = filename;
  module.exports = build();
  module.loaded = true;
  require.cache[filename] = module;
}

function configureFaker() {
  // Objects get exactly their declared properties, whatever additionalProperties allows.
  JSONSchemaFaker.option('fillProperties', false);
  // Both draw from json-schema-faker's random source, which Prism reseeds before each answer: same seed, same values.
  const random = () => /** @type {() => number} */ (JSONSchemaFaker.option('random'))();
  const FROM = Date.UTC(2015, 0, 1);
  const TO = Date.UTC(2026, 0, 1);
  const moment = () => new Date(FROM + Math.floor(random() * ((TO - FROM) / 1000)) * 1000).toISOString();
  JSONSchemaFaker.format(API_TIMESTAMP, () => moment().replace('.000Z', 'Z'));
  JSONSchemaFaker.format(API_TIMESTAMP_MICROS, () => moment().replace('.000Z', '.000000Z'));
  JSONSchemaFaker.format('date', () => moment().slice(0, 10));
}

/**
 * json-schema-faker (0.5.8) fills any string with a `pattern` from the pattern alone (random digits: month 97,
 * year 6156) and then rewrites every `format: date-time` value into `...:SS.0Z`, so none of its timestamps can
 * match the API's `YYYY-MM-DDTHH:MM:SSZ` pattern. In the mock's own copy of the operations (never the spec),
 * schemas with exactly that pattern (or its form with microseconds) get a format of ours, generated above, and lose the pattern. Only
 * responses use these schemas; the tests check the generated bodies against the real spec.
 * @param {unknown} node
 */
function apiTimestamps(node) {
  if (Array.isArray(node)) {
    for (const item of node) apiTimestamps(item);
  } else if (node && typeof node === 'object') {
    const schema = /** @type {Record<string, unknown>} */ (node);
    const ours = { [TIMESTAMP_PATTERN]: API_TIMESTAMP, [TIMESTAMP_MICROS_PATTERN]: API_TIMESTAMP_MICROS }[String(schema['pattern'])];
    if (schema['format'] === 'date-time' && ours) {
      schema['format'] = ours;
      delete schema['pattern'];
    }
    for (const value of Object.values(schema)) apiTimestamps(value);
  }
  return node;
}

/**
 * Prism's operations for the spec. Parsing and dereferencing 150 operations takes about a second, so the result
 * is kept in node_modules/.cache, keyed by the spec's content and Prism's version.
 * @param {string} specFile
 */
async function loadOperations(specFile) {
  const text = readFileSync(specFile, 'utf8');
  const version = fromCli('@stoplight/prism-http/package.json').version;
  const key = createHash('sha256').update(`${version}\n${text}`).digest('hex').slice(0, 16);
  const cacheDir = path.join(repoRoot, 'node_modules', '.cache', 'monica-contract');
  const cacheFile = path.join(cacheDir, `prism-operations-${key}.json`);
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8'));
  } catch {
    // Not cached yet (or unreadable): parse the spec.
  }
  const operations = await prismHttp.getHttpOperationsFromSpec(JSON.parse(text));
  if (operations.length === 0) throw new Error(`no operations in ${specFile}`);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed, so that mocks starting together never read half a file.
    const partial = `${cacheFile}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(operations));
    renameSync(partial, cacheFile);
  } catch {
    // A read-only install still works, only slower.
  }
  return operations;
}

/**
 * Turns Prism's log records (pino JSON lines, several per request) into what a person reads: one line per
 * answered request (`GET /api/contacts/1 -> 200`), unless `requests` is false, and one indented line per
 * contract violation or failure.
 * @param {NodeJS.WritableStream} out
 * @param {{ requests: boolean }} options
 */
function readableLog(out, options) {
  let pending = '';
  let current = '';
  /** @param {any} record */
  const show = (record) => {
    const msg = String(record.msg ?? '');
    if (record.input && msg === 'Request received') {
      current = `${String(record.input.method).toUpperCase()} ${record.input.url?.path ?? ''}`;
      return;
    }
    const answered = /^> Responding with "(\d+)"/.exec(msg);
    if (answered) {
      if (options.requests) out.write(`${current} -> ${answered[1]}\n`);
      return;
    }
    const where = options.requests ? `  ` : 'violation: ';
    if (msg.startsWith('Violation: ')) out.write(`${where}${msg.slice('Violation: '.length)}\n`);
    else if (record.level >= 50 && msg.startsWith('Request terminated')) {
      out.write(`${options.requests ? current : 'a request'} failed: ${msg.replace(/^Request terminated with error: /, '')}\n`);
    }
    else if (record.level >= 60) out.write(`${msg}\n`);
  };
  return new Writable({
    write(chunk, _encoding, done) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        try {
          show(JSON.parse(line));
        } catch {
          out.write(`${line}\n`);
        }
      }
      done();
    },
  });
}
