// The workflow and negative checks (conformance/checks) against the reference server, called directly: all of
// them pass, they reach every write operation with each refused request, and the isolation checks say why
// they are skipped when there is no second account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '../conformance/checks/index.js';
import { lenientFields, listOperations, operations, requestBody } from '../conformance/contract.js';
import type { CheckResult, Target } from '../conformance/types.js';
import { startServer, type RunningServer } from '../server/start.js';

let server: RunningServer;
let target: Target;

beforeAll(async () => {
  server = await startServer({ demoData: false, rateLimit: 1_000_000, validateResponses: false, log: () => {} });
  target = { baseUrl: server.url, token: server.tokens.demo, otherToken: server.tokens.other };
});
afterAll(() => server?.close());

async function runAll(checks = allChecks(), on: Target = target): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) results.push(await check.run(on));
  return results;
}

const problems = (results: CheckResult[]) => results.filter((r) => r.outcome !== 'passed').map((r) => `${r.outcome} ${r.name}: ${r.message ?? ''}`);

describe('conformance checks against the reference server', () => {
  let results: CheckResult[];
  beforeAll(async () => {
    results = await runAll();
  }, 180_000);

  it('all pass, none skipped', () => {
    expect(problems(results)).toEqual([]);
    expect(results.length).toBeGreaterThan(60);
  });

  it('record every request and response they sent', () => {
    for (const result of results) {
      expect(result.exchanges.length, result.name).toBeGreaterThan(0);
      for (const exchange of result.exchanges) expect(exchange.response?.status, `${result.name}: ${exchange.request.url}`).toBeGreaterThanOrEqual(200);
    }
  });

  it('send every write operation a body that is not JSON (400), and a missing or wrong field (422)', () => {
    const seen = new Set(results.flatMap((r) => r.exercised.map((e) => `${e.operationId} ${e.status}`)));
    const jsonWrites = operations.filter((op) => requestBody(op)?.contentType === 'application/json');
    expect(jsonWrites.length).toBeGreaterThan(50);
    const missing = jsonWrites.flatMap((op) => [400, 422].filter((status) => !seen.has(`${op.operationId} ${status}`)).map((s) => `${op.operationId} ${s}`));
    expect(missing).toEqual([]);
  });

  it('call every operation that needs a token without one (401), and every list with limit=101 (400)', () => {
    const seen = new Set(results.flatMap((r) => r.exercised.map((e) => `${e.operationId} ${e.status}`)));
    const unauthenticated = operations.filter((op) => op.authRequired && !seen.has(`${op.operationId} 401`)).map((op) => op.operationId);
    const unlimited = listOperations().filter((op) => !seen.has(`${op.operationId} 400`)).map((op) => op.operationId);
    expect(unauthenticated).toEqual([]);
    expect(unlimited).toEqual([]);
  });

  it('send every write whose fields are lenient again with them in the forms real clients send, and see it taken', () => {
    const realClients = results.filter((r) => r.name.includes('what real clients send'));
    const taken = new Set(realClients.flatMap((r) => r.exercised.filter((e) => e.status < 300).map((e) => e.operationId)));
    const lenient = operations.filter((op) => lenientFields(op).length > 0);
    expect(lenient.length).toBeGreaterThan(30);
    expect(lenient.filter((op) => !taken.has(op.operationId)).map((op) => op.operationId)).toEqual([]);
    const sent = realClients.flatMap((r) => r.exchanges.map((e) => e.request.body ?? ''));
    for (const form of ['"contact_id":"', '"contact_called":1', '"contact_called":"1"', '"tags":["']) expect(sent.some((body) => body.includes(form)), form).toBe(true);
  });

  it("try another account's ids on every operation that takes an id in its path (404)", () => {
    const seen = new Set(results.flatMap((r) => r.exercised.map((e) => `${e.operationId} ${e.status}`)));
    const withIds = operations.filter((op) => op.authRequired && op.path.includes('{') && op.statuses.includes(404));
    const missing = withIds.filter((op) => !seen.has(`${op.operationId} 404`)).map((op) => op.operationId);
    expect(missing).toEqual([]);
  });
});

describe('conformance checks with less to work with', () => {
  it('skip the isolation checks without a second token, saying so', async () => {
    const isolation = allChecks().filter((c) => c.name.includes("another account's ids"));
    expect(isolation.length).toBeGreaterThan(10);
    const results = await runAll(isolation.slice(0, 3), { baseUrl: server.url, token: server.tokens.demo });
    for (const result of results) {
      expect(result.outcome).toBe('skipped');
      expect(result.message).toMatch(/second account/);
    }
  });

  it('pass the workflows on an account that already holds data (the demo account)', async () => {
    const withData = await startServer({ demoData: true, rateLimit: 1_000_000, validateResponses: false, log: () => {} });
    try {
      const workflows = allChecks().filter((c) => c.kind === 'workflow' && c.resource === 'Contacts');
      expect(workflows.length).toBeGreaterThan(3);
      const results = await runAll(workflows, { baseUrl: withData.url, token: withData.tokens.demo, otherToken: withData.tokens.other });
      expect(problems(results)).toEqual([]);
    } finally {
      await withData.close();
    }
  }, 60_000);
});
