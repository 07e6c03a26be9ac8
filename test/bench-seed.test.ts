// The benchmark's seeding script: the contacts it writes straight into SQLite are real contacts to the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server/start.js';
import { SEARCH_TERM, seedDatabase } from '../scripts/bench/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'monica-bench-seed-'));
let running: RunningServer | undefined;

afterAll(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bench seeding', () => {
  it('creates N contacts that the server lists and searches', async () => {
    const databasePath = join(dir, 'monica.sqlite');
    const { ids, searchHits } = seedDatabase(databasePath, 200);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    expect(searchHits).toHaveLength(3);

    running = await startServer({ port: 0, databasePath, demoData: false, rateLimit: 1_000_000, log: () => {} });
    const get = async (path: string) => {
      const response = await fetch(`${running!.url}${path}`, { headers: { authorization: `Bearer ${running!.tokens.demo}` } });
      expect(response.status).toBe(200);
      return (await response.json()) as { data: { id: number; last_name: string | null }[]; meta: { total: number } };
    };

    const list = await get('/contacts?limit=100&page=2');
    expect(list.meta.total).toBe(200);
    expect(list.data.map((c) => c.id)).toEqual(ids.slice(100, 200));

    // The searched family name belongs to three contacts spread through the table, never the first ones.
    const search = await get(`/contacts?query=${SEARCH_TERM.toLowerCase()}`);
    expect(search.meta.total).toBe(3);
    expect(search.data.map((c) => c.id)).toEqual(searchHits);
    expect(search.data.every((c) => c.last_name === SEARCH_TERM)).toBe(true);
    expect(searchHits[0]).toBeGreaterThan(ids[50]!);
  });
});
