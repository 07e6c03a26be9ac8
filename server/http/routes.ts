// The adapter between Express and the typed handlers: one route per operation of the generated table, reached
// straight from the operation step 1 of server/app.ts matched.
import express, { type Request, type RequestHandler, type Response } from 'express';
import { operations, type OperationMeta, type ParamMeta } from '../../generated/server/operations.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';

type AnyHandler = (input: { context: Context; path: unknown; query: unknown; body: unknown }) =>
  | { status: number; body: unknown }
  | Promise<{ status: number; body: unknown }>;

/** A multipart body's fields, with each uploaded file under its field name (multer's file object). */
function withUploadedFiles(req: Request): unknown {
  const files = Array.isArray(req.files) ? req.files : [];
  if (files.length === 0) return req.body;
  return { ...(req.body ?? {}), ...Object.fromEntries(files.map((f) => [f.fieldname, f])) };
}

/** The parameters the metadata types as integers: handlers get numbers there (Express gives strings). */
const integerNames = (params: Readonly<Record<string, ParamMeta>>): string[] =>
  Object.entries(params).flatMap(([name, param]) => (param.type === 'integer' ? [name] : []));

/** Converts the named values to numbers when they are plain decimal integers; anything else is left for the validator. */
export function coerceIntegers(values: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const name of names) {
    const v = out[name];
    // The validator's coercion takes surrounding white space (`%201`) as the integer too: so must the handler.
    if (typeof v === 'string' && /^\s*-?\d{1,15}\s*$/.test(v)) out[name] = Number(v);
  }
  return out;
}

export interface MountOptions {
  handlers: Handlers<Context>;
  makeContext: (req: Request, res: Response) => Context;
}

/**
 * A middleware that runs the handler of res.locals.operation. Each operation keeps its own Express route (in a
 * router of its own), so path parameters are parsed and decoded by Express exactly as before, but a request
 * walks one route instead of every operation's (151).
 */
export function operationDispatcher(options: MountOptions): RequestHandler {
  const routers = new Map<string, RequestHandler>();
  for (const [operationId, op] of Object.entries(operations) as [string, OperationMeta][]) {
    const handler = (options.handlers as unknown as Record<string, AnyHandler>)[operationId];
    const pathIntegers = integerNames(op.pathParams);
    const queryIntegers = integerNames(op.queryParams);
    const router = express.Router();
    router[op.method as 'get' | 'post' | 'put' | 'delete'](op.expressPath, async (req, res, next) => {
      try {
        const result = await handler({
          context: options.makeContext(req, res),
          path: coerceIntegers(req.params as Record<string, unknown>, pathIntegers),
          query: coerceIntegers(req.query as Record<string, unknown>, queryIntegers),
          body: withUploadedFiles(req),
        });
        res.status(result.status).json(result.body);
      } catch (err) {
        next(err);
      }
    });
    routers.set(operationId, router);
  }
  return (req, res, next) => {
    const router = routers.get((res.locals.operation as OperationMeta | undefined)?.operationId ?? '');
    if (!router) return next();
    router(req, res, next);
  };
}
