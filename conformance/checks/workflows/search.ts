// `GET /contacts?query=`: a contact is found by a unique word in each field the contract says is searched (read
// from the `query` parameter's description), the search finds nothing else, and `meta.query` echoes the term.
import type { Check } from '../../types.js';
import { operation, queryParameters } from '../../contract.js';
import { defineCheck } from '../define.js';
import { uniqueWord } from '../fixtures.js';

/** Searchable fields, the words the parameter's description names them by, and how a contact gets a value. */
const FIELDS: Array<{ field: string; phrase: RegExp; via: 'contact' | 'work' }> = [
  { field: 'first_name', phrase: /\bfirst\b/i, via: 'contact' },
  { field: 'middle_name', phrase: /\bmiddle\b/i, via: 'contact' },
  { field: 'last_name', phrase: /\blast name\b/i, via: 'contact' },
  { field: 'nickname', phrase: /\bnickname\b/i, via: 'contact' },
  { field: 'description', phrase: /\bdescription\b/i, via: 'contact' },
  { field: 'job', phrase: /\bjob\b/i, via: 'work' },
  { field: 'company', phrase: /\bcompany\b/i, via: 'work' },
];

function searchedFields(): typeof FIELDS {
  const query = queryParameters(operation('listContacts')).find((p) => p.name === 'query');
  // The part before "Differs from": what this contract promises, not what the published docs said.
  const promise = String(query?.description ?? '').split('**Differs')[0];
  return FIELDS.filter((f) => f.phrase.test(promise));
}

export function searchChecks(): Check[] {
  const fields = searchedFields();
  return [
    defineCheck({
      name: `workflow: contact search by ${fields.map((f) => f.field).join(', ')}`,
      kind: 'workflow',
      resource: 'Contacts',
      operationIds: ['listContacts', 'createContact', 'updateContactWork'],
      async body(session, fixtures) {
        const contact = await fixtures.exampleBody('createContact');
        const found: Array<{ field: string; word: string; id: number }> = [];
        for (const { field, via } of fields) {
          const word = uniqueWord(field.replace(/_/g, ''));
          const id = await fixtures.create('createContact', { ...contact, first_name: 'Searched', ...(via === 'contact' ? { [field]: word } : {}) });
          if (via === 'work') {
            const work = await session.send('PUT', `/contacts/${id}/work`, { json: { [field]: word } });
            session.expectStatus(work, 200, `setting the ${field}`);
          }
          found.push({ field, word, id });
        }
        for (const { field, word, id } of found) {
          const reply = await session.send('GET', `/contacts?query=${word}`);
          if (!session.expectStatus(reply, 200, `search by ${field}`)) continue;
          const ids = (Array.isArray(reply.json?.data) ? reply.json.data : []).map((c: { id: unknown }) => Number(c.id));
          if (ids.length !== 1 || ids[0] !== id) {
            session.fault(`${reply.label} finds contacts [${ids.join(', ')}], expected only contact ${id} (its ${field} holds the word)`);
          }
          if (reply.json?.meta?.query !== word) session.fault(`${reply.label}: meta.query is ${JSON.stringify(reply.json?.meta?.query)}, expected "${word}"`);
        }
        // Any word may match: two words find both contacts.
        if (found.length >= 2) {
          const [a, b] = found;
          const reply = await session.send('GET', `/contacts?query=${encodeURIComponent(`${a.word} ${b.word}`)}`);
          const ids = new Set((Array.isArray(reply.json?.data) ? reply.json.data : []).map((c: { id: unknown }) => Number(c.id)));
          if (session.expectStatus(reply, 200, 'search by two words') && (!ids.has(a.id) || !ids.has(b.id) || ids.size !== 2)) {
            session.fault(`${reply.label} finds contacts [${[...ids].join(', ')}], expected ${a.id} and ${b.id}`);
          }
        }
      },
    }),
  ];
}
