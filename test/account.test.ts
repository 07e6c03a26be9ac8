// The account group through the generated SDK: the user (/me), compliance terms and signatures, the account's
// audit logs, and groups of contacts. Each server runs on port 0; tests make the data they look at.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachContactsToGroup,
  createContact,
  createGroup,
  deleteContact,
  deleteGroup,
  getComplianceSignature,
  getContact,
  getCurrentUser,
  getGroup,
  getTerm,
  listAuditLogs,
  listComplianceSignatures,
  listGroups,
  listTerms,
  signLatestTerm,
  updateContact,
  updateGroup,
} from '../generated/client/sdk.gen.js';
import type { Contact, Group } from '../generated/client/types.gen.js';
import { startServer } from '../server/start.js';
import { clientFor } from './helpers/client.js';
import { expectError, expectNotFound, expectValidationError, ok, TIMESTAMP } from './helpers/expect.js';
import { collectPages, contactBody, ids, newContact, newPartialContact, uniqueWord, unchecked } from './helpers/factories.js';
import { closeTestServers, startTestServer, type TestServer } from './helpers/server.js';

afterAll(closeTestServers);

const USER_KEYS = [
  'id', 'uuid', 'object', 'first_name', 'last_name', 'name', 'email', 'me_contact', 'timezone', 'currency', 'locale',
  'is_policy_compliant', 'account', 'created_at', 'updated_at',
].sort();

/** Every group the client can list (all pages). */
function allGroups(server: TestServer, client = server.demo): Promise<Group[]> {
  return collectPages(async (page) => ok(await listGroups({ client, query: { page, limit: 100 } })));
}

async function newGroup(server: TestServer, name = uniqueWord('Group'), client = server.demo): Promise<Group> {
  return ok(await createGroup({ client, body: { name } })).data;
}

describe('the user (GET /me)', () => {
  it("a new account's user: preferences by default, no me contact, no terms signed", async () => {
    const server = await startTestServer({ startAt: '2024-03-01T09:00:00Z' });
    const user = ok(await getCurrentUser({ client: server.demo })).data;
    expect(Object.keys(user).sort()).toEqual(USER_KEYS);
    expect(user).toMatchObject({
      object: 'user',
      first_name: 'Jane',
      last_name: 'Doe',
      name: 'Jane Doe',
      email: 'jane@example.com',
      me_contact: null,
      currency: null,
      locale: 'en',
      timezone: 'UTC',
      is_policy_compliant: false,
      created_at: '2024-03-01T09:00:00Z',
      updated_at: '2024-03-01T09:00:00Z',
    });
    expect(user.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const other = ok(await getCurrentUser({ client: server.other })).data;
    expect(other).toMatchObject({ first_name: 'John', last_name: 'Roe', name: 'John Roe', email: 'john@example.org' });
    expect(other.id).not.toBe(user.id);
    expect(other.account.id).not.toBe(user.account.id);
    expect(other.uuid).not.toBe(user.uuid);
  });

  it("the currency comes from the user's currency_id and the global currencies table; none gives null", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'account-test-'));
    const databasePath = join(dir, 'monica.sqlite');
    const running = await startServer({ databasePath, demoData: false, rateLimit: 1_000_000, log: () => {} });
    const side = new Database(databasePath);
    try {
      const client = clientFor(running.url, running.tokens.demo);
      expect(ok(await getCurrentUser({ client })).data.currency).toBeNull();

      side.prepare("INSERT OR IGNORE INTO currencies (iso, name, symbol) VALUES ('XTS', 'Test currency', '¤')").run();
      const currency = side.prepare("SELECT id, iso, name, symbol FROM currencies WHERE iso = 'XTS'").get() as {
        id: number; iso: string; name: string; symbol: string;
      };
      const me = ok(await getCurrentUser({ client })).data;
      side.prepare('UPDATE users SET currency_id = ? WHERE id = ?').run(currency.id, me.id);
      expect(ok(await getCurrentUser({ client })).data.currency).toEqual({ object: 'currency', ...currency });

      // The other account's user keeps its own (unset) preference.
      const other = clientFor(running.url, running.tokens.other!);
      expect(ok(await getCurrentUser({ client: other })).data.currency).toBeNull();
    } finally {
      side.close();
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

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
    for (let i = 1; i <= 3; i += 1) {
      const result = await listTerms({ client: limited.anonymous });
      ok(result);
      expect(result.response.headers.get('X-RateLimit-Remaining')).toBe(String(3 - i));
    }
    const refused = await getTerm({ client: limited.anonymous, path: { id: 1 } });
    expectError(refused, 429, 34);
    expect(Number(refused.response.headers.get('Retry-After'))).toBeGreaterThan(0);
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
    expect(Object.keys(signed).sort()).toEqual(['ip_address', 'signed', 'signed_date', 'term', 'user']);
    expect(signed).toMatchObject({ signed: true, signed_date: '2024-05-02T10:30:00Z', ip_address: '198.51.100.7', term: latest });
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
    for (const body of [{}, { ip_address: '' }, { ip_address: '   ' }, { ip_address: 'x'.repeat(256) }, { ip_address: 12 }]) {
      const messages = expectValidationError(await signLatestTerm({ client: server.demo, body: unchecked(body) }));
      expect(messages.length).toBeGreaterThan(0);
    }
    expectNotFound(await listComplianceSignatures({ client: server.demo }));
    expect(ok(await getCurrentUser({ client: server.demo })).data.is_policy_compliant).toBe(false);
    ok(await signLatestTerm({ client: server.demo, body: { ip_address: 'y'.repeat(255) } }));
    expect(ok(await getCurrentUser({ client: server.demo })).data.is_policy_compliant).toBe(true);
  });
});

describe('audit logs (GET /logs)', () => {
  it("lists the account's events newest first, paginated; the other account sees none of them", async () => {
    const server = await startTestServer({ startAt: '2024-02-01T00:00:00Z' });
    const contacts: Contact[] = [];
    for (let i = 0; i < 4; i += 1) {
      server.clock.advance(60);
      contacts.push(await newContact(server.demo, { first_name: uniqueWord('Logged') }));
    }
    const page = ok(await listAuditLogs({ client: server.demo, query: { limit: 3 } }));
    expect(page.meta).toMatchObject({ total: 4, per_page: 3, last_page: 2, path: `${server.url}/logs` });
    expect(page.data.map((l) => l.objects.contact_id)).toEqual(ids(contacts).reverse().slice(0, 3));
    expect(page.data[0]).toMatchObject({
      object: 'auditlog',
      action: 'contact_created',
      author: { name: 'Jane Doe' },
      objects: { contact_name: contacts[3]!.first_name, contact_id: contacts[3]!.id },
      audited_at: server.clock.stamp(),
    });
    // sort is checked but not applied.
    expect(ok(await listAuditLogs({ client: server.demo, query: { limit: 3, sort: 'created_at' } })).data).toEqual(page.data);

    const theirs = ok(await listAuditLogs({ client: server.other }));
    expect(theirs.meta.total).toBe(0);
    expect(theirs.data).toEqual([]);
  });
});

describe('groups', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ startAt: '2024-04-01T12:00:00Z' });
  });

  it('create answers 200 with an empty group; get and list return it', async () => {
    server.clock.advance(10);
    const name = uniqueWord('Friends');
    const group = ok(await createGroup({ client: server.demo, body: { name: `  ${name} ` } })).data;
    expect(Object.keys(group).sort()).toEqual(['account', 'contacts', 'created_at', 'id', 'name', 'object', 'updated_at']);
    expect(group).toMatchObject({ object: 'group', name, contacts: [], created_at: server.clock.stamp(), updated_at: server.clock.stamp() });
    expect(ok(await getGroup({ client: server.demo, path: { id: group.id } })).data).toEqual(group);
    expect(ids(await allGroups(server))).toContain(group.id);
  });

  it('lists oldest first, paginated; sort is checked but not applied', async () => {
    const local = await startTestServer({ startAt: '2024-04-01T12:00:00Z' });
    local.clock.set('2024-04-01T12:00:30Z');
    const late = await newGroup(local);
    local.clock.set('2024-04-01T12:00:10Z');
    const early = await newGroup(local);
    local.clock.set('2024-04-01T12:00:20Z');
    const middle = await newGroup(local);

    const page1 = ok(await listGroups({ client: local.demo, query: { limit: 2 } }));
    expect(ids(page1.data)).toEqual([early.id, middle.id]);
    expect(page1.meta).toMatchObject({ total: 3, last_page: 2, per_page: 2, path: `${local.url}/groups` });
    expect(page1.links.next).toBe(`${local.url}/groups?page=2`);
    expect(ids(ok(await listGroups({ client: local.demo, query: { limit: 2, page: 2 } })).data)).toEqual([late.id]);
    expect(ids(ok(await listGroups({ client: local.demo, query: { sort: '-created_at' } })).data)).toEqual([early.id, middle.id, late.id]);
    expectError(await listGroups({ client: local.demo, query: { sort: unchecked('name') } }), 400, 39);
  });

  it('attach adds real contacts in full, in the order given; repeats and string ids join once', async () => {
    const group = await newGroup(server);
    const [a, b, c] = [await newContact(server.demo), await newContact(server.demo), await newContact(server.demo)];
    server.clock.advance(60);
    const attached = ok(
      await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [b.id, String(a.id), b.id] } }),
    ).data;
    expect(ids(attached.contacts)).toEqual([b.id, a.id]);
    expect(attached.contacts[0]).toEqual(ok(await getContact({ client: server.demo, path: { id: b.id } })).data);
    expect(attached.updated_at).toBe(server.clock.stamp());
    expect(attached.created_at).toBe(group.created_at);

    server.clock.advance(60);
    const again = ok(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [a.id, c.id] } })).data;
    expect(ids(again.contacts)).toEqual([b.id, a.id, c.id]);
    expect(ok(await getGroup({ client: server.demo, path: { id: group.id } })).data).toEqual(again);

    // Nothing new: the group is unchanged, updated_at included.
    server.clock.advance(60);
    const same = ok(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [c.id] } })).data;
    expect(same).toEqual(again);
  });

  it('an unknown contact answers 404 and a partial one 422; either way nothing is added', async () => {
    const group = await newGroup(server);
    const real = await newContact(server.demo);
    const partial = await newPartialContact(server.demo);

    expectNotFound(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [real.id, 999999] } }));
    const messages = expectValidationError(
      await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [real.id, partial.id] } }),
    );
    expect(messages.some((m) => m.includes('contacts.1'))).toBe(true);
    for (const body of [{}, { contacts: [] }, { contacts: ['abc'] }, { contacts: [0] }]) {
      expectValidationError(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: unchecked(body) }));
    }
    expect(ok(await getGroup({ client: server.demo, path: { id: group.id } })).data).toEqual(group);
    expectNotFound(await attachContactsToGroup({ client: server.demo, path: { id: 999999 }, body: { contacts: [real.id] } }));
  });

  it('update renames and keeps the contacts; a blank, missing or too long name answers 422', async () => {
    const group = await newGroup(server);
    const contact = await newContact(server.demo);
    ok(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [contact.id] } }));
    server.clock.advance(30);
    const renamed = ok(await updateGroup({ client: server.demo, path: { id: group.id }, body: { name: 'loving friends' } })).data;
    expect(renamed).toMatchObject({ id: group.id, name: 'loving friends', created_at: group.created_at, updated_at: server.clock.stamp() });
    expect(ids(renamed.contacts)).toEqual([contact.id]);

    for (const body of [{}, { name: '' }, { name: '   ' }, { name: 'n'.repeat(256) }, { name: 5 }]) {
      expectValidationError(await updateGroup({ client: server.demo, path: { id: group.id }, body: unchecked(body) }));
      expectValidationError(await createGroup({ client: server.demo, body: unchecked(body) }));
    }
    expect(ok(await getGroup({ client: server.demo, path: { id: group.id } })).data).toEqual(renamed);
    expectNotFound(await updateGroup({ client: server.demo, path: { id: 999999 }, body: { name: 'x' } }));
  });

  it('delete removes the group, not its contacts', async () => {
    const group = await newGroup(server);
    const contact = await newContact(server.demo);
    ok(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [contact.id] } }));
    expect(ok(await deleteGroup({ client: server.demo, path: { id: group.id } }))).toEqual({ deleted: true, id: group.id });
    expectNotFound(await getGroup({ client: server.demo, path: { id: group.id } }));
    expectNotFound(await deleteGroup({ client: server.demo, path: { id: group.id } }));
    expect(ids(await allGroups(server))).not.toContain(group.id);
    ok(await getContact({ client: server.demo, path: { id: contact.id } }));
  });

  it('a deleted contact leaves its groups; a contact made partial no longer shows in them', async () => {
    const group = await newGroup(server);
    const [gone, staying, turning] = [await newContact(server.demo), await newContact(server.demo), await newContact(server.demo)];
    ok(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [gone.id, staying.id, turning.id] } }));

    ok(await deleteContact({ client: server.demo, path: { id: gone.id } }));
    ok(await updateContact({ client: server.demo, path: { id: turning.id }, body: { ...contactBody({ first_name: turning.first_name }), is_partial: true } }));
    expect(ids(ok(await getGroup({ client: server.demo, path: { id: group.id } })).data.contacts)).toEqual([staying.id]);
    const listed = (await allGroups(server)).find((g) => g.id === group.id)!;
    expect(ids(listed.contacts)).toEqual([staying.id]);
  });

  it("the other account gets 404 on the group and on the first account's contacts, and nothing changes", async () => {
    const group = await newGroup(server);
    const contact = await newContact(server.demo);
    const before = ok(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [contact.id] } })).data;

    expectNotFound(await getGroup({ client: server.other, path: { id: group.id } }));
    expectNotFound(await updateGroup({ client: server.other, path: { id: group.id }, body: { name: 'hijacked' } }));
    expectNotFound(await deleteGroup({ client: server.other, path: { id: group.id } }));
    const theirContact = ok(await createContact({ client: server.other, body: contactBody() }), 201).data;
    expectNotFound(await attachContactsToGroup({ client: server.other, path: { id: group.id }, body: { contacts: [theirContact.id] } }));
    expect(ids(await allGroups(server, server.other))).not.toContain(group.id);

    // A group of the other account cannot take the first account's contacts.
    const theirs = await newGroup(server, uniqueWord('Theirs'), server.other);
    expectNotFound(await attachContactsToGroup({ client: server.other, path: { id: theirs.id }, body: { contacts: [theirContact.id, contact.id] } }));
    expect(ok(await getGroup({ client: server.other, path: { id: theirs.id } })).data.contacts).toEqual([]);
    // Nor can the first account's group take theirs.
    expectNotFound(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [theirContact.id] } }));

    expect(ok(await getGroup({ client: server.demo, path: { id: group.id } })).data).toEqual(before);
  });
});

describe('demo data', () => {
  it("the demo user has a me contact, signed the current terms, and has groups; the other account has none", async () => {
    const server = await startTestServer({ demoData: true });
    const user = ok(await getCurrentUser({ client: server.demo })).data;
    expect(user.me_contact).not.toBeNull();
    expect(user.me_contact).toMatchObject({ is_me: true, first_name: 'Jane', last_name: 'Doe' });
    expect(user.is_policy_compliant).toBe(true);
    expect(user.timezone).toBe('America/New_York');
    const me = ok(await getContact({ client: server.demo, path: { id: user.me_contact!.id } })).data;
    expect(me.is_me).toBe(true);

    const signatures = ok(await listComplianceSignatures({ client: server.demo })).data;
    expect(signatures).toHaveLength(1);
    expect(signatures[0]!.term.id).toBe(ok(await listTerms({ client: server.anonymous })).data[0]!.id);

    const groups = await allGroups(server);
    expect(groups.length).toBeGreaterThanOrEqual(4);
    expect(groups.some((g) => g.contacts.length > 5)).toBe(true);
    for (const g of groups) expect(new Set(ids(g.contacts)).size).toBe(g.contacts.length);

    expect(await allGroups(server, server.other)).toEqual([]);
    expect(ok(await getCurrentUser({ client: server.other })).data.is_policy_compliant).toBe(false);
  });
});
