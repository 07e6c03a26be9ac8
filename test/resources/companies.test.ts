// Companies through the generated SDK: lenient input, whole-object updates, paging and sorting, validation and
// account isolation.
import { describe, expect, it } from 'vitest';
import { createCompany, deleteCompany, getCompany, listCompanies, updateCompany } from '../../generated/client/sdk.gen.js';
import { expectNotFound, expectValidationError, ok, TIMESTAMP } from '../helpers/expect.js';
import { ids, newCompany, unchecked } from '../helpers/factories.js';
import { serversForFile } from '../helpers/server.js';

/** `clean`: a server whose accounts only the tests that need untouched lists use (each its own list). */
const [main, clean] = await serversForFile(2);

describe('companies', () => {
  it('create takes a numeric string for number_of_employees and answers an integer', async () => {
    const company = await newCompany(main.demo, { name: 'ACME', website: 'http://url.com', number_of_employees: '3' });
    expect(company).toMatchObject({ object: 'company', name: 'ACME', website: 'http://url.com', number_of_employees: 3, account: { id: expect.any(Number) } });
    expect(company.created_at).toMatch(TIMESTAMP);
    expect(ok(await getCompany({ client: main.demo, path: { id: company.id } })).data).toEqual(company);
  });

  it('update replaces the company: website and number_of_employees left out are cleared', async () => {
    const company = await newCompany(main.demo, { website: 'https://example.com', number_of_employees: 40 });
    const updated = ok(await updateCompany({ client: main.demo, path: { id: company.id }, body: { name: 'Renamed Ltd' } })).data;
    expect(updated).toMatchObject({ id: company.id, name: 'Renamed Ltd', website: null, number_of_employees: null });
  });

  it('lists oldest first, newest first with sort=-created_at, and pages', async () => {
    const server = clean;
    const made: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      made.push((await newCompany(server.demo)).id);
      server.clock.advance(10);
    }
    expect(ids(ok(await listCompanies({ client: server.demo })).data)).toEqual(made);
    expect(ids(ok(await listCompanies({ client: server.demo, query: { sort: '-created_at' } })).data)).toEqual([...made].reverse());
    const page2 = ok(await listCompanies({ client: server.demo, query: { limit: 3, page: 2 } }));
    expect(ids(page2.data)).toEqual([made[3]]);
    expect(page2.meta).toMatchObject({ total: 4, last_page: 2, from: 4, to: 4 });
  });

  it('refuses a blank name and a non-numeric number of employees with 422', async () => {
    expectValidationError(await createCompany({ client: main.demo, body: { name: ' ' } }), ['The name field is required.']);
    expectValidationError(
      await createCompany({ client: main.demo, body: unchecked({ name: 'X', number_of_employees: 'many' }) }),
      ['The number of employees format is invalid.'],
    );
  });

  it("another account's company is 404 and stays unchanged", async () => {
    const company = await newCompany(main.demo);
    expectNotFound(await getCompany({ client: main.other, path: { id: company.id } }));
    expectNotFound(await updateCompany({ client: main.other, path: { id: company.id }, body: { name: 'Stolen' } }));
    expectNotFound(await deleteCompany({ client: main.other, path: { id: company.id } }));
    expect(ok(await getCompany({ client: main.demo, path: { id: company.id } })).data).toEqual(company);
  });
});
