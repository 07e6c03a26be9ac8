// Bearer-token authentication: who is calling, or Laravel's 401 body.
import type { Request, RequestHandler } from 'express';
import { unauthenticated } from './errors.js';
import type { Caller } from '../context.js';
import { hashToken } from '../store/accounts.js';
import type { DataStamp } from '../store/dataState.js';

export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Remembers who each token is, by the token's digest, while the data is unchanged: the second request of a token
 * skips the lookup. Any write (a token revoked, an account deleted, a user renamed, or anything else) makes the
 * next request look again, so nothing stale is ever answered.
 */
export function cachedCallerLookup(
  find: (token: string) => Caller | undefined,
  stamp: () => DataStamp,
  maxEntries = 10_000,
): (token: string) => Caller | undefined {
  const known = new Map<string, { stamp: DataStamp; caller: Caller | undefined }>();
  return (token) => {
    const digest = hashToken(token);
    const now = stamp();
    const entry = known.get(digest);
    if (entry && entry.stamp === now) return entry.caller;
    const caller = find(token);
    if (known.size >= maxEntries) known.clear();
    known.set(digest, { stamp: now, caller });
    return caller;
  };
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
