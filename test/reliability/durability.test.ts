// Nothing acknowledged is lost. The server runs as its own process on a database file; a burst of concurrent
// writes is cut by SIGKILL; after a restart on the same file every write answered 2xx is there in full, and no
// write of several rows is there in part. SIGTERM lets the requests in flight finish, refuses new connections,
// and closes the database cleanly.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from './childServer.js';

const dirs: string[] = [];
const children: ChildServer[] = [];
afterAll(() => {
  for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'monica-durability-'));
  dirs.push(dir);
  return dir;
}

async function start(dir: string, args: string[] = []): Promise<ChildServer> {
  const server = await startChildServer(dir, args);
  children.push(server);
  return server;
}

async function api(server: ChildServer, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${server.token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

const newContact = (first: string, extra: object = {}) => ({ first_name: first, is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false, ...extra });

/** Every write of the burst writes several rows in one request. */
type Write =
  | { kind: 'contact'; i: number; name: string; email: string }
  | { kind: 'tags'; i: number; contactId: number; names: string[] }
  | { kind: 'activity'; i: number; summary: string; contacts: number[] };

function burstWrite(i: number, base: number[]): Write {
  switch (i % 3) {
    case 0:
      // A contact and its e-mail contact field.
      return { kind: 'contact', i, name: `Burst${i}`, email: `burst${i}@example.org` };
    case 1:
      // Three new tags, and their links to the contact.
      return { kind: 'tags', i, contactId: base[i % base.length], names: [`t${i}a`, `t${i}b`, `t${i}c`] };
    default:
      // An activity and its three attendees.
      return { kind: 'activity', i, summary: `act${i}`, contacts: base };
  }
}

function send(server: ChildServer, w: Write) {
  switch (w.kind) {
    case 'contact':
      return api(server, 'POST', '/contacts', newContact(w.name, { email: w.email }));
    case 'tags':
      return api(server, 'POST', `/contacts/${w.contactId}/setTags`, { tags: w.names });
    case 'activity':
      return api(server, 'POST', '/activities', { summary: w.summary, happened_at: '2024-05-01', contacts: w.contacts });
  }
}

describe('SIGKILL in the middle of a burst of writes', () => {
  it('loses no acknowledged write and leaves no write in part', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const base: number[] = [];
    for (const name of ['Ann', 'Bob', 'Cid']) base.push((await api(first, 'POST', '/contacts', newContact(name))).json.data.id);

    // 24 requests in flight at any time; the process is killed once 90 writes have been acknowledged.
    // Any 2xx that arrives counts, even one that arrives after the signal: the server sent it before it died.
    const acknowledged: { write: Write; id: number }[] = [];
    const refused: string[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && next < 600) {
        const write = burstWrite(next++, base);
        const answer = await send(first, write).catch(() => undefined);
        // No answer: the connection died with the process, and this write was never acknowledged.
        if (answer && answer.status < 300) acknowledged.push({ write, id: answer.json.data.id });
        else if (answer) refused.push(`${write.kind} ${write.i}: ${answer.status} ${JSON.stringify(answer.json)}`);
        if (acknowledged.length >= 90 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 24 }, worker));
    expect(refused).toEqual([]);
    expect(killed).toBe(true);
    expect((await first.exited).signal).toBe('SIGKILL');
    const attempted = next;
    expect(attempted).toBeGreaterThan(acknowledged.length);

    const second = await start(dir);
    // Every acknowledged write, read back through the API.
    for (const { write, id } of acknowledged) {
      if (write.kind === 'contact') {
        const read = await api(second, 'GET', `/contacts/${id}?with=contactfields`);
        expect(read.status).toBe(200);
        expect(read.json.data.first_name).toBe(write.name);
        expect(read.json.data.contactFields.map((f: { content: string }) => f.content)).toContain(write.email);
      } else if (write.kind === 'tags') {
        const read = await api(second, 'GET', `/contacts/${write.contactId}`);
        expect(read.json.data.tags.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(write.names));
      } else {
        const read = await api(second, 'GET', `/activities/${id}`);
        expect(read.status).toBe(200);
        expect(read.json.data.attendees.contacts.map((c: { id: number }) => c.id).sort()).toEqual([...write.contacts].sort());
      }
    }

    // Every write of the burst, answered or not, is there in full or not at all.
    const db = new Database(join(dir, 'monica.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      let complete = 0;
      for (let i = 0; i < attempted; i += 1) {
        const write = burstWrite(i, base);
        let parts: number[];
        if (write.kind === 'contact') {
          const contact = db.prepare('SELECT id FROM contacts WHERE first_name = ?').get(write.name) as { id: number } | undefined;
          const fields = contact ? (db.prepare('SELECT count(*) AS n FROM contact_fields WHERE contact_id = ? AND data = ?').get(contact.id, write.email) as { n: number }).n : 0;
          parts = [contact ? 1 : 0, fields];
        } else if (write.kind === 'tags') {
          parts = write.names.flatMap((name) => {
            const tag = db.prepare('SELECT id FROM tags WHERE name = ?').get(name) as { id: number } | undefined;
            const linked = tag ? (db.prepare('SELECT count(*) AS n FROM contact_tag WHERE tag_id = ? AND contact_id = ?').get(tag.id, write.contactId) as { n: number }).n : 0;
            return [tag ? 1 : 0, linked];
          });
        } else {
          const activity = db.prepare('SELECT id FROM activities WHERE summary = ?').get(write.summary) as { id: number } | undefined;
          const attendees = activity ? (db.prepare('SELECT count(*) AS n FROM activity_contact WHERE activity_id = ?').get(activity.id) as { n: number }).n : 0;
          parts = [activity ? 1 : 0, attendees === write.contacts.length ? 1 : attendees === 0 ? 0 : -1];
        }
        const allThere = parts.every((p) => p === 1);
        const noneThere = parts.every((p) => p === 0);
        expect(allThere || noneThere, `write ${i} (${write.kind}) is there in part: ${JSON.stringify(parts)}`).toBe(true);
        if (allThere) complete += 1;
      }
      expect(complete).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      db.close();
    }
    second.child.kill('SIGKILL');
    await second.exited;
  }, 180_000);
});

/** A POST whose body goes out in `parts` pieces, `gapMs` apart; resolves with the answer's status (0: connection lost). */
function slowPost(server: ChildServer, path: string, body: string, parts: number, gapMs: number, onFirstPart: () => void) {
  return new Promise<number>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = (status: number) => {
      clearTimeout(timer);
      resolve(status);
    };
    const req = httpRequest(
      `${server.url}${path}`,
      {
        method: 'POST',
        agent: false,
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => finish(res.statusCode ?? 0));
      },
    );
    req.on('error', () => finish(0));
    const size = Math.ceil(body.length / parts);
    let at = 0;
    const writePart = () => {
      // The first part's callback runs once it has left for the connected server: the request is then in flight.
      req.write(body.slice(at, at + size), at === 0 ? () => onFirstPart() : undefined);
      at += size;
      if (at >= body.length) req.end();
      else timer = setTimeout(writePart, gapMs);
    };
    writePart();
  });
}

describe('SIGTERM', () => {
  it('finishes the requests in flight, refuses new connections, checkpoints the database and exits 0', async () => {
    const dir = tempDir();
    const server = await start(dir, ['--shutdown-timeout', '8000']);
    let started = 0;
    const inFlight: Promise<number>[] = [];
    const allStarted = new Promise<void>((resolve) => {
      const onFirstPart = () => (++started === 3 ? resolve() : undefined);
      inFlight.push(...[0, 1, 2].map((i) => slowPost(server, '/contacts', JSON.stringify(newContact(`Draining${i}`)), 6, 250, onFirstPart)));
    });
    await allStarted;
    // The server has the connections; a moment more lets it read the first parts.
    await new Promise((r) => setTimeout(r, 100));
    server.child.kill('SIGTERM');
    // Give the process a moment to close its listening socket, then try a new connection.
    await new Promise((r) => setTimeout(r, 300));
    const refused = await fetch(`${server.url}/currencies`).then(
      (r) => `answered ${r.status}`,
      (err: Error & { cause?: { code?: string } }) => err.cause?.code ?? err.message,
    );
    expect(refused).toBe('ECONNREFUSED');
    expect(await Promise.all(inFlight)).toEqual([201, 201, 201]);
    expect(await server.exited).toEqual({ code: 0, signal: null });

    // The write-ahead log was folded into the file: nothing is left in it.
    const wal = join(dir, 'monica.sqlite-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const db = new Database(join(dir, 'monica.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const names = (db.prepare("SELECT first_name FROM contacts WHERE first_name LIKE 'Draining%' ORDER BY first_name").all() as { first_name: string }[]).map(
        (r) => r.first_name,
      );
      expect(names).toEqual(['Draining0', 'Draining1', 'Draining2']);
    } finally {
      db.close();
    }
  }, 120_000);

  it('drops a request that never finishes once the shutdown timeout is over, and still exits 0', async () => {
    const dir = tempDir();
    const server = await start(dir, ['--shutdown-timeout', '1000']);
    let firstPartSent!: () => void;
    const sent = new Promise<void>((resolve) => (firstPartSent = resolve));
    // Two parts a minute apart: the second would come long after the shutdown timeout.
    const stuck = slowPost(server, '/contacts', JSON.stringify(newContact('Stuck')), 2, 60_000, () => firstPartSent());
    await sent;
    await new Promise((r) => setTimeout(r, 100));
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(await stuck).toBe(0);
    const db = new Database(join(dir, 'monica.sqlite'), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) AS n FROM contacts WHERE first_name = 'Stuck'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  }, 120_000);
});
