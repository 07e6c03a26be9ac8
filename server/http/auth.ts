// Bearer-token authentication: who is calling, or Laravel's 401 body.
import type { Request, RequestHandler } from 'express';
import { unauthenticated } from './errors.js';
import type { Caller } from '../context.js';

export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export function createAuthenticate(findCaller: (token: string) => Caller | undefined): RequestHandler {
  return (req, res, next) => {
    const token = bearerToken(req);
    const caller = token ? findCaller(token) : undefined;
    if (!caller) return next(unauthenticated());
    res.locals.caller = caller;
    res.locals.token = token;
    next();
  };
}
