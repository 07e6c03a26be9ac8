// The demo content a server started with demo data gives its demo account, across resources, through the generated
// SDK; the other account gets none of it. The seed itself (same content on every run) is checked in store.test.ts.
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  getContact,
  getCurrentUser,
  listCompanies,
  listComplianceSignatures,
  listContacts,
  listJournalEntries,
  listOccupations,
  listReminders,
  listTasks,
  listTerms,
} from '../generated/client/sdk.gen.js';
import { expectNotFound, ok, TIMESTAMP } from './helpers/expect.js';
import { allContacts, allGroups, collectPages, ids, linksOf, typesOf } from './helpers/factories.js';
import { closeTestServers, startTestServer } from './helpers/server.js';

// Each test starts a demo server of its own (loading the spec and seeding take a few seconds on a busy machine).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

afterAll(closeTestServers);

/** Tests that start a server of their own (loading the spec takes a few seconds on a busy machine). */
const SERVER_START_TIMEOUT = 60_000;

describe('demo data', () => {
  it('the demo account lists its real contacts 15 a page; the other account sees none of them', async () => {
    const server = await startTestServer({ demoData: true });
    const page1 = ok(await listContacts({ client: server.demo }));
    expect(page1.meta.per_page).toBe(15);
    expect(page1.data).toHaveLength(15);
    expect(page1.meta.total).toBeGreaterThan(15);

    const everyone = await collectPages(async (page) => ok(await listContacts({ client: server.demo, query: { page } })));
    expect(everyone).toHaveLength(page1.meta.total);
    expect(new Set(ids(everyone)).size).toBe(everyone.length);
    expect(everyone.every((c) => c.is_partial === false)).toBe(true);
    const createdAt = everyone.map((c) => c.created_at!);
    expect(createdAt).toEqual([...createdAt].sort());

    const theirs = await allContacts(server.other);
    expect(theirs.length).toBeGreaterThan(0);
    const mine = new Set(ids(everyone));
    expect(ids(theirs).filter((id) => mine.has(id))).toEqual([]);
    for (const c of theirs) expectNotFound(await getContact({ client: server.demo, path: { id: c.id } }));
  });

  it('the demo account has birthday and other reminders, open and done tasks (some about no one) and journal entries', { timeout: SERVER_START_TIMEOUT }, async () => {
    const server = await startTestServer({ demoData: true });
    const reminders = await collectPages(async (page) => ok(await listReminders({ client: server.demo, query: { page, limit: 100 } })));
    expect(reminders.some((r) => !r.delible && r.title.startsWith('Wish happy birthday') && r.frequency_type === 'year')).toBe(true);
    expect(reminders.some((r) => r.delible)).toBe(true);
    expect(new Set(reminders.map((r) => r.frequency_type)).size).toBeGreaterThanOrEqual(3);

    const tasks = await collectPages(async (page) => ok(await listTasks({ client: server.demo, query: { page, limit: 100 } })));
    expect(tasks.some((t) => t.contact === null)).toBe(true);
    expect(tasks.some((t) => t.contact !== null)).toBe(true);
    expect(tasks.some((t) => t.completed && TIMESTAMP.test(t.completed_at ?? ''))).toBe(true);
    expect(tasks.some((t) => !t.completed && t.completed_at === null)).toBe(true);

    const entries = ok(await listJournalEntries({ client: server.demo })).data;
    expect(entries.length).toBeGreaterThan(3);
    const createdAt = entries.map((e) => e.created_at!);
    expect(createdAt).toEqual([...createdAt].sort());

    expect(ok(await listReminders({ client: server.other })).meta.total).toBe(0);
    expect(ok(await listTasks({ client: server.other })).meta.total).toBe(0);
    expect(ok(await listJournalEntries({ client: server.other })).meta.total).toBe(0);
  });

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

  it('the demo account gets companies, occupations and relationships, each with its reverse', async () => {
    const server = await startTestServer({ demoData: true });
    expect(ok(await listCompanies({ client: server.demo })).meta.total).toBeGreaterThan(5);
    expect(ok(await listOccupations({ client: server.demo })).meta.total).toBeGreaterThan(5);
    const first = ok(await listOccupations({ client: server.demo, query: { limit: 1 } })).data[0]!;
    const links = await linksOf(server.demo, first.contact.id);
    expect(links.length).toBeGreaterThan(0);
    const demoTypes = await typesOf(server.demo);
    for (const [name, other] of links) {
      const reverse = demoTypes.get(name)!.name_reverse_relationship;
      expect(await linksOf(server.demo, other)).toContainEqual([reverse, first.contact.id]);
    }
    expect(ok(await listOccupations({ client: server.other })).meta.total).toBe(0);
  });
});
