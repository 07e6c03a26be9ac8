// Every check Dredd cannot express (workflows, negative cases), in the order they are listed; the runner
// filters them with --only. Each check makes and removes its own fixtures, so they may run in any order.
import type { Check } from '../types.js';
import { badRequestChecks } from './negative/badRequests.js';
import { isolationChecks } from './negative/isolation.js';
import { lifecycleChecks } from './workflows/lifecycle.js';
import { paginationChecks } from './workflows/pagination.js';
import { realClientChecks } from './workflows/realClients.js';
import { searchChecks } from './workflows/search.js';
import { sortingChecks } from './workflows/sorting.js';
import { taggingChecks } from './workflows/tagging.js';

export function allChecks(): Check[] {
  return [
    ...lifecycleChecks(),
    ...paginationChecks(),
    ...sortingChecks(),
    ...searchChecks(),
    ...taggingChecks(),
    ...realClientChecks(),
    ...badRequestChecks(),
    ...isolationChecks(),
  ];
}
