// The instance through the generated SDK: `GET /` (a greeting and the main lists' URLs, with a token) and the public
// `GET /statistics` (figures of all accounts together, rate-limited by address), which the
// `--no-public-statistics` setting turns into a 404 as on a Monica instance that does not allow it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createContact, getApiRoot, getCurrentUser, getStatistics } from '../../generated/client/sdk.gen.js';
import { CONFIG_HELP, readConfig } from '../../server/config.js';
import { createAccount } from '../../server/store/accounts.js';
import { clientFor } from '../helpers/client.js';
import { expectNotFound, expectRateLimited, expectUnauthenticated, ok, spendBudget } from '../helpers/expect.js';
import { contactBody, newContact } from '../helpers/factories.js';
import { startFilesServer } from '../helpers/filesServer.js';
import { closeTestServers, startTestServer, type TestServer } from '../helpers/server.js';

// Most tests start a server of their own (loading the spec takes a few seconds on a busy machine).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let main: TestServer;
beforeAll(async () => {
  main = await startTestServer({ startAt: '2024-06-15T10:00:00Z' });
});
afterAll(closeTestServers);

describe('GET /', () => {
  it('greets a caller with a token and gives the absolute URLs of the main lists', async () => {
    const root = ok(await getApiRoot({ client: main.demo }));
    expect(root.success).toEqual({ message: 'Welcome to Monica' });
    const lists = ['activities', 'addresses', 'calls', 'contacts', 'conversations', 'countries', 'currencies', 'documents', 'journal', 'notes', 'reminders', 'statistics'];
    expect(Object.keys(root.links).sort()).toEqual([...lists.map((l) => `${l}_url`), 'relationships_url'].sort());
    for (const list of lists) expect(root.links[`${list}_url` as keyof typeof root.links]).toBe(`${main.url}/${list}`);
    expect(root.links.relationships_url).toBe(`${main.url}/contacts/:contactId/relationships`);
  });

  it('needs a token', async () => {
    expectUnauthenticated(await getApiRoot({ client: main.anonymous }));
    expectUnauthenticated(await getApiRoot({ client: main.clientFor('not-a-token') }));
  });
});

describe('GET /statistics', () => {
  it('is public: an array of one object with the figures of every account together', async () => {
    const server = await startTestServer({ startAt: '2024-06-15T10:00:00Z' });
    const before = ok(await getStatistics({ client: server.anonymous }));
    expect(before).toEqual([
      {
        instance_creation_date: '2024-06-15T10:00:00Z',
        number_of_contacts: 0,
        number_of_users: 2,
        number_of_activities: 0,
        number_of_reminders: 0,
        number_of_new_users_last_week: 0,
      },
    ]);
    await newContact(server.demo);
    await newContact(server.other);
    ok(await createContact({ client: server.demo, body: contactBody({ is_partial: true }) }), 201);
    const after = ok(await getStatistics({ client: server.demo }))[0]!;
    expect(after.number_of_contacts).toBe(3);
  });

  it("counts last week's new users (those after its Monday, up to its Sunday) once the instance existed on that Monday", async () => {
    // The instance is made on Saturday 2024-06-15; users sign up later (the API has no call for that).
    const server = await startFilesServer();
    try {
      const signUp = (email: string, at: string) => createAccount(server.db, { name: email, userFirstName: 'New', userLastName: null, email }, at);
      signUp('monday@example.org', '2024-06-17T12:00:00Z');
      signUp('wednesday@example.org', '2024-06-19T08:00:00Z');
      signUp('sunday@example.org', '2024-06-23T23:59:59Z');
      signUp('this.monday@example.org', '2024-06-24T00:00:00Z');
      const anonymous = clientFor(server.url);
      server.clock.set('2024-06-19T09:00:00Z');
      // Last week (June 10-16) has no Monday record: the instance did not exist yet.
      expect(ok(await getStatistics({ client: anonymous }))[0]).toMatchObject({ number_of_users: 6, number_of_new_users_last_week: 0 });
      server.clock.set('2024-06-26T09:00:00Z');
      expect(ok(await getStatistics({ client: anonymous }))[0]).toMatchObject({
        instance_creation_date: '2024-06-15T10:00:00Z',
        number_of_users: 6,
        number_of_new_users_last_week: 2,
      });
    } finally {
      await server.close();
    }
  });

  it('is rate-limited by the caller\'s address, apart from token budgets', async () => {
    const limited = await startTestServer({ rateLimit: 2 });
    await spendBudget(2, () => getStatistics({ client: limited.anonymous }));
    expectRateLimited(await getStatistics({ client: limited.anonymous }));
    const me = await getCurrentUser({ client: limited.demo });
    expect(me.response.headers.get('X-RateLimit-Remaining')).toBe('1');
  });

  it('answers 404 (code 31) where the instance does not publish its statistics, with a token or without', async () => {
    const closed = await startTestServer({ publicStatistics: false });
    expectNotFound(await getStatistics({ client: closed.anonymous }));
    expectNotFound(await getStatistics({ client: closed.demo }));
    ok(await getApiRoot({ client: closed.demo }));
  });

  it('is on by default; --no-public-statistics and PUBLIC_STATISTICS=false turn it off, the flag winning', () => {
    expect(readConfig([], {}).publicStatistics).toBe(true);
    expect(readConfig(['--no-public-statistics'], {}).publicStatistics).toBe(false);
    expect(readConfig([], { PUBLIC_STATISTICS: 'false' }).publicStatistics).toBe(false);
    expect(readConfig([], { PUBLIC_STATISTICS: 'true' }).publicStatistics).toBe(true);
    expect(readConfig(['--no-public-statistics'], { PUBLIC_STATISTICS: 'true' }).publicStatistics).toBe(false);
    expect(CONFIG_HELP).toMatch(/--no-public-statistics\s+PUBLIC_STATISTICS=false/);
  });
});

