// Tags set and unset by name on a contact: setTags adds two new tags (made on the way) and keeps what the
// contact had, the tag's contact list shows the contact, unsetTag removes one by id, unsetTags removes the rest;
// each step is read back. The tags setTags made are deleted at the end.
import type { Check } from '../../types.js';
import { defineCheck } from '../define.js';
import { uniqueWord } from '../fixtures.js';
import type { Reply, Session } from '../session.js';

type Tag = { id: number; name: string };

function tagsOf(reply: Reply): Tag[] | undefined {
  const tags = reply.json?.data?.tags;
  return Array.isArray(tags) ? tags.map((t: { id: unknown; name: unknown }) => ({ id: Number(t.id), name: String(t.name) })) : undefined;
}

/** The contact's tag names are exactly `names` (in any order), in the answer and when read back. */
async function expectTagNames(session: Session, reply: Reply, contactPath: string, names: string[], step: string): Promise<Tag[]> {
  const wanted = [...names].sort().join(', ');
  const answered = tagsOf(reply);
  const describe = (tags: Tag[] | undefined) => (tags ? `[${tags.map((t) => t.name).sort().join(', ')}]` : 'no data.tags array');
  if (!answered || answered.map((t) => t.name).sort().join(', ') !== wanted) session.fault(`${step}: ${reply.label} answered tags ${describe(answered)}, expected [${wanted}]`);
  const read = await session.send('GET', contactPath);
  const stored = tagsOf(read);
  if (!stored || stored.map((t) => t.name).sort().join(', ') !== wanted) session.fault(`${step}: GET ${contactPath} then has tags ${describe(stored)}, expected [${wanted}]`);
  return stored ?? answered ?? [];
}

export function taggingChecks(): Check[] {
  return [
    defineCheck({
      name: 'workflow: tags set and unset by name on a contact',
      kind: 'workflow',
      resource: 'Tags',
      operationIds: ['setContactTags', 'unsetContactTag', 'unsetContactTags', 'listContactsForTag', 'getContact'],
      async body(session, fixtures) {
        const contact = await fixtures.get('contacts');
        const contactPath = `/contacts/${contact}`;
        const [first, second, third] = [uniqueWord('tagone'), uniqueWord('tagtwo'), uniqueWord('tagthree')];

        const set = await session.send('POST', `${contactPath}/setTags`, { json: { tags: [first, second] } });
        session.expectStatus(set, 200, 'setTags');
        // The tags exist now whatever else went wrong: they are deleted with the fixtures.
        for (const tag of tagsOf(set) ?? []) fixtures.track(`/tags/${tag.id}`);
        await expectTagNames(session, set, contactPath, [first, second], 'setTags with two new names');

        const more = await session.send('POST', `${contactPath}/setTags`, { json: { tags: [third] } });
        for (const tag of (tagsOf(more) ?? []).filter((t) => t.name === third)) fixtures.track(`/tags/${tag.id}`);
        const tags = await expectTagNames(session, more, contactPath, [first, second, third], 'setTags keeps the tags the contact had');

        const firstTag = tags.find((t) => t.name === first);
        if (!firstTag) return;
        const listed = await session.send('GET', `/tags/${firstTag.id}/contacts`);
        const listedIds = (Array.isArray(listed.json?.data) ? listed.json.data : []).map((c: { id: unknown }) => Number(c.id));
        if (session.expectStatus(listed, 200, 'contacts of a tag') && !listedIds.includes(contact)) {
          session.fault(`${listed.label} does not list contact ${contact}, which setTags tagged "${first}"`);
        }

        const unsetOne = await session.send('POST', `${contactPath}/unsetTag`, { json: { tags: [firstTag.id] } });
        session.expectStatus(unsetOne, 200, 'unsetTag');
        await expectTagNames(session, unsetOne, contactPath, [second, third], `unsetTag of "${first}"`);

        const unsetAll = await session.send('POST', `${contactPath}/unsetTags`);
        session.expectStatus(unsetAll, 200, 'unsetTags');
        await expectTagNames(session, unsetAll, contactPath, [], 'unsetTags');

        // Untagging a contact leaves the tag itself in the account.
        const stillThere = await session.send('GET', `/tags/${firstTag.id}`);
        session.expectStatus(stillThere, 200, 'the tag after unsetTag');
      },
    }),
  ];
}
