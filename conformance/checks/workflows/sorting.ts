// `sort` on the contact list: two contacts made a second apart, the older one updated a second later, so that
// creation and update order disagree; every sort value the contract lists must order them by that field
// (descending with a leading `-`), and a value it does not list is refused with 400/39.
import type { Check } from '../../types.js';
import { operation, pathOf, sortValues } from '../../contract.js';
import { defineCheck } from '../define.js';
import { uniqueWord } from '../fixtures.js';
import { withQuery } from '../lists.js';

/** Timestamps have whole seconds: a little more than one apart orders them for sure. */
const TICK_MS = 1100;
const pause = () => new Promise((resolve) => setTimeout(resolve, TICK_MS));

export function sortingChecks(): Check[] {
  const list = operation('listContacts');
  const values = sortValues(list);
  return [
    defineCheck({
      name: `workflow: contacts sorted by ${values.join(', ')}`,
      kind: 'workflow',
      resource: list.tag ?? 'Contacts',
      operationIds: ['listContacts', 'createContact', 'updateContact'],
      async body(session, fixtures) {
        const name = uniqueWord('sorted');
        const contact = await fixtures.exampleBody('createContact');
        const make = (first: string) => fixtures.create('createContact', { ...contact, first_name: first, last_name: name });
        const older = await make('Older');
        await pause();
        const newer = await make('Newer');
        await pause();
        const update = { ...(await fixtures.exampleBody('updateContact')), first_name: 'Older, updated', last_name: name };
        session.expectStatus(await session.send('PUT', pathOf(operation('updateContact'), { id: older }), { json: update }), 200, 'updating the older contact');

        for (const value of values) {
          const field = value.replace(/^-/, '');
          const descending = value.startsWith('-');
          const reply = await session.send('GET', withQuery(list.path, { query: name, sort: value }));
          if (!session.expectStatus(reply, 200, `sort=${value}`)) continue;
          const items: Array<Record<string, unknown>> = Array.isArray(reply.json?.data) ? reply.json.data : [];
          const order = items.map((item) => Number(item.id)).filter((id) => id === older || id === newer);
          // The older contact was created first but updated last.
          const olderFirst = (field === 'created_at') !== descending;
          const expected = olderFirst ? [older, newer] : [newer, older];
          if (order.join() !== expected.join()) {
            session.fault(`${reply.label}: contacts come in the order ${order.join(', ')}, expected ${expected.join(', ')} (${field} ${descending ? 'descending' : 'ascending'})`);
          }
          const stamps = items.map((item) => String(item[field]));
          const sorted = [...stamps].sort();
          if (descending) sorted.reverse();
          if (stamps.join() !== sorted.join()) session.fault(`${reply.label}: ${field} values are not in ${descending ? 'descending' : 'ascending'} order: ${stamps.join(', ')}`);
        }

        const refused = await session.send('GET', withQuery(list.path, { sort: 'not_a_sort_value' }));
        session.expectError(refused, 39, 'a sort value the contract does not list');
      },
    }),
  ];
}
