// The proof that the conformance tool catches what it should: it runs against a proxy in front of a fresh
// reference server that breaks the contract in one way at a time, and must fail naming that fault; the same
// proxy without a fault passes the same operations. Each run is limited (--only) to the operations the fault
// touches, so that it takes seconds, Dredd included.
import { afterEach, describe, expect, it } from 'vitest';
import { runConformance } from '../conformance/runner.js';
import type { Report } from '../conformance/types.js';
import { startFaultyServer, type Fault, type FaultyServer } from './helpers/faultyServer.js';

/** For each fault: the operations a run is limited to, and what a failure message must say. */
const CASES: Record<Exclude<Fault, 'none'>, { only: string[]; names: RegExp }> = {
  wrongType: { only: ['getContact'], names: /\/data\/id must be integer/ },
  missingField: { only: ['getContact'], names: /must have required property 'first_name'/ },
  wrongStatus: { only: ['createContact'], names: /POST \/contacts (answered 200, expected 201|→ 200: status 200 is not documented)/ },
  bareError: { only: ['getContact'], names: /without the error envelope|must have required property 'error'/ },
  metaOffByOne: { only: ['listContacts'], names: /meta\.total is \d+ but the pages hold \d+ contacts/ },
  otherAccountReads: { only: ['getContact'], names: /another account read \/contacts\/\d+: 200/ },
  deleteKeeps: { only: ['deleteContact'], names: /GET \/contacts\/\d+ after DELETE answered 200, expected 404/ },
  strictIds: { only: ['createCall', 'updateCall'], names: /POST \/calls: contact_id "\d+" \(a number as a numeric string\) refused with 422/ },
  strictDates: {
    only: ['createCall', 'updateCall'],
    names: /PUT \/calls\/\{id\}: called_at "\d{4}-\d{2}-\d{2}T00:00:00Z" \(the server's own value\) refused with 422/,
  },
};

let running: FaultyServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function runAgainst(fault: Fault, only: string[]): Promise<Report> {
  running = await startFaultyServer(fault);
  return runConformance({ url: running.url, token: running.tokens.demo, otherToken: running.tokens.other, only });
}

const failureMessages = (report: Report) => report.results.filter((r) => r.outcome === 'failed').map((r) => `${r.name}: ${r.message ?? ''}`);

describe('conformance against a server with one fault', () => {
  it('passes the unbroken proxy on every operation the faults touch', async () => {
    const report = await runAgainst('none', [...new Set(Object.values(CASES).flatMap((c) => c.only))]);
    expect(failureMessages(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.totals.passed).toBeGreaterThan(10);
  }, 120_000);

  for (const [fault, { only, names }] of Object.entries(CASES)) {
    it(`fails a server with the fault "${fault}" and names it`, async () => {
      const report = await runAgainst(fault as Fault, only);
      expect(report.ok).toBe(false);
      const messages = failureMessages(report);
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.some((m) => names.test(m)), `no failure names the fault; the failures were:\n${messages.join('\n')}`).toBe(true);
    }, 120_000);
  }
});
