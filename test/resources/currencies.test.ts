// Currencies through the generated SDK: public reference data, listed and read without a token.
import { describe, expect, it } from 'vitest';
import { getCurrency, listCurrencies } from '../../generated/client/sdk.gen.js';
import { expectNotFound, ok } from '../helpers/expect.js';
import { collectPages } from '../helpers/factories.js';
import { serversForFile } from '../helpers/server.js';

const [main] = await serversForFile();

describe('currencies', () => {
  it('are public: listed and read without a token, with real symbols and USD among them', async () => {
    const all = await collectPages(async (page) => ok(await listCurrencies({ client: main.anonymous, query: { page, limit: 100 } })));
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(all.map((c) => c.id)).toEqual([...all.map((c) => c.id)].sort((a, b) => a - b));
    expect(new Set(all.map((c) => c.iso)).size).toBe(all.length);
    expect(all.slice(0, 5).map((c) => c.iso)).toEqual(['CAD', 'USD', 'GBP', 'EUR', 'RUB']);
    const usd = all.find((c) => c.iso === 'USD')!;
    expect(usd).toEqual({ id: 2, object: 'currency', iso: 'USD', name: 'US Dollar', symbol: '$' });
    for (const iso of ['EUR', 'GBP', 'JPY', 'INR', 'CHF', 'CNY', 'BRL', 'MXN', 'AUD', 'SEK']) {
      const currency = all.find((c) => c.iso === iso);
      expect(currency, iso).toBeDefined();
      expect(currency!.symbol.trim(), iso).not.toBe('');
    }
    expect(ok(await getCurrency({ client: main.anonymous, path: { id: usd.id } })).data).toEqual(usd);
  });

  it('paginate 15 a page by default, in a fixed order that sort does not change', async () => {
    const first = ok(await listCurrencies({ client: main.anonymous }));
    expect(first.data).toHaveLength(15);
    expect(first.meta).toMatchObject({ current_page: 1, per_page: 15, from: 1, to: 15 });
    expect(first.meta.path).toBe(`${main.url}/currencies`);
    const second = ok(await listCurrencies({ client: main.anonymous, query: { page: 2, limit: 15 } }));
    expect(second.data[0]!.id).toBe(first.data[14]!.id + 1);
    const sortedDesc = ok(await listCurrencies({ client: main.anonymous, query: { sort: '-created_at' } }));
    expect(sortedDesc.data).toEqual(first.data);
    const last = ok(await listCurrencies({ client: main.anonymous, query: { page: first.meta.last_page } }));
    expect(last.links.next).toBeNull();
    expect(last.meta.to).toBe(first.meta.total);
  });

  it('answers 404 for an unknown id, and the same with a token', async () => {
    expectNotFound(await getCurrency({ client: main.anonymous, path: { id: 999999 } }));
    expectNotFound(await getCurrency({ client: main.demo, path: { id: 999999 } }));
    expect(ok(await getCurrency({ client: main.demo, path: { id: 1 } })).data.iso).toBe('CAD');
  });
});
