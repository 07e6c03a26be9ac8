// Compliance through the generated SDK: the terms (public, rate-limited by address) and the user's signatures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getComplianceSignature, getCurrentUser, getTerm, listComplianceSignatures, listTerms, signLatestTerm } from '../../generated/client/sdk.gen.js';
import { expectError, expectNotFound, expectObject, expectRateLimited, expectValidationError, ok, requiredTextRefusals, spendBudget, TIMESTAMP } from '../helpers/expect.js';
import { ids, unchecked } from '../helpers/factories.js';
import { closeTestServers, startTestServer, type TestServer } from '../helpers/server.js';

afterAll(closeTestServers);

describe('compliance terms (public)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });

  it('lists every version newest first, paginated, without a token', async () => {
    const list = ok(await listTerms({ client: server.anonymous }));
    expect(list.data.length).toBeGreaterThanOrEqual(2);
    const versions = list.data.map((t) => Number(t.term_version));
    expect(versions).toEqual([...versions].sort((a, b) => b - a));
    expect(list.meta).toMatchObject({ current_page: 1, per_page: 15, total: list.data.length, path: `${server.url}/compliance` });
    for (const term of list.data) {
      expect(term.object).toBe('term');
      expect(term.term_content.length).toBeGreaterThan(50);
      expect(term.privacy_content.length).toBeGreaterThan(50);
      expect(term.created_at).toMatch(TIMESTAMP);
    }

    // sort is checked but not applied; a page of one holds the newest term.
    expect(ok(await listTerms({ client: server.anonymous, query: { sort: 'created_at' } })).data).toEqual(list.data);
    expectError(await listTerms({ client: server.anonymous, query: { sort: unchecked('name') } }), 400, 39);
    const first = ok(await listTerms({ client: server.anonymous, query: { limit: 1 } }));
    expect(ids(first.data)).toEqual([list.data[0]!.id]);
    expect(first.meta.last_page).toBe(list.data.length);
  });

  it('reads one term without a token (and with one); an unknown id answers 404', async () => {
    const newest = ok(await listTerms({ client: server.anonymous })).data[0]!;
    expect(ok(await getTerm({ client: server.anonymous, path: { id: newest.id } })).data).toEqual(newest);
    expect(ok(await getTerm({ client: server.demo, path: { id: newest.id } })).data).toEqual(newest);
    expectNotFound(await getTerm({ client: server.anonymous, path: { id: 999999 } }));
  });

  it("are rate-limited by the caller's address, apart from token budgets", async () => {
    const limited = await startTestServer({ rateLimit: 3 });
    await spendBudget(3, () => listTerms({ client: limited.anonymous }));
    expectRateLimited(await getTerm({ client: limited.anonymous, path: { id: 1 } }));
    // A token's budget is its own.
    const me = await getCurrentUser({ client: limited.demo });
    ok(me);
    expect(me.response.headers.get('X-RateLimit-Remaining')).toBe('2');
  });
});

describe('compliance signatures', () => {
  it('a user who has signed nothing gets 404; signing the latest term makes the user compliant', async () => {
    const server = await startTestServer({ startAt: '2024-05-01T08:00:00Z' });
    const terms = ok(await listTerms({ client: server.anonymous })).data;
    const [latest, older] = [terms[0]!, terms[1]!];

    expectNotFound(await listComplianceSignatures({ client: server.demo }));
    expectNotFound(await getComplianceSignature({ client: server.demo, path: { id: latest.id } }));

    server.clock.set('2024-05-02T10:30:00Z');
    const signed = ok(await signLatestTerm({ client: server.demo, body: { ip_address: '198.51.100.7' } })).data;
    expectObject(signed, ['ip_address', 'signed', 'signed_date', 'term', 'user'], { signed: true, signed_date: '2024-05-02T10:30:00Z', ip_address: '198.51.100.7', term: latest });
    expect(signed.user).toEqual(ok(await getCurrentUser({ client: server.demo })).data);
    expect(signed.user.is_policy_compliant).toBe(true);

    const list = ok(await listComplianceSignatures({ client: server.demo }));
    expect(list).toEqual({ data: [signed] });
    expect(ok(await getComplianceSignature({ client: server.demo, path: { id: latest.id } })).data).toEqual(signed);
    // An older version the user never signed, and a term that does not exist.
    expectNotFound(await getComplianceSignature({ client: server.demo, path: { id: older.id } }));
    expectNotFound(await getComplianceSignature({ client: server.demo, path: { id: 999999 } }));

    // The other account's user signed nothing.
    expectNotFound(await listComplianceSignatures({ client: server.other }));
    expectNotFound(await getComplianceSignature({ client: server.other, path: { id: latest.id } }));
    expect(ok(await getCurrentUser({ client: server.other })).data.is_policy_compliant).toBe(false);
  });

  it('signing again keeps the first signed_date and stores the new address', async () => {
    const server = await startTestServer({ startAt: '2024-05-01T08:00:00Z' });
    const first = ok(await signLatestTerm({ client: server.demo, body: { ip_address: '10.1.1.1' } })).data;
    server.clock.advance(3600);
    const again = ok(await signLatestTerm({ client: server.demo, body: { ip_address: 'not even an address' } })).data;
    expect(again.signed_date).toBe(first.signed_date);
    expect(again.ip_address).toBe('not even an address');
    expect(again.term.id).toBe(first.term.id);
    const list = ok(await listComplianceSignatures({ client: server.demo })).data;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ signed_date: '2024-05-01T08:00:00Z', ip_address: 'not even an address' });
  });

  it('refuses a missing, blank or too long ip_address with 422 and signs nothing', async () => {
    const server = await startTestServer();
    for (const [body, message] of requiredTextRefusals('ip_address')) {
      expectValidationError(await signLatestTerm({ client: server.demo, body: unchecked(body) }), [message], JSON.stringify(body).slice(0, 40));
    }
    expectNotFound(await listComplianceSignatures({ client: server.demo }));
    expect(ok(await getCurrentUser({ client: server.demo })).data.is_policy_compliant).toBe(false);
    ok(await signLatestTerm({ client: server.demo, body: { ip_address: 'y'.repeat(255) } }));
    expect(ok(await getCurrentUser({ client: server.demo })).data.is_policy_compliant).toBe(true);
  });
});
