// Tags through the generated SDK: create (with a slug), rename and delete, and the calls that put tags on a contact or
// take them off. The contacts of a tag (`listContactsForTag`) are a Contacts operation: see contacts.test.ts.
import { describe, expect, it } from 'vitest';
import { createTag, deleteTag, getContact, getTag, listContactsForTag, listTags, unsetContactTag, unsetContactTags } from '../../generated/client/sdk.gen.js';
import type { Contact } from '../../generated/client/types.gen.js';
import { expectNotFound, ok, TIMESTAMP } from '../helpers/expect.js';
import { collectPages, ids, newContact, newTag, tagContact, uniqueWord } from '../helpers/factories.js';
import { serversForFile } from '../helpers/server.js';

const [main] = await serversForFile();

describe('tags', () => {
  it('createTag answers 201 with a slug of the name', async () => {
    const word = uniqueWord('Trip');
    const name = `Road Trip ${word}!`;
    const result = ok(await createTag({ client: main.demo, body: { name } }), 201).data;
    expect(result).toMatchObject({ object: 'tag', name, name_slug: `road-trip-${word.toLowerCase()}` });
    expect(result.created_at).toMatch(TIMESTAMP);
    expect(ok(await getTag({ client: main.demo, path: { id: result.id } })).data).toEqual(result);
  });

  it('setContactTags reuses tags by name, creates missing ones and never removes any', async () => {
    const [alpha, beta, gamma] = [uniqueWord('Alpha'), uniqueWord('Beta'), uniqueWord('Gamma')];
    const existing = await newTag(main.demo, alpha);
    const contact = await newContact(main.demo);

    const first = await tagContact(main.demo, contact.id, [alpha, beta]);
    expect(first.tags.map((t) => t.name)).toEqual([alpha, beta]);
    expect(first.tags[0]!.id).toBe(existing.id);

    const second = await tagContact(main.demo, contact.id, [gamma, beta]);
    expect(second.tags.map((t) => t.name).sort()).toEqual([alpha, beta, gamma].sort());

    const allTags = await collectPages(async (page) => ok(await listTags({ client: main.demo, query: { page, limit: 100 } })));
    for (const name of [alpha, beta, gamma]) expect(allTags.filter((t) => t.name === name), name).toHaveLength(1);
    const read = ok(await getContact({ client: main.demo, path: { id: contact.id } })).data as Contact;
    expect(read.tags.map((t) => t.name).sort()).toEqual([alpha, beta, gamma].sort());
  });

  it('unsetContactTag removes the given tags; a tag of another account answers 404 and changes nothing', async () => {
    const names = [uniqueWord('Ua'), uniqueWord('Ub'), uniqueWord('Uc')];
    const contact = await newContact(main.demo);
    const tagged = await tagContact(main.demo, contact.id, names);
    const [a, b, c] = tagged.tags;

    const after = ok(await unsetContactTag({ client: main.demo, path: { id: contact.id }, body: { tags: [a!.id] } })).data as Contact;
    expect(ids(after.tags)).toEqual([b!.id, c!.id]);
    expect(ok(await getTag({ client: main.demo, path: { id: a!.id } })).data.id).toBe(a!.id);

    const foreign = await newTag(main.other);
    expectNotFound(await unsetContactTag({ client: main.demo, path: { id: contact.id }, body: { tags: [foreign.id] } }));
    expectNotFound(await unsetContactTag({ client: main.demo, path: { id: contact.id }, body: { tags: [b!.id, foreign.id] } }));
    const read = ok(await getContact({ client: main.demo, path: { id: contact.id } })).data as Contact;
    expect(ids(read.tags)).toEqual([b!.id, c!.id]);
    expect(ok(await getTag({ client: main.other, path: { id: foreign.id } })).data).toEqual(foreign);
  });

  it('unsetContactTags removes every tag but keeps the tags themselves', async () => {
    const contact = await newContact(main.demo);
    const tagged = await tagContact(main.demo, contact.id, [uniqueWord('Ra'), uniqueWord('Rb')]);
    expect(tagged.tags).toHaveLength(2);

    const after = ok(await unsetContactTags({ client: main.demo, path: { id: contact.id } })).data as Contact;
    expect(after.tags).toEqual([]);
    expect((ok(await getContact({ client: main.demo, path: { id: contact.id } })).data as Contact).tags).toEqual([]);
    for (const tag of tagged.tags) expect(ok(await getTag({ client: main.demo, path: { id: tag.id } })).data).toEqual(tag);
  });

  it('deleting a tag removes it from its contacts and keeps the contacts', async () => {
    const keep = uniqueWord('Keep');
    const doomed = uniqueWord('Doomed');
    const contact = await newContact(main.demo);
    const tagged = await tagContact(main.demo, contact.id, [keep, doomed]);
    const doomedTag = tagged.tags.find((t) => t.name === doomed)!;

    expect(ok(await deleteTag({ client: main.demo, path: { id: doomedTag.id } }))).toEqual({ deleted: true, id: doomedTag.id });
    expectNotFound(await getTag({ client: main.demo, path: { id: doomedTag.id } }));
    const read = ok(await getContact({ client: main.demo, path: { id: contact.id } })).data as Contact;
    expect(read.tags.map((t) => t.name)).toEqual([keep]);
    expectNotFound(await listContactsForTag({ client: main.demo, path: { id: doomedTag.id } }));
  });
});
