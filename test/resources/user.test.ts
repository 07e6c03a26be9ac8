// The user (`GET /me`) through the generated SDK: a new account's user, and the currency of the user's preferences.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getCurrentUser } from '../../generated/client/sdk.gen.js';
import { startServer } from '../../server/start.js';
import { clientFor } from '../helpers/client.js';
import { expectObject, ok } from '../helpers/expect.js';
import { closeTestServers, startTestServer } from '../helpers/server.js';

afterAll(closeTestServers);

const USER_KEYS = [
  'id', 'uuid', 'object', 'first_name', 'last_name', 'name', 'email', 'me_contact', 'timezone', 'currency', 'locale',
  'is_policy_compliant', 'account', 'created_at', 'updated_at',
].sort();

describe('the user (GET /me)', () => {
  it("a new account's user: preferences by default, no me contact, no terms signed", async () => {
    const server = await startTestServer({ startAt: '2024-03-01T09:00:00Z' });
    const user = ok(await getCurrentUser({ client: server.demo })).data;
    expectObject(user, USER_KEYS, {
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
