// The contract check of step 6 in server/app.ts: express-openapi-validator, assembled per operation.
//
// `OpenApiValidator.middleware()` given the whole spec finds each request's route by compiling a
// path-to-regexp pattern for every path until one matches (on every request), and compiles each route's
// validators from schemas that carry the whole spec. Step 1 of the app has already matched the operation, so
// here the library's middleware is put together from its own parts, in the order its `installMiddleware`
// uses, with two differences: each operation gets its own route step and validators, built on its first
// request, and those see a spec cut down to that operation (server/http/operationSpec.ts). The spec is
// loaded, checked and preprocessed once, as before; the checks, their errors and the multipart parsing are
// the library's, unchanged.
//
// The parts are deep imports of express-openapi-validator (pinned to 5.6.2 in package.json): the package has
// no public way to give it the route. installMiddleware's order is path params, route ("metadata"), security,
// multipart, request, response; path params are left out because the library installs them on the app,
// where no route of ours has parameters, and security is off in server/app.ts.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { OpenApiValidator } from 'express-openapi-validator/dist/openapi.validator.js';
import { OpenApiSpecLoader, type Spec } from 'express-openapi-validator/dist/framework/openapi.spec.loader.js';
import { OpenApiContext } from 'express-openapi-validator/dist/framework/openapi.context.js';
import { SchemaPreprocessor } from 'express-openapi-validator/dist/middlewares/parsers/schema.preprocessor.js';
import {
  applyOpenApiMetadata,
  multipart,
  RequestValidator,
  ResponseValidator,
} from 'express-openapi-validator/dist/middlewares/index.js';
import type { OpenApiValidatorOpts, ValidateResponseOpts } from 'express-openapi-validator/dist/framework/types.js';
import type { OperationMeta } from '../../generated/server/operations.gen.js';
import { specForOperation, type OpenApiDocument } from './operationSpec.js';

export type ValidatorOptions = Omit<OpenApiValidatorOpts, 'apiSpec'>;

/** What every operation shares: the loaded spec, preprocessed once, and the multipart step. */
interface SharedParts {
  spec: Spec;
  /** The spec as the request validator sees it, and the copy the response validator sees. */
  requestDoc: OpenApiDocument;
  responseDoc: OpenApiDocument | null;
  multipartStep?: RequestHandler;
}

function buildSharedParts(spec: Spec, validator: OpenApiValidator): SharedParts {
  const { options, ajvOpts } = validator;
  // As installMiddleware: annotate the schemas (serdes) and keep a copy for responses.
  const preprocessed = new SchemaPreprocessor(spec.apiDoc, ajvOpts.preprocessor, options.validateResponses as ValidateResponseOpts).preProcess();
  const multipartStep = options.fileUploader
    ? (multipart(spec.apiDoc, { multerOpts: options.fileUploader, ajvOpts: ajvOpts.multipart }) as unknown as RequestHandler)
    : undefined;
  return {
    spec,
    requestDoc: preprocessed.apiDoc as unknown as OpenApiDocument,
    responseDoc: (preprocessed.apiDocRes as unknown as OpenApiDocument | null) ?? null,
    multipartStep,
  };
}

/**
 * One operation's chain, in installMiddleware's order: route, multipart, request, response. The route table,
 * and the documents the validators compile from, hold this operation alone. The cut documents share schema
 * objects with the preprocessed spec; the library only reads those (it removes examples from the cut's own
 * `components` object).
 */
function chainFor(shared: SharedParts, operation: OperationMeta, validator: OpenApiValidator): RequestHandler[] {
  const { options, ajvOpts } = validator;
  const method = operation.method.toLowerCase();
  const routes = shared.spec.routes.filter((r) => r.method === method.toUpperCase() && r.openApiRoute.slice(r.basePath.length) === operation.path);
  const requestDoc = specForOperation(shared.requestDoc, operation.path, method);
  const responseDoc = shared.responseDoc && specForOperation(shared.responseDoc, operation.path, method);
  const context = new OpenApiContext(
    { ...shared.spec, apiDoc: requestDoc as never, routes },
    options.ignorePaths as RegExp,
    options.ignoreUndocumented,
    options.useRequestUrl,
  );
  const chain: RequestHandler[] = [applyOpenApiMetadata(context, responseDoc as never) as unknown as RequestHandler];
  if (shared.multipartStep) chain.push(shared.multipartStep);
  if (options.validateRequests) {
    const requests = new RequestValidator(requestDoc as never, ajvOpts.request);
    chain.push(((req, res, next) => requests.validate(req as never, res, next)) as RequestHandler);
  }
  if (options.validateResponses && responseDoc) {
    const responses = new ResponseValidator(responseDoc as never, ajvOpts.response, options.validateResponses as ValidateResponseOpts, shared.spec.serial);
    chain.push(responses.validate() as unknown as RequestHandler);
  }
  return chain;
}

/** Runs middleware in order, as `app.use(list)` would, stopping at the first error. */
function runInOrder(chain: readonly RequestHandler[], req: Request, res: Response, done: NextFunction): void {
  let index = 0;
  const step = (err?: unknown) => {
    if (err !== undefined && err !== null) return done(err);
    const middleware = chain[index++];
    if (!middleware) return done();
    try {
      // The library's parts are synchronous or catch their own errors; a throw is passed on like Express would.
      void middleware(req, res, step);
    } catch (thrown) {
      done(thrown);
    }
  };
  step();
}

export interface ContractValidation {
  /** Validates the request for res.locals.operation (set by step 1), and its response when that is on. */
  middleware: RequestHandler;
}

/**
 * `spec` is the bundled spec; it is copied, not changed. `options` are express-openapi-validator's own
 * options (all but `apiSpec`).
 */
export function createContractValidation(spec: object, options: ValidatorOptions): ContractValidation {
  // The library's option handling (defaults, normalised formats, ajv options), exactly as middleware() does it.
  const validator = new OpenApiValidator({ ...options, apiSpec: spec as never });
  // Loaded and checked against the OpenAPI schema once, as OpenApiValidator.middleware() does when the app
  // is made; an invalid spec makes every validated request fail with that error, as it did there.
  const shared = new OpenApiSpecLoader({ apiDoc: structuredClone(spec) as never, validateApiSpec: true, $refParser: { mode: 'bundle' } })
    .load()
    .then((loaded) => buildSharedParts(loaded, validator));
  // A failed load is reported through the requests; this keeps it from also being an unhandled rejection.
  shared.catch(() => undefined);

  const chains = new Map<string, RequestHandler[]>();
  const chainOf = (parts: SharedParts, operation: OperationMeta): RequestHandler[] => {
    let chain = chains.get(operation.operationId);
    if (!chain) {
      chain = chainFor(parts, operation, validator);
      chains.set(operation.operationId, chain);
    }
    return chain;
  };

  return {
    middleware: (req, res, next) => {
      // A spec that failed to load, or a chain that failed to build, is passed on as the request's error.
      shared.then((parts) => runInOrder(chainOf(parts, res.locals.operation as OperationMeta), req, res, next)).catch(next);
    },
  };
}
