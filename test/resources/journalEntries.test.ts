// Journal entries through the generated SDK: create, replace and delete, validation, and the account's list.
import { describe, expect, it } from 'vitest';
import { createJournalEntry, deleteJournalEntry, getJournalEntry, listJournalEntries, updateJournalEntry } from '../../generated/client/sdk.gen.js';
import { expectNotFound, expectObject, expectValidationError, ok } from '../helpers/expect.js';
import { ids, unchecked } from '../helpers/factories.js';
import { startTestServer, serversForFile } from '../helpers/server.js';

/** Tests that start a server of their own (loading the spec takes a few seconds on a busy machine). */
const SERVER_START_TIMEOUT = 60_000;

const [main] = await serversForFile();

const ENTRY_KEYS = ['id', 'uuid', 'object', 'title', 'post', 'date', 'url', 'account', 'created_at', 'updated_at'].sort();

describe('journal entries', () => {
  it('create answers 201 with date (microseconds) and url; update keeps the date; delete removes it', async () => {
    main.clock.advance(100);
    const createdAt = main.clock.stamp();
    const entry = ok(await createJournalEntry({ client: main.demo, body: { title: ' Just another winter ', post: 'Christmas has just past.' } }), 201).data;
    expectObject(entry, ENTRY_KEYS, {
      object: 'entry',
      title: 'Just another winter',
      post: 'Christmas has just past.',
      date: `${createdAt.slice(0, 19)}.000000Z`,
      created_at: createdAt,
      updated_at: createdAt,
    });
    expect(entry.url).toBe(`${main.url}/journal/${entry.id}`);
    expect(ok(await getJournalEntry({ client: main.demo, path: { id: entry.id } })).data).toEqual(entry);

    main.clock.advance(100);
    const updated = ok(await updateJournalEntry({ client: main.demo, path: { id: entry.id }, body: { title: 'Spring', post: 'Better days.' } })).data;
    expect(updated).toMatchObject({ title: 'Spring', post: 'Better days.', date: entry.date, created_at: createdAt, updated_at: main.clock.stamp() });

    expect(ok(await deleteJournalEntry({ client: main.demo, path: { id: entry.id } }))).toEqual({ deleted: true, id: entry.id });
    expectNotFound(await getJournalEntry({ client: main.demo, path: { id: entry.id } }));
    expectNotFound(await updateJournalEntry({ client: main.demo, path: { id: entry.id }, body: { title: 'x', post: 'y' } }));
    expectNotFound(await deleteJournalEntry({ client: main.demo, path: { id: entry.id } }));
  });

  it('validation: title and post are required (spaces count as missing), title at most 255 characters', async () => {
    const before = ok(await listJournalEntries({ client: main.demo, query: { limit: 1 } })).meta.total;
    expectValidationError(await createJournalEntry({ client: main.demo, body: unchecked({ title: 'Only a title' }) }), ['The post field is required.']);
    expectValidationError(await createJournalEntry({ client: main.demo, body: { title: '   ', post: 'x' } }), ['The title field is required.']);
    expectValidationError(
      await createJournalEntry({ client: main.demo, body: { title: 'x'.repeat(256), post: 'x' } }),
      ['The title may not be greater than 255 characters.'],
    );
    expect(ok(await listJournalEntries({ client: main.demo, query: { limit: 1 } })).meta.total).toBe(before);
  });

  it('lists the account\'s entries oldest first, or by -updated_at', { timeout: SERVER_START_TIMEOUT }, async () => {
    const server = await startTestServer();
    const entries = [];
    for (let i = 0; i < 3; i += 1) {
      server.clock.advance(10);
      entries.push(ok(await createJournalEntry({ client: server.demo, body: { title: `Day ${i}`, post: 'Text' } }), 201).data);
    }
    server.clock.advance(10);
    ok(await updateJournalEntry({ client: server.demo, path: { id: entries[1]!.id }, body: { title: 'Edited', post: 'Text' } }));
    const list = ok(await listJournalEntries({ client: server.demo }));
    expect(ids(list.data)).toEqual(ids(entries));
    expect(list.meta.total).toBe(3);
    expect(list.links.first).toBe(`${server.url}/journal?page=1`);
    const byUpdate = ok(await listJournalEntries({ client: server.demo, query: { sort: '-updated_at' } }));
    expect(ids(byUpdate.data)).toEqual([entries[1]!.id, entries[2]!.id, entries[0]!.id]);
    const page = ok(await listJournalEntries({ client: server.demo, query: { limit: 2, page: 2 } }));
    expect(ids(page.data)).toEqual([entries[2]!.id]);
  });
});
