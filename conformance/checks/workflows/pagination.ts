// Paging through a list the check filled itself: every page's `meta` and `links` agree with the others and with
// what the pages hold, no item shows up on two pages, and together the pages hold exactly `meta.total` items,
// all of the check's. The lists are ones only the check writes to (a search for a unique name, one new
// contact's notes), so other clients of the same account cannot move items between pages mid-walk.
import type { Check } from '../../types.js';
import { defineCheck } from '../define.js';
import { uniqueWord, type Fixtures } from '../fixtures.js';
import { withQuery } from '../lists.js';
import type { Reply, Session } from '../session.js';

const ITEMS = 5;
const PER_PAGE = 2;

interface PagedList {
  name: string;
  resource: string;
  operationIds: string[];
  noun: string;
  /** Creates the items; returns the list path (with any filter) and their ids. */
  fill(session: Session, fixtures: Fixtures): Promise<{ path: string; ids: number[] }>;
}

const LISTS: PagedList[] = [
  {
    name: 'contacts (a search for a unique name)',
    resource: 'Contacts',
    operationIds: ['listContacts', 'createContact'],
    noun: 'contacts',
    async fill(session, fixtures) {
      const name = uniqueWord('paged');
      const contact = await fixtures.exampleBody('createContact');
      const ids: number[] = [];
      for (let i = 0; i < ITEMS; i += 1) ids.push(await fixtures.create('createContact', { ...contact, first_name: `Page ${i}`, last_name: name }));
      return { path: `/contacts?query=${name}`, ids };
    },
  },
  {
    name: "a contact's notes",
    resource: 'Notes',
    operationIds: ['listContactNotes', 'createNote'],
    noun: 'notes',
    async fill(session, fixtures) {
      const contact = await fixtures.fresh('contacts');
      const note = await fixtures.exampleBody('createNote');
      const ids: number[] = [];
      for (let i = 0; i < ITEMS; i += 1) ids.push(await fixtures.create('createNote', { ...note, body: `Note ${i} of the paging check.`, contact_id: contact }));
      return { path: `/contacts/${contact}/notes`, ids };
    },
  },
];

export function paginationChecks(): Check[] {
  return LISTS.map((list) =>
    defineCheck({
      name: `workflow: pagination of ${list.name}`,
      kind: 'workflow',
      resource: list.resource,
      operationIds: list.operationIds,
      async body(session, fixtures) {
        const { path, ids } = await list.fill(session, fixtures);
        await walk(session, path, ids, list.noun);
      },
    }),
  );
}

async function walk(session: Session, path: string, ids: number[], noun: string): Promise<void> {
  const seenOn = new Map<number, number>();
  let total: number | undefined;
  let lastPage = 1;
  for (let page = 1; page <= lastPage + 1 && page <= 10; page += 1) {
    const reply = await session.send('GET', withQuery(path, { limit: PER_PAGE, page }));
    if (!session.expectStatus(reply, 200, `page ${page}`)) return;
    const meta = reply.json?.meta ?? {};
    const items: Array<{ id: number }> = Array.isArray(reply.json?.data) ? reply.json.data : [];
    if (page === 1) {
      total = meta.total;
      lastPage = Math.max(1, Math.ceil(Number(meta.total) / PER_PAGE) || 1);
    } else if (meta.total !== total) {
      session.fault(`${reply.label}: meta.total is ${meta.total}, page 1 said ${total}`);
    }
    checkPage(session, reply, page, items.length, lastPage);
    for (const item of items) {
      const earlier = seenOn.get(item.id);
      if (earlier !== undefined) session.fault(`${noun.replace(/s$/, '')} ${item.id} is on page ${earlier} and again on page ${page}`);
      else seenOn.set(item.id, page);
    }
  }
  if (total !== seenOn.size) session.fault(`meta.total is ${total} but the pages hold ${seenOn.size} ${noun}`);
  const missing = ids.filter((id) => !seenOn.has(id));
  if (missing.length > 0) session.fault(`the pages of ${path} miss ${noun} ${missing.join(', ')}`);
  const strangers = [...seenOn.keys()].filter((id) => !ids.includes(id));
  if (strangers.length > 0) session.fault(`the pages of ${path} hold ${noun} the check did not make: ${strangers.join(', ')}`);
}

/** One page's `meta` and `links`, against the page number, its item count and the last page. */
function checkPage(session: Session, reply: Reply, page: number, count: number, lastPage: number): void {
  const meta = reply.json?.meta ?? {};
  const links = reply.json?.links ?? {};
  const beyond = page > lastPage;
  const total = Number(meta.total);
  const expectedCount = beyond ? 0 : page < lastPage ? PER_PAGE : total - (lastPage - 1) * PER_PAGE;
  const from = count === 0 ? null : (page - 1) * PER_PAGE + 1;
  const expected: Record<string, unknown> = {
    current_page: page,
    per_page: PER_PAGE,
    last_page: lastPage,
    from,
    to: from === null ? null : from + count - 1,
  };
  for (const [field, value] of Object.entries(expected)) {
    if (meta[field] !== value) session.fault(`${reply.label}: meta.${field} is ${JSON.stringify(meta[field])}, expected ${JSON.stringify(value)}`);
  }
  if (count !== expectedCount) session.fault(`${reply.label}: the page holds ${count} items, expected ${expectedCount} (meta.total ${meta.total}, ${PER_PAGE} per page)`);
  const pageOf = (link: unknown) => (typeof link === 'string' ? Number(new URL(link, 'http://x/').searchParams.get('page')) : link);
  const expectedLinks: Record<string, number | null> = {
    first: 1,
    last: lastPage,
    prev: page > 1 ? page - 1 : null,
    next: page < lastPage ? page + 1 : null,
  };
  for (const [name, wanted] of Object.entries(expectedLinks)) {
    if (page > lastPage && (name === 'prev' || name === 'next')) continue;
    const got = pageOf(links[name]);
    if (got !== wanted) session.fault(`${reply.label}: links.${name} is ${JSON.stringify(links[name])}, expected ${wanted === null ? 'null' : `a link to page ${wanted}`}`);
  }
}
