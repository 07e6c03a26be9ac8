// What a run reached: the operations that answered at least one documented status, and the documented
// (operation, status) pairs it saw answered, out of those the run selected.
import type { CheckResult, Coverage, CoverageCount, ResourceSummary } from './types.js';
import type { Operation } from './contract.js';

const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10);

function count(all: string[], seen: Set<string>): CoverageCount {
  const missing = all.filter((key) => !seen.has(key));
  return { exercised: all.length - missing.length, total: all.length, percent: percent(all.length - missing.length, all.length), missing };
}

export function coverageOf(results: CheckResult[], operations: readonly Operation[]): Coverage {
  const seenOperations = new Set<string>();
  const seenPairs = new Set<string>();
  for (const result of results) {
    for (const { operationId, status } of result.exercised) {
      seenOperations.add(operationId);
      seenPairs.add(`${operationId} ${status}`);
    }
  }
  return {
    operations: count(operations.map((op) => op.operationId), seenOperations),
    statuses: count(operations.flatMap((op) => op.statuses.map((status) => `${op.operationId} ${status}`)), seenPairs),
  };
}

/** Passed, failed and skipped per resource, in the order the resources first appear in `order` (spec order). */
export function summarize(results: CheckResult[], order: string[]): ResourceSummary[] {
  const byResource = new Map<string, ResourceSummary>();
  for (const result of results) {
    const row = byResource.get(result.resource) ?? { resource: result.resource, passed: 0, failed: 0, skipped: 0 };
    row[result.outcome] += 1;
    byResource.set(result.resource, row);
  }
  const rank = (resource: string) => {
    const at = order.indexOf(resource);
    return at === -1 ? order.length : at;
  };
  return [...byResource.values()].sort((a, b) => rank(a.resource) - rank(b.resource) || a.resource.localeCompare(b.resource));
}
