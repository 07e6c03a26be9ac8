// The life of one object, for every resource the contract lets a client create, read and delete: create it
// from the documented example, read it back (the fields equal what was sent), update it from the update
// example, read it back, find it in its list, delete it, and then it is gone (404 with code 31).
import type { Check } from '../../types.js';
import { documents, operation, operations, pathOf, resources, sortValues, type JsonObject, type Operation } from '../../contract.js';
import { compareWithSent } from '../compare.js';
import { defineCheck } from '../define.js';
import { listHolds } from '../lists.js';

interface Lifecycle {
  /** The resource, as `x-references` names it (`notes`). */
  resource: string;
  create: Operation;
  get: Operation;
  update?: Operation;
  remove: Operation;
  /** Where the object is listed: `/notes`, or `/contacts/{id}/addresses` for those only listed per contact. */
  list?: Operation;
}

/** Resources a client creates at a path of their own, reads and deletes (updates and lists when the contract can). */
export function lifecycles(): Lifecycle[] {
  const found: Lifecycle[] = [];
  for (const create of operations) {
    const entry = Object.entries(resources).find(([, ops]) => (ops as { create?: string }).create === create.operationId);
    if (!entry || Object.keys(create.pathParams).length > 0) continue;
    const [resource, ops] = entry as [string, { list?: string; get?: string; update?: string; delete?: string; listForContact?: string }];
    if (!ops.get || !ops.delete) continue;
    const optional = (id: string | undefined) => (id ? operation(id) : undefined);
    found.push({
      resource,
      create,
      get: operation(ops.get),
      remove: operation(ops.delete),
      update: optional(ops.update),
      list: optional(ops.list ?? ops.listForContact),
    });
  }
  return found;
}

export function lifecycleChecks(): Check[] {
  return lifecycles().map((life) =>
    defineCheck({
      name: `workflow: ${life.resource} lifecycle (create, read, update, list, delete)`,
      kind: 'workflow',
      resource: life.create.tag ?? life.resource,
      operationIds: [life.create, life.get, life.update, life.list, life.remove].filter((op): op is Operation => !!op).map((op) => op.operationId),
      async body(session, fixtures) {
        const body = await fixtures.body(life.create);
        // What a form sent as text is compared like a JSON body's fields; files are not echoed.
        const sent: JsonObject =
          body instanceof FormData ? Object.fromEntries([...body.entries()].filter((e): e is [string, string] => typeof e[1] === 'string')) : (body ?? {});
        const created = await session.send('POST', life.create.path, body instanceof FormData ? { form: body } : { json: sent });
        session.expectStatus(created, life.create.successStatus, 'create from the example');
        const id = Number(created.json?.data?.id);
        if (!(id > 0)) {
          session.fault(`create from the example: ${created.label} answered ${created.status} without data.id`);
          return;
        }
        const itemPath = pathOf(life.get, { id });
        const deletePath = pathOf(life.remove, { id });
        fixtures.track(deletePath);
        compareWithSent(session, created, sent, 'the created object');
        const afterCreate = await session.send('GET', itemPath);
        if (session.expectStatus(afterCreate, 200, 'read back after create')) compareWithSent(session, afterCreate, sent, 'read back after create');

        if (life.update) {
          const update = await fixtures.jsonBody(life.update);
          const updated = await session.send('PUT', pathOf(life.update, { id }), { json: update });
          if (session.expectStatus(updated, life.update.successStatus, 'update from the example')) {
            compareWithSent(session, updated, update, 'the updated object');
            const afterUpdate = await session.send('GET', itemPath);
            if (session.expectStatus(afterUpdate, 200, 'read back after update')) compareWithSent(session, afterUpdate, update, 'read back after update');
          }
        }

        if (life.list) {
          // A list per contact is the list of the contact the object was made for.
          const contact = sent['contact_id'] ?? (await fixtures.get('contacts'));
          const listPath = pathOf(life.list, Object.keys(life.list.pathParams).length > 0 ? { id: String(contact) } : {});
          const newestFirst = sortValues(life.list).includes('-created_at');
          const { found, pages } = await listHolds(session, listPath, id, { newestFirst });
          if (!found) session.fault(`GET ${listPath} does not list ${life.resource.replace(/s$/, '')} ${id} (${pages} page(s) of 100 read)`);
        }

        const deleted = await session.send('DELETE', deletePath);
        if (!session.expectStatus(deleted, life.remove.successStatus, 'delete')) return;
        fixtures.untrack(deletePath);
        const gone = await session.send('GET', itemPath);
        if (gone.status !== 404) session.fault(`GET ${itemPath} after DELETE answered ${gone.status}, expected 404`);
        else session.expectError(gone, 31, 'after DELETE');
        if (documents(life.remove, 404)) {
          const again = await session.send('DELETE', deletePath);
          session.expectError(again, 31, 'a second DELETE');
        }
      },
    }),
  );
}
