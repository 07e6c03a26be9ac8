// startMockServer (server/mockServer.ts), as Playwright's or Vitest's global setup uses it: tests running at once,
// each on an account of its own, never see each other's writes, and a reset gives an account back as it started.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNote, deleteContact, listContacts, updateNote } from '../generated/client/sdk.gen.js';
import { ControlApiError, controlClient, startMockServer, type MockAccount, type MockServer } from '../server/mockServer.js';
import { accountAnswers, differences } from './helpers/accountAnswers.js';
import { clientFor } from './helpers/client.js';
import { createTestClock } from './helpers/clock.js';
import { ok } from './helpers/expect.js';
import { collectPages, newContact } from './helpers/factories.js';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const clock = createTestClock('2024-06-15T10:00:00Z');
let mock: MockServer;
const others: MockServer[] = [];

beforeAll(async () => {
  mock = await startMockServer({ demoData: true, now: clock.now, log: () => {} });
});
afterAll(async () => {
  await Promise.all([mock, ...others].map((m) => m.close()));
});

/** Every contact name the account lists. */
async function contactNames(account: { url: string; token: string }): Promise<string[]> {
  const client = clientFor(account.url, account.token);
  const contacts = await collectPages((page) => listContacts({ client, query: { page, limit: 100 } }).then((r) => ok(r)));
  return contacts.map((c) => c.first_name);
}

describe('startMockServer', () => {
  it('answers the API base URL, the default account\'s token and id, and the control API\'s URL', async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    expect(mock.controlUrl).toBe(mock.url.replace(/\/api$/, '/_control'));
    expect(mock.token).toMatch(/^[0-9a-f]{40}$/);
    expect((await fetch(`${mock.url}/me`, { headers: { Authorization: `Bearer ${mock.token}` } })).status).toBe(200);
    const accounts = await mock.control.accounts();
    expect(accounts.find((a) => a.id === mock.accountId)).toMatchObject({ name: 'Demo account', demo_data: true, resettable: true });
    expect(await contactNames(mock)).toHaveLength(37);
  });

  it('gives tests running at once accounts of their own: none sees another\'s writes', async () => {
    const names = ['Ulrika', 'Quentin', 'Xavi', 'Yusra', 'Wanda']; // no demo contact's name starts so
    // All accounts first, then every account writes at the same time, then every account reads.
    const accounts = await Promise.all(names.map(() => mock.newAccount()));
    expect(new Set(accounts.map((a) => a.accountId)).size).toBe(names.length);
    const defaultBefore = await accountAnswers(mock.url, mock.token, { depth: 'lists' });
    await Promise.all(
      accounts.map(async (account, i) => {
        const client = clientFor(account.url, account.token);
        const [first, second] = ok(await listContacts({ client, query: { limit: 2 } })).data;
        for (let n = 0; n < 3; n += 1) await newContact(client, { first_name: `${names[i]}${n}` });
        ok(await deleteContact({ client, path: { id: first!.id } }));
        const note = ok(await createNote({ client, body: { contact_id: second!.id, body: `written by ${names[i]}` } }), 201).data;
        ok(await updateNote({ client, path: { id: note.id }, body: { contact_id: second!.id, body: `rewritten by ${names[i]}` } }));
      }),
    );
    const seen = await Promise.all(accounts.map(contactNames));
    seen.forEach((mine, i) => {
      expect(mine.filter((n) => names.some((name) => n.startsWith(name))).sort()).toEqual([0, 1, 2].map((n) => `${names[i]}${n}`));
      expect(mine).toHaveLength(37 - 1 + 3);
    });
    // The default account saw none of it.
    expect(differences(defaultBefore, await accountAnswers(mock.url, mock.token, { depth: 'lists' }))).toEqual([]);
  });

  describe.concurrent('tests declared concurrent, each with its own account', () => {
    const write = async (account: MockAccount, name: string) => {
      const client = clientFor(account.url, account.token);
      for (let n = 0; n < 4; n += 1) await newContact(client, { first_name: `${name}${n}` });
      return contactNames(account);
    };
    for (const name of ['Katherine', 'Margaret', 'Radia']) {
      it(`${name}'s test reads only what it wrote`, async () => {
        const account = await mock.newAccount({ demoData: false });
        const names = await write(account, name);
        expect(names.sort()).toEqual([0, 1, 2, 3].map((n) => `${name}${n}`));
        await account.reset();
        expect(await contactNames(account)).toEqual([]);
      });
    }
  });

  it('reset() gives the default account back byte for byte', async () => {
    const before = await accountAnswers(mock.url, mock.token);
    const client = clientFor(mock.url, mock.token);
    await newContact(client, { first_name: 'Temporary' });
    const first = ok(await listContacts({ client, query: { limit: 1 } })).data[0]!;
    ok(await deleteContact({ client, path: { id: first.id } }));
    expect(await contactNames(mock)).toContain('Temporary');
    await mock.reset();
    expect(differences(before, await accountAnswers(mock.url, mock.token))).toEqual([]);
  });

  it('makes and resets accounts from another process too, with controlClient(controlUrl)', async () => {
    const control = controlClient(mock.controlUrl);
    const account = await control.newAccount({ demoData: false, name: 'from a worker' });
    expect(account.url).toBe(mock.url);
    expect((await control.accounts()).find((a) => a.id === account.accountId)).toMatchObject({ name: 'from a worker', demo_data: false });
    await newContact(clientFor(account.url, account.token));
    expect(await control.reset(account.accountId)).toEqual([]);
    expect(await contactNames(account)).toEqual([]);
    await expect(control.reset(987_654_321)).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(control.newAccount({ name: '' })).rejects.toBeInstanceOf(ControlApiError);
  });

  it('takes a port, keeps each server\'s data to itself (in memory), follows demoData for new accounts, and stops', async () => {
    const port = await freePort();
    const empty = await startMockServer({ port, demoData: false, log: () => {} });
    others.push(empty);
    expect(empty.url).toBe(`http://127.0.0.1:${port}/api`);
    expect(await contactNames(empty)).toEqual([]);
    const account = await empty.newAccount();
    expect(await contactNames(account)).toEqual([]);
    expect(await contactNames(await empty.newAccount({ demoData: true }))).toHaveLength(37);
    await empty.close();
    await expect(fetch(`${empty.url}/me`)).rejects.toThrow();
  });

  it('sends the control token when the server has one (as it must on an address other than loopback)', async () => {
    const guarded = await startMockServer({ demoData: false, controlToken: 'token-for-the-mock-tests', log: () => {} });
    others.push(guarded);
    const account = await guarded.newAccount();
    await account.reset();
    await expect(controlClient(guarded.controlUrl).accounts()).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect(await controlClient(guarded.controlUrl, { token: 'token-for-the-mock-tests' }).accounts()).toHaveLength(3);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
