// Builds the Express app. The middleware order below is the request's path through the server.
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OperationMeta } from '../generated/server/operations.gen.js';
import { createOperationLookup } from '../contract/operationLookup.js';
import type { Context } from './context.js';
import type { Db } from './store/db.js';
import { findAccountByToken } from './store/accounts.js';
import { cachedCallerLookup, createAuthenticate } from './http/auth.js';
import { createDataState } from './store/dataState.js';
import { createRateLimiter } from './http/rateLimit.js';
import { checkSortAndLimit } from './http/requestChecks.js';
import { createErrorHandler } from './http/errorHandler.js';
import { createCors } from './http/cors.js';
import { createUrlLimits } from './http/requestLimits.js';
import { DEFAULT_LIMITS } from './config.js';
import { notFound } from './http/errors.js';
import { operationDispatcher } from './http/routes.js';
import { createContractValidation } from './http/validation.js';
import { createResponseCache } from './http/responseCache.js';
import { validatorOptions } from './http/validatorOptions.js';
import { handlers } from './handlers/index.js';
import { CONTROL_BASE_PATH } from './control/router.js';
import { stringifyYaml } from './yaml.js';

export const SPEC_PATH = fileURLToPath(new URL('../generated/openapi.json', import.meta.url));
export const DOCS_PATH = fileURLToPath(new URL('../generated/docs/index.html', import.meta.url));

export interface AppOptions {
  db: Db;
  /** Directory for uploaded files. */
  filesDir: string;
  /** Largest accepted upload, in bytes (10 MB by default). */
  uploadLimitBytes?: number;
  /** Largest JSON body, in bytes (1 MB by default). */
  bodyLimitBytes?: number;
  /** Longest URL, in bytes (8 kB by default). */
  urlLimitBytes?: number;
  /** Most query parameters in one request (50 by default). */
  queryParamLimit?: number;
  /** Origins browsers may call from; `['*']` (the default) allows any. */
  corsOrigins?: readonly string[];
  /** Requests per minute and token. */
  rateLimit?: number;
  now?: () => Date;
  /** Take the client address from X-Forwarded-For (behind a proxy, or for conformance runs); off by default. */
  trustProxy?: boolean;
  /** Check every response against the spec (a failing one becomes a 500); on by default. */
  validateResponses?: boolean;
  /** Answer a GET again from the bytes of an identical one while the data is unchanged (server/http/responseCache.ts); on by default. */
  responseCache?: boolean;
  /** Whether `GET /statistics` answers without a token; on by default (off, it answers 404 as Monica does by default). */
  publicStatistics?: boolean;
  log?: (message: string) => void;
  /** The control API (server/control/), mounted at /_control when given. */
  control?: RequestHandler;
}

export function createApp(options: AppOptions): Express {
  const now = options.now ?? (() => new Date());
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_LIMITS.bodyBytes;
  const uploadLimitBytes = options.uploadLimitBytes ?? DEFAULT_LIMITS.uploadBytes;
  const log = options.log ?? ((m: string) => console.error(m));
  // The text is kept to serve it as is: the validator may annotate the object parsed from it.
  const specJson = readFileSync(SPEC_PATH, 'utf8');
  const spec = JSON.parse(specJson);
  const operationLookup = createOperationLookup();
  const limiter = createRateLimiter({ perMinute: options.rateLimit ?? 60, now: () => now().getTime() });
  const data = createDataState(options.db);
  const authenticate = createAuthenticate(cachedCallerLookup((token) => findAccountByToken(options.db, token), data.stamp));

  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy) app.set('trust proxy', true);
  app.set('etag', false);
  app.set('query parser', 'simple');

  const cache = options.responseCache === false ? undefined : createResponseCache({ stamp: data.stamp, now });
  // For RunningServer.responseCacheStats: tests read how often the cache answered.
  app.locals['responseCache'] = cache;
  // Any request that may write, to the API or the control API, makes the cached answers stale.
  if (cache) app.use(cache.trackWrites);

  // The control API, when on: outside /api and ahead of CORS, so that no web page is ever let in (server/control/).
  if (options.control) app.use(CONTROL_BASE_PATH, options.control);

  // 0. Browsers first: a preflight is answered here, and every later answer (errors too) carries the CORS headers.
  app.use(createCors(options.corsOrigins ?? ['*']));
  //    Then the URL's size, before any part of the server reads it.
  app.use(
    createUrlLimits({
      urlBytes: options.urlLimitBytes ?? DEFAULT_LIMITS.urlBytes,
      queryParams: options.queryParamLimit ?? DEFAULT_LIMITS.queryParams,
    }),
  );

  const api = express.Router();

  // 1. Which operation is this? Unknown paths and methods answer 404 (code 31) at once.
  api.use((req, res, next) => {
    const operation = operationLookup.match(req.method, req.path);
    if (!operation) return next(notFound());
    res.locals.operation = operation;
    next();
  });
  // 2. Who is calling? (public operations skip this)
  api.use((req, res, next) => ((res.locals.operation as OperationMeta).authRequired ? authenticate(req, res, next) : next()));
  // 3. Within the rate limit? Keyed by token, or by address for public operations.
  api.use((req, res, next) => {
    const key = (res.locals.token as string | undefined) ?? `ip:${req.ip}`;
    res.set(limiter.take(key));
    next();
  });
  // 4. Monica's global query checks; then a GET answered before, while the data is unchanged, is answered again
  //    with the same bytes (they passed steps 6 and 7 then; only 200 answers are kept).
  api.use(checkSortAndLimit);
  if (cache) api.use(cache.serve);
  // 5. The JSON body.
  // POST and PUT bodies are read as JSON whatever their declared type, except uploads (multipart, read by the
  // validator's multer); GET and DELETE bodies are ignored, as Monica does.
  api.use(
    express.json({
      limit: bodyLimitBytes,
      strict: true,
      type: (req) => (req.method === 'POST' || req.method === 'PUT') && !/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? ''),
    }),
  );
  // 6. The contract: requests, and responses unless switched off (settings in http/validatorOptions.ts).
  //    express-openapi-validator, its validators built per operation on first use and picked by step 1's match.
  const specKey = createHash('sha256').update(specJson).digest('hex');
  const contract = createContractValidation(spec, validatorOptions({ validateResponses: options.validateResponses !== false, uploadLimitBytes }), specKey);
  api.use(contract.middleware);
  // 7. The handlers.
  api.use(operationDispatcher({
    handlers,
    makeContext: (req: Request, res: Response): Context => ({
      db: options.db,
      caller: res.locals.caller,
      now,
      baseUrl: `${req.protocol}://${req.get('host')}/api`,
      filesDir: options.filesDir,
      publicStatistics: options.publicStatistics !== false,
    }),
  }));

  // The contract itself, for people and tools: the rendered reference and the bundled spec.
  // The YAML form is made on first request, not at every start.
  let specYaml: string | undefined;
  app.get('/docs', (_req, res) => res.sendFile(DOCS_PATH));
  app.get('/openapi.json', (_req, res) => res.type('application/json').send(specJson));
  app.get('/openapi.yaml', (_req, res) => res.type('application/yaml').send((specYaml ??= stringifyYaml(JSON.parse(specJson)))));

  // Uploaded files, under the random names the API gave them (`link` of photos and documents). Never sniffed or
  // run as a page: an SVG opened here cannot execute scripts.
  app.use(
    '/storage',
    express.static(options.filesDir, {
      dotfiles: 'deny',
      index: false,
      setHeaders: (res) => {
        res.set('X-Content-Type-Options', 'nosniff');
        res.set('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
      },
    }),
  );

  app.use('/api', api);
  app.use((_req, _res, next) => next(notFound()));
  // 8. Every error leaves here.
  app.use(createErrorHandler({ bodyLimitBytes, uploadLimitBytes, log }));
  return app;
}
