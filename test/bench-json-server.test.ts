// The bench's json-server subject: its own process, serving the reference server's objects at the /api paths.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fixture } from '../scripts/bench/fixtures.js';
import { jsonServerData } from '../scripts/bench/json-server.js';
import { startProcess, type ServerProcess } from '../scripts/bench/processes.js';
import { repoRoot } from '../scripts/lib/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'monica-bench-json-server-'));
const dbFile = join(dir, 'db.json');
let server: ServerProcess | undefined;
let origin = '';

const contact = (id: number, last: string) => ({ id, object: 'contact', first_name: 'Ana', last_name: last, information: { career: { job: null } } });
const listed = [contact(45, 'Berg'), contact(46, 'Okonkwo'), contact(47, 'Kim')];
const rich = { ...contact(1, 'Hartley'), tags: [{ id: 3, name: 'family' }] };
const fixture = (path: string, body: unknown): Fixture => ({ method: 'GET', path, status: 200, contentType: 'application/json', body: JSON.stringify(body) });

beforeAll(async () => {
  // As the bench makes it: from the reference server's answers, the list's contacts first.
  const data = jsonServerData([
    fixture('/api/contacts/1', { data: rich }),
    fixture('/api/contacts?query=Okonkwo', { data: [listed[1]], meta: { total: 1 } }),
    fixture('/api/contacts?limit=100', { data: listed, meta: { total: 3 } }),
  ]);
  expect(data.contacts.map((c) => c.id)).toEqual([45, 46, 47, 1]);
  writeFileSync(dbFile, JSON.stringify(data));
  server = await startProcess(process.execPath, ['--import', 'tsx', join('scripts', 'bench', 'json-server.ts'), dbFile], [/listening on (?<url>http\S+)/], {
    cwd: repoRoot,
  });
  origin = server.captured.url!;
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const getJson = async (path: string) => {
  const response = await fetch(`${origin}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as unknown;
};

describe('bench json-server subject', () => {
  it('serves a contact at /api/contacts/:id as the object itself', async () => {
    expect(await getJson('/api/contacts/1')).toEqual(rich);
    expect(await getJson('/api/contacts/46')).toEqual(listed[1]);
  });

  it('serves the listed contacts, in order, at /api/contacts?limit=N', async () => {
    expect(await getJson('/api/contacts?limit=2')).toEqual(listed.slice(0, 2));
    expect(await getJson('/api/contacts?limit=100')).toEqual([...listed, rich]);
  });

  it('searches with json-server\'s own full-text search at /api/contacts?query=X', async () => {
    expect(await getJson('/api/contacts?query=Okonkwo')).toEqual([listed[1]]);
  });

  it('creates a note at POST /api/notes and saves it to its file', async () => {
    const response = await fetch(`${origin}/api/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Called', contact_id: 45, is_favorited: false }),
    });
    expect(response.status).toBe(201);
    const note = (await response.json()) as { id: number; body: string };
    expect(note.body).toBe('Called');
    const saved = JSON.parse(readFileSync(dbFile, 'utf8')) as { notes: { id: number }[] };
    expect(saved.notes.map((n) => n.id)).toEqual([note.id]);
  });
});
