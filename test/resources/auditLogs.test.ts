// The account's audit logs (`GET /logs`) through the generated SDK. A contact's own logs are a Contacts operation: see
// contacts.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { listAuditLogs } from '../../generated/client/sdk.gen.js';
import type { Contact } from '../../generated/client/types.gen.js';
import { ok } from '../helpers/expect.js';
import { ids, newContact, uniqueWord } from '../helpers/factories.js';
import { closeTestServers, startTestServer } from '../helpers/server.js';

afterAll(closeTestServers);

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
