// Debts through the generated SDK: amounts as decimal strings in the user's currency, replacement, validation, paging
// and sorting, delete, a contact's debts, and bodies that are not JSON.
import { describe, expect, it } from 'vitest';
import { createDebt, deleteDebt, getDebt, listContactDebts, listDebts, updateDebt } from '../../generated/client/sdk.gen.js';
import type { Debt, DebtWrite } from '../../generated/client/types.gen.js';
import { rawRequest } from '../helpers/client.js';
import { expectError, expectNotFound, expectValidationError, ok, TIMESTAMP } from '../helpers/expect.js';
import { collectPages, ids, newContact, newDebt, unchecked } from '../helpers/factories.js';
import { setUserCurrency, filesServerForFile } from '../helpers/filesServer.js';

const server = await filesServerForFile();
const demo = server.demo;

describe('debts', () => {
  it('create answers 201 with amount as a decimal string, value grouped and the dollar sign by default', async () => {
    const contact = await newContact(demo);
    const created = ok(
      await createDebt({ client: demo, body: { contact_id: String(contact.id), in_debt: 'no', status: 'inprogress', amount: '1234.505', reason: '  Pizza  ' } }),
      201,
    ).data;
    expect(created).toMatchObject({
      object: 'debt',
      in_debt: 'no',
      status: 'inprogress',
      amount: '1234.51',
      value: '1,234.51',
      amount_with_currency: '$1,234.51',
      reason: 'Pizza',
      account: { id: server.accounts.demo.accountId },
    });
    expect(created.contact.id).toBe(contact.id);
    expect(created.created_at).toMatch(TIMESTAMP);
    expect(ok(await getDebt({ client: demo, path: { id: created.id } })).data).toEqual(created);

    const whole = await newDebt(demo, contact.id, { amount: 325 });
    expect([whole.amount, whole.value, whole.amount_with_currency]).toEqual(['325.00', '325.00', '$325.00']);
    const negative = await newDebt(demo, contact.id, { amount: -0.5 });
    expect([negative.amount, negative.value, negative.amount_with_currency]).toEqual(['-0.50', '-0.50', '-$0.50']);
  });

  it("amounts use the user's currency when recorded; an amount recorded without one follows the viewer's", async () => {
    const contact = await newContact(demo);
    const { userId } = server.accounts.demo;
    try {
      const inDollars = await newDebt(demo, contact.id, { amount: 20 });
      expect(inDollars.amount_with_currency).toBe('$20.00');

      const euro = setUserCurrency(server.db, userId, 'EUR');
      const inEuros = await newDebt(demo, contact.id, { amount: 1500 });
      expect(inEuros.amount_with_currency).toBe(`${euro}1,500.00`);
      expect(inEuros.amount).toBe('1500.00');
      // Recorded without a currency: shown in the viewer's currency now.
      expect(ok(await getDebt({ client: demo, path: { id: inDollars.id } })).data.amount_with_currency).toBe(`${euro}20.00`);

      const pound = setUserCurrency(server.db, userId, 'GBP');
      expect(pound).not.toBe(euro);
      // Recorded in euros: stays in euros.
      expect(ok(await getDebt({ client: demo, path: { id: inEuros.id } })).data.amount_with_currency).toBe(`${euro}1,500.00`);
      // An update records the amount again, in the user's currency of now.
      const updated = ok(
        await updateDebt({ client: demo, path: { id: inEuros.id }, body: { contact_id: contact.id, in_debt: 'yes', status: 'inprogress', amount: 7 } }),
      ).data;
      expect(updated.amount_with_currency).toBe(`${pound}7.00`);
    } finally {
      setUserCurrency(server.db, userId, null);
    }
  });

  it('update replaces the fields; a missing reason is kept and null clears it; settling sets completed', async () => {
    const contact = await newContact(demo);
    const second = await newContact(demo);
    const debt = await newDebt(demo, contact.id, { reason: 'Theatre tickets' });
    server.clock.advance(60);
    const body = { contact_id: second.id, in_debt: 'no', status: 'completed', amount: '80' } as const;
    const kept = ok(await updateDebt({ client: demo, path: { id: debt.id }, body })).data;
    expect(kept).toMatchObject({ status: 'completed', in_debt: 'no', amount: '80.00', reason: 'Theatre tickets' });
    expect(kept.contact.id).toBe(second.id);
    expect(kept.updated_at).not.toBe(debt.updated_at);
    expect(kept.created_at).toBe(debt.created_at);
    const cleared = ok(await updateDebt({ client: demo, path: { id: debt.id }, body: { ...body, reason: null } })).data;
    expect(cleared.reason).toBeNull();
  });

  it("refuses the docs' status `complete`, a non-number and an amount out of range with 422, creating nothing", async () => {
    const contact = await newContact(demo);
    const before = ok(await listDebts({ client: demo, query: { limit: 1 } })).meta.total;
    const base: DebtWrite = { contact_id: contact.id, in_debt: 'yes', status: 'inprogress', amount: 1 };
    expectValidationError(await createDebt({ client: demo, body: { ...base, status: unchecked('complete') } }), ['The selected status is invalid.']);
    expectValidationError(await createDebt({ client: demo, body: { ...base, amount: 'ten' } }), ['The amount format is invalid.']);
    expectValidationError(
      await createDebt({ client: demo, body: { ...base, amount: '1e15' } }),
      ['The amount must be between -999999999999.99 and 999999999999.99.'],
    );
    expectValidationError(
      await createDebt({ client: demo, body: unchecked({ contact_id: contact.id }) }),
      ['The in debt field is required.', 'The status field is required.', 'The amount field is required.'],
    );
    expect(ok(await listDebts({ client: demo, query: { limit: 1 } })).meta.total).toBe(before);
  });

  it('lists 15 a page, oldest first, or by -created_at / updated_at', async () => {
    const contact = await newContact(demo);
    const made: Debt[] = [];
    for (let i = 0; i < 3; i += 1) {
      server.clock.advance(3600);
      made.push(await newDebt(demo, contact.id, { amount: i + 1 }));
    }
    const all = await collectPages(async (page) => ok(await listDebts({ client: demo, query: { page, limit: 100 } })));
    const mine = all.filter((d) => ids(made).includes(d.id));
    expect(ids(mine)).toEqual(ids(made));
    const first = ok(await listDebts({ client: demo }));
    expect(first.meta.per_page).toBe(15);
    const newest = ok(await listDebts({ client: demo, query: { sort: '-created_at', limit: 3 } })).data;
    expect(ids(newest)).toEqual(ids(made).reverse());

    server.clock.advance(3600);
    ok(await updateDebt({ client: demo, path: { id: made[0]!.id }, body: { contact_id: contact.id, in_debt: 'yes', status: 'completed', amount: 1 } }));
    const byUpdate = ok(await listDebts({ client: demo, query: { sort: '-updated_at', limit: 1 } })).data;
    expect(byUpdate[0]!.id).toBe(made[0]!.id);
    const windowed = ok(await listDebts({ client: demo, query: { sort: '-created_at', limit: 2, page: 2 } }));
    expect(windowed.data[0]!.id).toBe(made[0]!.id);
    expect(windowed.meta.current_page).toBe(2);
    expect(windowed.links.prev).toMatch(/\/debts\?page=1$/);
  });

  it('delete answers {deleted, id} and the debt is gone', async () => {
    const contact = await newContact(demo);
    const debt = await newDebt(demo, contact.id);
    expect(ok(await deleteDebt({ client: demo, path: { id: debt.id } }))).toEqual({ deleted: true, id: debt.id });
    expectNotFound(await getDebt({ client: demo, path: { id: debt.id } }));
    expectNotFound(await deleteDebt({ client: demo, path: { id: debt.id } }));
  });
});

describe("a contact's debts", () => {
  it('lists only that contact\'s debts, oldest first, paged and sorted; an unknown contact or another account\'s is 404', async () => {
    const contact = await newContact(demo);
    const elsewhere = await newContact(demo);
    const made: Debt[] = [];
    for (let i = 0; i < 3; i += 1) {
      server.clock.advance(60);
      made.push(await newDebt(demo, contact.id, { amount: i + 1 }));
      await newDebt(demo, elsewhere.id);
    }
    const page = ok(await listContactDebts({ client: demo, path: { id: contact.id } }));
    expect(ids(page.data)).toEqual(ids(made));
    expect(page.data.every((d) => d.contact.id === contact.id)).toBe(true);
    expect(page.meta).toMatchObject({ total: 3, per_page: 15, path: `${server.url}/contacts/${contact.id}/debts` });
    expect(ids(ok(await listContactDebts({ client: demo, path: { id: contact.id }, query: { sort: '-created_at', limit: 2 } })).data)).toEqual([made[2]!.id, made[1]!.id]);
    server.clock.advance(60);
    ok(await updateDebt({ client: demo, path: { id: made[0]!.id }, body: { contact_id: contact.id, in_debt: 'no', status: 'completed', amount: 1 } }));
    expect(ok(await listContactDebts({ client: demo, path: { id: contact.id }, query: { sort: '-updated_at' } })).data[0]!.id).toBe(made[0]!.id);
    expectError(await listContactDebts({ client: demo, path: { id: contact.id }, query: unchecked({ sort: 'called_at' }) }), 400, 39);
    expectNotFound(await listContactDebts({ client: demo, path: { id: 99999999 } }));
    expectNotFound(await listContactDebts({ client: server.other, path: { id: contact.id } }));
    expect(ok(await listContactDebts({ client: demo, path: { id: (await newContact(demo)).id } })).data).toEqual([]);
  });
});

describe('requests the SDK cannot make', () => {
  it('a JSON body that is not JSON still answers 400 code 37 on debts and gifts', async () => {
    for (const path of ['/debts', '/gifts']) {
      const response = await rawRequest(server.url, 'POST', path, { token: server.tokens.demo, body: '{"contact_id": ', headers: { 'Content-Type': 'application/json' } });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ error: { message: 'Problems parsing JSON', error_code: 37 } });
    }
  });
});
