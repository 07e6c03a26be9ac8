// Occupations through the generated SDK: a contact's job at a company of the account; lenient input, updates that
// cannot move the occupation, cascades from the contact and the company, archived contacts, validation and account
// isolation.
import { describe, expect, it } from 'vitest';
import {
  createOccupation,
  deleteCompany,
  deleteContact,
  deleteOccupation,
  getCompany,
  getContact,
  getOccupation,
  listOccupations,
  updateOccupation,
} from '../../generated/client/sdk.gen.js';
import { expectNotFound, expectValidationError, ok } from '../helpers/expect.js';
import { newCompany, newContact, unchecked } from '../helpers/factories.js';
import { archiveContact, startFilesServer } from '../helpers/filesServer.js';
import { serversForFile } from '../helpers/server.js';

/** `clean`: a server whose accounts only the tests that need untouched lists use (each its own list). */
const [main, clean] = await serversForFile(2);

describe('occupations', () => {
  it('create answers 201 with the company and the contact; lenient values are converted', async () => {
    const contact = await newContact(main.demo);
    const company = await newCompany(main.demo);
    const result = await createOccupation({
      client: main.demo,
      body: {
        contact_id: String(contact.id),
        company_id: String(company.id),
        title: ' Waiter ',
        description: 'Served beverages',
        salary: '12000',
        salary_unit: 'year',
        currently_works_here: '1',
        start_date: '1990-01-01',
        end_date: '1994-02-02',
      },
    });
    const occupation = ok(result, 201).data;
    expect(occupation).toMatchObject({
      object: 'occupation',
      title: 'Waiter',
      description: 'Served beverages',
      salary: 12000,
      salary_unit: 'year',
      currently_works_here: true,
      start_date: '1990-01-01',
      end_date: '1994-02-02',
      company,
      contact: { id: contact.id, object: 'contact', url: contact.url },
    });
    expect(ok(await getOccupation({ client: main.demo, path: { id: occupation.id } })).data).toEqual(occupation);
  });

  it('update replaces the details (left-out fields cleared) but not the contact or the company', async () => {
    const contact = await newContact(main.demo);
    const company = await newCompany(main.demo);
    const other = await newCompany(main.demo);
    const body = { contact_id: contact.id, company_id: company.id, title: 'Chef', salary: 100, salary_unit: 'hour' as const, currently_works_here: true };
    const occupation = ok(await createOccupation({ client: main.demo, body }), 201).data;

    const updated = ok(await updateOccupation({ client: main.demo, path: { id: occupation.id }, body: { contact_id: contact.id, company_id: company.id, title: 'Head chef' } })).data;
    expect(updated).toMatchObject({ title: 'Head chef', salary: null, salary_unit: null, currently_works_here: false, start_date: null });

    expectNotFound(await updateOccupation({ client: main.demo, path: { id: occupation.id }, body: { contact_id: contact.id, company_id: other.id, title: 'Moved' } }));
    const another = await newContact(main.demo);
    expectNotFound(await updateOccupation({ client: main.demo, path: { id: occupation.id }, body: { contact_id: another.id, company_id: company.id, title: 'Moved' } }));
    expect(ok(await getOccupation({ client: main.demo, path: { id: occupation.id } })).data).toEqual(updated);
  });

  it('a contact or company of another account answers 404 and creates nothing', async () => {
    const server = clean;
    const mine = await newContact(server.demo);
    const myCompany = await newCompany(server.demo);
    const theirs = await newContact(server.other);
    const theirCompany = await newCompany(server.other);
    expectNotFound(await createOccupation({ client: server.demo, body: { contact_id: theirs.id, company_id: myCompany.id, title: 'Spy' } }));
    expectNotFound(await createOccupation({ client: server.demo, body: { contact_id: mine.id, company_id: theirCompany.id, title: 'Spy' } }));
    expect(ok(await listOccupations({ client: server.demo })).meta.total).toBe(0);
    expect(ok(await listOccupations({ client: server.other })).meta.total).toBe(0);
  });

  it("another account's occupation is 404 on get, update and delete", async () => {
    const contact = await newContact(main.demo);
    const company = await newCompany(main.demo);
    const occupation = ok(await createOccupation({ client: main.demo, body: { contact_id: contact.id, company_id: company.id, title: 'Pilot' } }), 201).data;
    expectNotFound(await getOccupation({ client: main.other, path: { id: occupation.id } }));
    expectNotFound(await updateOccupation({ client: main.other, path: { id: occupation.id }, body: { contact_id: contact.id, company_id: company.id, title: 'X' } }));
    expectNotFound(await deleteOccupation({ client: main.other, path: { id: occupation.id } }));
    expect(ok(await getOccupation({ client: main.demo, path: { id: occupation.id } })).data.title).toBe('Pilot');
  });

  it('deleting the contact or the company deletes its occupations; deleting an occupation keeps both', async () => {
    const contact = await newContact(main.demo);
    const company = await newCompany(main.demo);
    const make = async (contactId: number, companyId: number) =>
      ok(await createOccupation({ client: main.demo, body: { contact_id: contactId, company_id: companyId, title: 'Job' } }), 201).data.id;
    const first = await make(contact.id, company.id);
    ok(await deleteOccupation({ client: main.demo, path: { id: first } }));
    ok(await getContact({ client: main.demo, path: { id: contact.id } }));
    ok(await getCompany({ client: main.demo, path: { id: company.id } }));

    const byContact = await make(contact.id, company.id);
    ok(await deleteContact({ client: main.demo, path: { id: contact.id } }));
    expectNotFound(await getOccupation({ client: main.demo, path: { id: byContact } }));

    const other = await newContact(main.demo);
    const byCompany = await make(other.id, company.id);
    ok(await deleteCompany({ client: main.demo, path: { id: company.id } }));
    expectNotFound(await getOccupation({ client: main.demo, path: { id: byCompany } }));
  });

  it('an archived contact answers 422 on create and update, and nothing changes', async () => {
    // A database file, so that the test can archive a contact (the API has no call for it).
    const server = await startFilesServer();
    try {
      const client = server.demo;
      const contact = await newContact(client);
      const company = await newCompany(client);
      const body = { contact_id: contact.id, company_id: company.id, title: 'Job' };
      const occupation = ok(await createOccupation({ client, body }), 201).data;
      archiveContact(server.db, contact.id);

      expectValidationError(await createOccupation({ client, body }), ['The contact is archived and cannot be changed.']);
      expectValidationError(
        await updateOccupation({ client, path: { id: occupation.id }, body: { ...body, title: 'Changed' } }),
        ['The contact is archived and cannot be changed.'],
      );
      const list = ok(await listOccupations({ client }));
      expect(list.data.map((o) => [o.id, o.title])).toEqual([[occupation.id, 'Job']]);
    } finally {
      await server.close();
    }
  });

  it('refuses a bad salary unit, a bad date and a missing title with 422 and a message array', async () => {
    const contact = await newContact(main.demo);
    const company = await newCompany(main.demo);
    const base = { contact_id: contact.id, company_id: company.id, title: 'Job' };
    expectValidationError(
      await createOccupation({ client: main.demo, body: unchecked({ ...base, salary_unit: 'decade' }) }),
      ['The selected salary unit is invalid.'],
    );
    expectValidationError(
      await createOccupation({ client: main.demo, body: unchecked({ ...base, start_date: '1990-13-45' }) }),
      ['The start date does not match the format Y-m-d.'],
    );
    expectValidationError(
      await createOccupation({ client: main.demo, body: unchecked({ contact_id: contact.id, company_id: company.id }) }),
      ['The title field is required.'],
    );
  });
});
