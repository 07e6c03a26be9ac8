// `--only <tag or operationId>`: which operations and checks a run keeps. Tags match case-insensitively
// (`contacts`, `Contact fields`), operationIds too (`getcontact`).
import type { Check } from './types.js';
import { operations, tagOf, type Operation } from './contract.js';
import { UsageError } from './errors.js';

export interface Selection {
  /** The values asked for, as given. */
  only: string[];
  operation(operation: Operation): boolean;
  check(check: Pick<Check, 'resource' | 'operationIds'>): boolean;
}

export function select(only: string[] = []): Selection {
  const given = only.map((value) => value.trim()).filter(Boolean);
  const wanted = new Set(given.map((value) => value.toLowerCase()));
  const known = new Set(operations.flatMap((op) => [tagOf(op).toLowerCase(), op.operationId.toLowerCase()]));
  const unknown = given.filter((value) => !known.has(value.toLowerCase()));
  if (unknown.length > 0) {
    throw new UsageError(`--only ${unknown.map((v) => `"${v}"`).join(', ')}: no tag or operationId of the contract has that name`);
  }
  const all = wanted.size === 0;
  const operation = (op: Operation) => all || wanted.has(tagOf(op).toLowerCase()) || wanted.has(op.operationId.toLowerCase());
  return {
    only: [...only],
    operation,
    check: (check) =>
      all || wanted.has(check.resource.toLowerCase()) || check.operationIds.some((id) => wanted.has(id.toLowerCase())),
  };
}
