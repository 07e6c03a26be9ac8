// Size limits on the URL, checked before anything else reads the request (the body limit is the JSON parser's,
// the header limit Node's own: see clientErrors.ts). A path that is not valid percent-encoding names nothing.
import type { RequestHandler } from 'express';
import { notFound, overLimit } from './errors.js';

export interface UrlLimits {
  /** Longest URL, path and query string, in bytes. */
  urlBytes: number;
  /** Most `name=value` pairs in the query string. */
  queryParams: number;
}

export function countQueryParameters(url: string): number {
  const start = url.indexOf('?');
  if (start < 0) return 0;
  return url
    .slice(start + 1)
    .split('&')
    .filter((pair) => pair !== '').length;
}

export function createUrlLimits(limits: UrlLimits): RequestHandler {
  return (req, _res, next) => {
    const url = req.originalUrl;
    if (Buffer.byteLength(url, 'utf8') > limits.urlBytes) {
      return next(overLimit(414, `The URL may not be longer than ${limits.urlBytes} bytes.`));
    }
    if (countQueryParameters(url) > limits.queryParams) {
      return next(overLimit(414, `The query string may not hold more than ${limits.queryParams} parameters.`));
    }
    if (!decodes(req.path)) return next(notFound());
    next();
  };
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
