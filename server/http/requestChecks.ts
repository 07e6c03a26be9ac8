// Monica's checks on every API request, in its order: sort criterion (39), then page size (30). Both facts come
// from the spec: Monica's global sort list, and the largest `limit` of the operation the request is for.
import type { RequestHandler } from 'express';
import { operations, type OperationMeta } from '../../generated/server/operations.gen.js';
import { globalSortValues } from '../../generated/server/contract.gen.js';
import { invalidSort, limitTooBig } from './errors.js';

/** Every value Monica accepts for `sort`, on any endpoint (it checks before knowing whether the endpoint sorts). */
const GLOBAL_SORT_VALUES: ReadonlySet<string> = new Set(globalSortValues);

/**
 * The largest `limit` of each operation: its own for a list (`paging.maxLimit`); Monica checks `limit` on every
 * endpoint, so any other operation is held to the largest any list allows.
 */
const listLimits = Object.values(operations).flatMap((op: OperationMeta) => (op.paging ? [op.paging.maxLimit] : []));
const ANY_LIST_MAX_LIMIT = Math.max(...listLimits);
const MAX_LIMIT_OF: ReadonlyMap<string, number> = new Map(
  Object.values(operations).map((op: OperationMeta) => [op.operationId, op.paging?.maxLimit ?? ANY_LIST_MAX_LIMIT]),
);

/** Runs after the operation is matched (res.locals.operation, step 1 of server/app.ts). */
export const checkSortAndLimit: RequestHandler = (req, res, next) => {
  const url = new URL(req.originalUrl, 'http://x');
  const sort = url.searchParams.get('sort');
  if (sort !== null && !GLOBAL_SORT_VALUES.has(sort)) return next(invalidSort());
  const limit = url.searchParams.get('limit');
  const maxLimit = MAX_LIMIT_OF.get((res.locals.operation as OperationMeta | undefined)?.operationId ?? '') ?? ANY_LIST_MAX_LIMIT;
  if (limit !== null && /^\d+$/.test(limit) && Number(limit) > maxLimit) return next(limitTooBig());
  next();
};
