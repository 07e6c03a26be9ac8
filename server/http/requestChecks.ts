// Monica's checks on every API request, in its order: sort criterion (39), then page size (30).
import type { RequestHandler } from 'express';
import { invalidSort, limitTooBig } from './errors.js';

/** Every value Monica accepts for `sort`, on any endpoint (it checks before knowing whether the endpoint sorts). */
export const GLOBAL_SORT_CRITERIA = new Set([
  'created_at', '-created_at', 'updated_at', '-updated_at', 'completed_at', '-completed_at',
  'called_at', '-called_at', 'favorited_at', '-favorited_at',
]);

export const MAX_LIMIT = 100;

export const checkSortAndLimit: RequestHandler = (req, _res, next) => {
  const url = new URL(req.originalUrl, 'http://x');
  const sort = url.searchParams.get('sort');
  if (sort !== null && !GLOBAL_SORT_CRITERIA.has(sort)) return next(invalidSort());
  const limit = url.searchParams.get('limit');
  if (limit !== null && /^\d+$/.test(limit) && Number(limit) > MAX_LIMIT) return next(limitTooBig());
  next();
};
