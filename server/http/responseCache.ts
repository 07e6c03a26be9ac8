// Answers a GET again with the bytes it was answered with, while nothing that made them can have changed.
//
// A stateful mock is read far more than it is written: a frontend's test suite or a page asks for the same
// contact many times between two writes. The first answer goes the whole way (request check, store, presenter,
// response check against the spec); later identical requests get its bytes, which were checked, until the data
// changes. Nothing is ever served that the full path would not serve now:
// - the key holds the account and user, the scheme and host (links name them), the whole URL, and the clock to
//   the second (the only precision any answer shows: upcoming reminders and statistics read the date);
// - an entry is valid only for the database state it was made in: SQLite's `total_changes()` (every row this
//   connection wrote, through the API or not) and `data_version` (commits by any other connection), read on
//   every lookup; and any request that may write makes every entry stale when it starts and when it ends;
// - only 200 answers are kept, and only when no state change happened while they were being made.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Caller } from '../context.js';
import { formatTimestamp } from '../present/dates.js';
import type { DataStamp } from '../store/dataState.js';

export interface ResponseCacheOptions {
  /** The database's stamp (server/store/dataState.ts). */
  stamp: () => DataStamp;
  now: () => Date;
  /** Most bytes of bodies kept; the least recently used go first (default 32 MB). */
  maxBytes?: number;
}

export interface ResponseCache {
  /** For the whole app, ahead of everything: requests that may write mark every entry stale. */
  trackWrites: RequestHandler;
  /** Under /api, once the caller is known: answers from the cache, or keeps this request's answer. */
  serve: RequestHandler;
  /** Counts since start: answers served from the cache, answers kept, and what is held now. */
  stats(): ResponseCacheStats;
}

export interface ResponseCacheStats {
  hits: number;
  kept: number;
  entries: number;
  bytes: number;
}

interface Entry {
  state: string;
  contentType: string;
  body: Buffer;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let hits = 0;
  let kept = 0;
  // Bumped at the start and at the end of every request that may write; `writing` counts those in flight.
  let writes = 0;
  let writing = 0;

  /** The state an answer depends on, besides its key: the database and the writes through HTTP. */
  const state = (): string => `${options.stamp()}:${writes}`;

  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.length;
  };

  const keep = (key: string, entry: Entry) => {
    forget(key);
    if (entry.body.length > maxBytes) return;
    entries.set(key, entry);
    bytes += entry.body.length;
    kept += 1;
    // Map order is insertion order, and a hit re-inserts: the first keys are the least recently used.
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break;
      forget(oldest);
    }
  };

  const trackWrites: RequestHandler = (req, res, next) => {
    if (READ_METHODS.has(req.method)) return next();
    writes += 1;
    writing += 1;
    res.once('close', () => {
      writing -= 1;
      writes += 1;
    });
    next();
  };

  const serve = (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET') return next();
    const caller = res.locals.caller as Caller | undefined;
    // The user's name and everything else read from the data are covered by the state, not the key.
    const who = caller ? `${caller.accountId}:${caller.userId}` : '-';
    const key = `${who}\n${req.protocol}://${req.get('host') ?? ''}\n${req.originalUrl}\n${formatTimestamp(options.now())}`;
    const now = state();
    const entry = entries.get(key);
    if (entry && entry.state === now) {
      hits += 1;
      entries.delete(key);
      entries.set(key, entry);
      res.status(200);
      res.setHeader('Content-Type', entry.contentType);
      res.setHeader('Content-Length', entry.body.length);
      res.end(entry.body);
      return;
    }
    if (entry) forget(key);
    if (writing > 0) return next();
    // Express's res.json ends in res.send with the serialised body: that is where the bytes are taken.
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      res.send = send;
      const sent = send(body);
      // Read once sent: Express has then set the final Content-Type (with its charset).
      const contentType = res.getHeader('Content-Type');
      if (res.statusCode === 200 && typeof body === 'string' && typeof contentType === 'string' && writing === 0 && state() === now) {
        keep(key, { state: now, contentType, body: Buffer.from(body, 'utf8') });
      }
      return sent;
    };
    next();
  };

  return { trackWrites, serve, stats: () => ({ hits, kept, entries: entries.size, bytes }) };
}
