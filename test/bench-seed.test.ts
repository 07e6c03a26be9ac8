// The benchmark's seeding script: the demo data as `npm start` creates it, then contacts written straight into
// SQLite that are real contacts to the server.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
  it('creates the demo data and N contacts that the server reads, lists and searches', async () => {
    const databasePath = join(dir, 'monica.sqlite');
    const { ids, searchHits, demoIds } = seedDatabase(databasePath, 200);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    expect(searchHits).toHaveLength(3);
    // The demo content came first, its files beside the database where the server looks for them.
    expect(demoIds.length).toBeGreaterThan(10);
    expect(Math.max(...demoIds)).toBeLessThan(ids[0]!);
    expect(existsSync(join(dir, 'files'))).toBe(true);

    // As the bench starts it: on the seeded file, demo data not turned off.
    running = await startServer({ port: 0, databasePath, rateLimit: 1_000_000, log: () => {} });
    const get = async <T = { data: { id: number; last_name: string | null }[]; meta: { total: number } }>(path: string) => {
      const response = await fetch(`${running!.url}${path}`, { headers: { authorization: `Bearer ${running!.tokens.demo}` } });
      expect(response.status).toBe(200);
      return (await response.json()) as T;
    };

    // Every demo contact answers; their sizes differ, so one of them is the richest.
    const sizes: number[] = [];
    for (const id of demoIds) sizes.push(JSON.stringify(await get<{ data: { id: number } }>(`/contacts/${id}`)).length);
    expect(new Set(sizes).size).toBeGreaterThan(1);

    // The seeded contacts are older than the demo data, so they fill the first pages; the listed demo contacts follow.
    const page2 = await get('/contacts?limit=100&page=2');
    expect(page2.data.map((c) => c.id)).toEqual(ids.slice(100, 200));
    const page3 = await get('/contacts?limit=100&page=3');
    expect(page3.data.every((c) => demoIds.includes(c.id))).toBe(true);
    expect(page3.meta.total).toBe(200 + page3.data.length);

    // The searched family name belongs to three contacts spread through the table, never the first ones.
    const search = await get(`/contacts?query=${SEARCH_TERM.toLowerCase()}`);
    expect(search.meta.total).toBe(3);
    expect(search.data.map((c) => c.id)).toEqual(searchHits);
    expect(search.data.every((c) => c.last_name === SEARCH_TERM)).toBe(true);
    expect(searchHits[0]).toBeGreaterThan(ids[50]!);
  }, 30_000);
});
