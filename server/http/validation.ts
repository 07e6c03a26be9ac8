// The contract check of step 6 in server/app.ts: express-openapi-validator, assembled per operation.
//
// `OpenApiValidator.middleware()` given the whole spec finds each request's route by compiling a
// path-to-regexp pattern for every path until one matches (on every request), and compiles each route's
// validators from schemas that carry the whole spec. Step 1 of the app has already matched the operation, so
// here the library's middleware is put together from its own parts, in the order its `installMiddleware`
// uses, with two differences: each operation gets its own route step and validators, built on its first
// request, from a spec cut down to that operation (server/http/operationSpec.ts). Its routes are found here by
// the library's loader rules (loadedSpec), and the library preprocesses and compiles the cut as it would the
// whole spec. Start-up does no validator work at all; the checks, their errors and the multipart parsing are the
// library's, unchanged.
//
// The parts are deep imports of express-openapi-validator (pinned to 5.6.2 in package.json): the package has
// no public way to give it the route. installMiddleware's order is path params, route ("metadata"), security,
// multipart, request, response; path params are left out because the library installs them on the app,
// where no route of ours has parameters, and security is off in server/app.ts.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { OpenApiValidator } from 'express-openapi-validator/dist/openapi.validator.js';
import { OpenApiSpecLoader, sortRoutes, type Spec } from 'express-openapi-validator/dist/framework/openapi.spec.loader.js';
import { OpenAPIFramework } from 'express-openapi-validator/dist/framework/index.js';
import { dereferenceParameter } from 'express-openapi-validator/dist/middlewares/parsers/util.js';
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

let serial = 0;

/**
 * Ajv's code optimiser (it folds and drops statements in the generated validator) takes about a third of a
 * compile and saves little when the validator runs; a validator is compiled on its operation's first request,
 * which a client waits for. What is accepted and every error stay the same: only the generated code's form differs.
 */
const QUICK_COMPILE = { code: { optimize: false } };

/**
 * What the library's OpenApiSpecLoader makes of a document (its base paths and routes), for a cut that is already
 * bundled. The loader itself compiles the whole OpenAPI schema on every load, even with its check off (about half
 * a second): that is left out, and the routes are found by the loader's own rules.
 */
function loadedSpec(apiDoc: OpenApiDocument): Spec {
  // Both are private in the library's types, and pure: base paths from `servers`, `{id}` to `:id`.
  const framework = new OpenAPIFramework({ apiDoc: apiDoc as never, validateApiSpec: false }) as unknown as {
    getBasePathsFromServers(servers: unknown): { all(): string[] }[];
  };
  const basePaths = [...new Set(framework.getBasePathsFromServers(apiDoc['servers']).flatMap((bp) => bp.all()))];
  const toExpressParams = (OpenApiSpecLoader.prototype as unknown as { toExpressParams(part: string): string }).toExpressParams;
  const routes: Spec['routes'] = [];
  for (const bp of basePaths.map((b) => b.replace(/\/$/, ''))) {
    for (const [path, item] of Object.entries(apiDoc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (method.startsWith('x-') || ['parameters', 'summary', 'description'].includes(method)) continue;
        const params = [...((op as { parameters?: never[] }).parameters ?? []), ...((item as { parameters?: never[] }).parameters ?? [])];
        const pathParams = params.map((param) => dereferenceParameter(apiDoc as never, param)).filter((param) => param.in === 'path').map((param) => param.name);
        const openApiRoute = `${bp}${path}`;
        const expressRoute = openApiRoute.split(':').map(toExpressParams).join('\\:');
        routes.push({ basePath: bp, expressRoute, openApiRoute, method: method.toUpperCase(), pathParams: [...new Set(pathParams)] });
      }
    }
  }
  routes.sort(sortRoutes);
  serial += 1;
  return { apiDoc: apiDoc as never, basePaths, routes, serial };
}

/**
 * One operation's chain, in installMiddleware's order: route, multipart, request, response. It is built on the
 * operation's first request from a private copy of the spec cut down to that operation (server/http/operationSpec.ts),
 * which the library preprocesses and compiles as it would the whole spec: nothing is done at start-up for
 * operations no request has asked for. The bundle is checked against the OpenAPI schema by the tests, not here.
 */
function chainFor(spec: OpenApiDocument, operation: OperationMeta, validator: OpenApiValidator): RequestHandler[] {
  const { options, ajvOpts } = validator;
  const method = operation.method.toLowerCase();
  // The library annotates the document it is given: the cut is copied so that the bundle stays as it is.
  const cut = structuredClone(specForOperation(spec, operation.path, method));
  const loaded = loadedSpec(cut);
  // As installMiddleware: annotate the schemas (serdes) and keep a copy for responses.
  const preprocessed = new SchemaPreprocessor(loaded.apiDoc, ajvOpts.preprocessor, options.validateResponses as ValidateResponseOpts).preProcess();
  const requestDoc = preprocessed.apiDoc;
  const responseDoc = preprocessed.apiDocRes ?? null;
  const context = new OpenApiContext(
    { ...loaded, apiDoc: requestDoc },
    options.ignorePaths as RegExp,
    options.ignoreUndocumented,
    options.useRequestUrl,
  );
  const chain: RequestHandler[] = [applyOpenApiMetadata(context, responseDoc as never) as unknown as RequestHandler];
  if (options.fileUploader) {
    chain.push(multipart(requestDoc, { multerOpts: options.fileUploader, ajvOpts: ajvOpts.multipart }) as unknown as RequestHandler);
  }
  if (options.validateRequests) {
    const requests = new RequestValidator(requestDoc as never, { ...ajvOpts.request, ...QUICK_COMPILE });
    chain.push(((req, res, next) => requests.validate(req as never, res, next)) as RequestHandler);
  }
  if (options.validateResponses && responseDoc) {
    const responses = new ResponseValidator(responseDoc as never, { ...ajvOpts.response, ...QUICK_COMPILE }, options.validateResponses as ValidateResponseOpts, loaded.serial);
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
 * Chains are shared by every app of the process built from the same spec text and settings (tests start many
 * servers, each asking for the same operations): a chain holds compiled validators and no state of its own.
 */
const sharedChains = new Map<string, RequestHandler[]>();

/**
 * `spec` is the bundled spec; it is copied, not changed. `options` are express-openapi-validator's own
 * options (all but `apiSpec`). `specKey` names the spec's text (a digest): with it, chains are shared.
 */
export function createContractValidation(spec: object, options: ValidatorOptions, specKey?: string): ContractValidation {
  // The library's option handling (defaults, normalised formats, ajv options), exactly as middleware() does it.
  const validator = new OpenApiValidator({ ...options, apiSpec: spec as never });
  // multer's storage is an object without settings of its own: the key keeps every other option.
  const settings = JSON.stringify(options, (key, value: unknown) => (key === 'storage' ? undefined : value));
  const chains = specKey === undefined ? new Map<string, RequestHandler[]>() : sharedChains;
  const prefix = specKey === undefined ? '' : `${specKey}\n${settings}\n`;
  const chainOf = (operation: OperationMeta): RequestHandler[] => {
    const key = prefix + operation.operationId;
    let chain = chains.get(key);
    if (!chain) {
      chain = chainFor(spec as OpenApiDocument, operation, validator);
      chains.set(key, chain);
    }
    return chain;
  };

  return {
    middleware: (req, res, next) => {
      // A chain that fails to build is passed on as the request's error.
      let chain: RequestHandler[];
      try {
        chain = chainOf(res.locals.operation as OperationMeta);
      } catch (err) {
        return next(err);
      }
      runInOrder(chain, req, res, next);
    },
  };
}
