// The conformance run against the reference server: every Dredd transaction and every workflow and negative check
// passes, only the transactions no request can produce are skipped, and a second run against the same server
// passes too and leaves the account as the first one found it (fixtures are made through the API and removed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../conformance/contract.js';
import { runConformance } from '../conformance/runner.js';
import type { Report } from '../conformance/types.js';
import { startServer, type RunningServer } from '../server/start.js';

/**
 * The transactions no request can make a clean server answer, which the hooks skip: the 422 that Monica 4.x sends
 * for a delete of an id that exists nowhere (a clean server answers 404), the 422 of attaching a photo to a gift,
 * which only an archived contact causes (the API cannot archive one), and the 404 of the instance's statistics,
 * which only an instance that keeps them private sends (the reference server publishes them). Named as the run
 * names them.
 */
function unproducibleTransactions(): string[] {
  const deletes = operations.filter((op) => op.method === 'delete' && op.statuses.includes(422));
  const photo = operations.find((op) => op.method === 'put' && op.path === '/gifts/{id}/photo/{photoId}')!;
  const statistics = operations.find((op) => op.method === 'get' && op.path === '/statistics')!;
  return [...[...deletes, photo].map((op) => `${op.tag} > ${op.operationId} > 422`), `${statistics.tag} > ${statistics.operationId} > 404`].sort();
}

/** How many (operation, status) pairs the spec documents: one Dredd transaction each. */
const documentedPairs = () => operations.reduce((sum, op) => sum + op.statuses.length, 0);

/** How many objects of each kind the account holds: a run must leave these as it found them. */
async function accountCounts(server: RunningServer): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const list of ['contacts', 'tags', 'groups', 'notes', 'companies', 'journal', 'genders', 'activitytypes', 'contactfieldtypes', 'reminders', 'tasks']) {
    const res = await fetch(`${server.url}/${list}?limit=1`, { headers: { Authorization: `Bearer ${server.tokens.demo}` } });
    const body = (await res.json()) as { meta?: { total?: number } };
    counts[list] = body.meta?.total ?? -1;
  }
  return counts;
}

const failures = (report: Report) => report.results.filter((r) => r.outcome === 'failed').map((r) => `${r.name}: ${r.message}`);

describe('conformance of the reference server', () => {
  let server: RunningServer;
  let burnToken: string;
  beforeAll(async () => {
    // Without per-check tokens (as against any server given by --url) one token carries the whole run.
    server = await startServer({ demoData: false, rateLimit: 6000, trustProxy: true, validateResponses: false, log: () => {} });
    burnToken = server.issueToken('conformance test: rate-limit checks');
  });
  afterAll(() => server.close());

  it('passes every check twice in a row and leaves the account as it found it', async () => {
    const target = { url: server.url, token: server.tokens.demo, otherToken: server.tokens.other, burnToken };
    const before = await accountCounts(server);

    const first = await runConformance(target);
    expect(failures(first)).toEqual([]);
    const dredd = first.results.filter((r) => r.kind === 'dredd');
    expect(dredd).toHaveLength(documentedPairs());
    const skipped = first.results.filter((r) => r.outcome === 'skipped').map((r) => r.name).sort();
    expect(skipped).toEqual(unproducibleTransactions());
    expect(first.results.some((r) => r.kind === 'workflow' && r.outcome === 'passed')).toBe(true);
    expect(first.results.some((r) => r.kind === 'negative' && r.outcome === 'passed')).toBe(true);
    expect(first.coverage.operations).toMatchObject({ exercised: operations.length, total: operations.length, missing: [] });
    expect(first.coverage.statuses.total).toBe(documentedPairs());
    expect(first.coverage.statuses.missing.sort()).toEqual(unproducibleTransactions().map((name) => name.split(' > ').slice(1).join(' ')).sort());
    expect(first.ok).toBe(true);

    const second = await runConformance(target);
    expect(failures(second)).toEqual([]);
    expect(second.totals).toEqual(first.totals);
    expect(await accountCounts(server)).toEqual(before);
  }, 240_000);
});
