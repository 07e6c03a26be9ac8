// Countries through the generated SDK: every ISO 3166 country at once (reference data, no table).
import { describe, expect, it } from 'vitest';
import { listCountries } from '../../generated/client/sdk.gen.js';
import { COUNTRIES } from '../../server/store/countries.js';
import { expectUnauthenticated, ok } from '../helpers/expect.js';
import { serversForFile } from '../helpers/server.js';

const [main] = await serversForFile();

describe('countries', () => {
  it('need a token', async () => {
    expectUnauthenticated(await listCountries({ client: main.anonymous }));
  });

  it('are every ISO 3166 country at once, keyed by alpha-3, identified by alpha-2, ordered by name', async () => {
    const body = ok(await listCountries({ client: main.demo }));
    const entries = Object.entries(body.data);
    expect(entries.length).toBe(249);
    expect(body.data.USA).toEqual({ id: 'US', object: 'country', name: 'United States', iso: 'US' });
    expect(body.data.ALA).toEqual({ id: 'AX', object: 'country', name: 'Åland Islands', iso: 'AX' });
    expect(body.data.GBR!.id).toBe('GB');
    for (const [key, country] of entries) {
      expect(key).toMatch(/^[A-Z]{3}$/);
      expect(country.id).toMatch(/^[A-Z]{2}$/);
      expect(country.iso).toBe(country.id);
    }
    expect(new Set(entries.map(([, c]) => c.id)).size).toBe(249);
    const names = entries.map(([, c]) => c.name);
    const collator = new Intl.Collator('en', { sensitivity: 'base' });
    expect(names).toEqual([...names].sort(collator.compare));
    expect(entries.slice(0, 3).map(([k]) => k)).toEqual(['AFG', 'ALA', 'ALB']);
  });
});

describe('at the store level', () => {
  it('knows every ISO 3166 country once', () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRIES.map((c) => c.alpha2)).size).toBe(249);
    expect(new Set(COUNTRIES.map((c) => c.alpha3)).size).toBe(249);
  });
});
