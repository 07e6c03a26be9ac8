// The control API over HTTP (mounted at /_control by app.ts): the routes of server/control/openapi.yaml, in front of
// them the checks that keep it for tests (no web pages, the control token when one is set), and its own errors.
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Router } from 'express';
import { sendsControlToken } from './access.js';
import {
  ControlError,
  createControlAccount,
  getControlAccount,
  listControlAccounts,
  resetControlAccount,
  type ControlContext,
} from './accounts.js';
import { loadControlSpec, schemaChecker } from './spec.js';

export const CONTROL_BASE_PATH = '/_control';
const BODY_LIMIT = '16kb';

export interface ControlRouterOptions extends ControlContext {
  /** When set, every request must send it (`Authorization: Bearer <token>`). */
  token?: string;
  log?: (message: string) => void;
}

export function createControlRouter(options: ControlRouterOptions): Router {
  // Read and compiled on the first request that needs them: start-up does not wait for the control API.
  let loaded: { text: string; checkCreateRequest: (value: unknown) => string[] } | undefined;
  const spec = () => {
    if (!loaded) {
      const { text, document } = loadControlSpec();
      loaded = { text, checkCreateRequest: schemaChecker(document, 'CreateAccountRequest') };
    }
    return loaded;
  };
  const log = options.log ?? ((m: string) => console.error(m));
  const router = express.Router();

  // 1. Not for web pages: no CORS headers are ever sent, and a request a page of another origin makes is refused.
  router.use((req, res, next) => {
    res.set('Cache-Control', 'no-store');
    const origin = req.get('origin');
    if (origin !== undefined && origin.toLowerCase() !== `${req.protocol}://${req.get('host') ?? ''}`.toLowerCase()) {
      return next(new ControlError(403, 'foreign_origin', 'The control API does not answer web pages of another origin.'));
    }
    next();
  });
  // 2. The control token, when the server has one.
  const token = options.token;
  if (token !== undefined) {
    router.use((req, _res, next) =>
      sendsControlToken(req.get('authorization'), token)
        ? next()
        : next(new ControlError(401, 'unauthorized', 'The control API needs the control token: Authorization: Bearer <control token>.', {
            'WWW-Authenticate': 'Bearer realm="control"',
          })),
    );
  }

  // 3. The routes.
  router
    .route('/accounts')
    .get((_req, res) => {
      res.json({ data: listControlAccounts(options) });
    })
    .post(jsonBody(), (req, res) => {
      const request: unknown = req.body ?? {};
      const problems = spec().checkCreateRequest(request);
      if (problems.length > 0) throw new ControlError(422, 'validation_failed', `${capitalise(problems.join('; '))}.`);
      const { account, token: apiToken } = createControlAccount(options, request as { demo_data?: boolean; name?: string });
      res.status(201).json({ ...account, token: apiToken, api_url: `${req.protocol}://${req.get('host')}/api` });
    })
    .all(methodNotAllowed('GET, POST'));
  router
    .route('/accounts/:id')
    .get((req, res) => {
      res.json(getControlAccount(options, accountId(req)));
    })
    .all(methodNotAllowed('GET'));
  router
    .route('/accounts/:id/reset')
    .post((req, res) => {
      res.json(resetControlAccount(options, accountId(req)));
    })
    .all(methodNotAllowed('POST'));
  router
    .route('/openapi.yaml')
    .get((_req, res) => {
      res.type('application/yaml').send(spec().text);
    })
    .all(methodNotAllowed('GET'));
  router.use((req, _res, next) =>
    next(new ControlError(404, 'not_found', `The control API has no ${req.path}: see ${CONTROL_BASE_PATH}/openapi.yaml.`)),
  );

  // 4. Every error, as the document's `Error`.
  const errors: ErrorRequestHandler = (err, _req, res, _next) => {
    const refusal = asControlError(err);
    if (refusal.status >= 500) log(`control API: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    res.status(refusal.status).set(refusal.headers).json({ error: { message: refusal.message, code: refusal.code } });
  };
  router.use(errors);
  return router;
}

/** A JSON body (at most 16 kB), or none at all; anything else is refused. */
function jsonBody(): RequestHandler {
  const parse = express.json({ limit: BODY_LIMIT, strict: true });
  return (req, res, next) => {
    const length = req.headers['content-length'];
    const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    if (hasBody && !req.is('application/json')) {
      return next(new ControlError(415, 'unsupported_media_type', 'The body must be JSON (Content-Type: application/json).'));
    }
    parse(req, res, next);
  };
}

function accountId(req: Request): number {
  const given = String(req.params.id);
  if (!/^[1-9][0-9]{0,14}$/.test(given)) {
    throw new ControlError(400, 'invalid_id', `The account id must be a positive integer of at most 15 digits, not "${given.slice(0, 40)}".`);
  }
  return Number(given);
}

function methodNotAllowed(allowed: string): RequestHandler {
  return (req, _res, next) =>
    next(new ControlError(405, 'method_not_allowed', `${req.method} is not allowed here: ${allowed}.`, { Allow: allowed }));
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What the body parser and the router throw, in the control API's terms; anything else is the server's fault. */
function asControlError(err: unknown): ControlError {
  if (err instanceof ControlError) return err;
  const e = err as { type?: string; status?: number };
  switch (e.type) {
    case 'entity.parse.failed':
      return new ControlError(400, 'invalid_json', 'The body is not valid JSON, or not an object.');
    case 'entity.too.large':
      return new ControlError(413, 'too_large', `The body is larger than ${BODY_LIMIT.replace('kb', ' kB')}.`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ControlError(415, 'unsupported_media_type', 'The body must be JSON in UTF-8.');
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return new ControlError(400, 'bad_request', 'The request could not be read.');
  }
  return new ControlError(500, 'internal_error', 'The control API failed; the server log says why.');
}
