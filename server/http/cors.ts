// CORS: lets browsers on the configured origins call the API and read its answers, errors and rate-limit headers
// included. It runs first, so a preflight is answered before authentication, rate limiting or routing.
import type { RequestHandler } from 'express';

export const CORS_ALLOWED_METHODS = 'GET, POST, PUT, DELETE';
/** What clients of this API send: the token, JSON bodies, and Prism's `Prefer` (so one frontend fits both). */
export const CORS_ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, Prefer, X-Requested-With';
/** Headers a script may read besides the CORS-safelisted ones. */
export const CORS_EXPOSED_HEADERS = 'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After';
/** Seconds a browser may reuse a preflight answer (Chromium caps it at 7200). */
export const CORS_MAX_AGE = '7200';

/** `origins` is `['*']` for any origin, or the exact origins (scheme, host and port) allowed. */
export function createCors(origins: readonly string[]): RequestHandler {
  const anyOrigin = origins.includes('*');
  const allowed = new Set(origins.map((o) => o.toLowerCase()));
  return (req, res, next) => {
    const origin = req.get('origin');
    // A list makes the answer depend on the Origin header; caches must know that.
    if (!anyOrigin) res.vary('Origin');
    const permitted = origin !== undefined && (anyOrigin || allowed.has(origin.toLowerCase()));
    if (permitted) {
      res.set('Access-Control-Allow-Origin', anyOrigin ? '*' : origin);
      res.set('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS);
    }
    const preflight = req.method === 'OPTIONS' && origin !== undefined && req.get('access-control-request-method') !== undefined;
    if (!preflight) return next();
    // A refused origin gets the same 204 without any Allow header: the browser then blocks the real request.
    if (permitted) {
      res.set('Access-Control-Allow-Methods', CORS_ALLOWED_METHODS);
      res.set('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS);
      res.set('Access-Control-Max-Age', CORS_MAX_AGE);
    }
    res.status(204).end();
  };
}
