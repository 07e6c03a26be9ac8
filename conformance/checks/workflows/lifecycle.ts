// The life of one object, for every resource the contract lets a client create, read and delete: create it
// from the documented example, read it back (the fields equal what was sent), update it from the update
// example, read it back, find it in its list, delete it, and then it is gone (404 with code 31).
import type { Check } from '../../types.js';
import { documents, operations, sortValues, type Operation } from '../contract.js';
import { compareWithSent } from '../compare.js';
import { defineCheck } from '../define.js';
import { uploadForm, withUniqueNames } from '../fixtures.js';
import { listHolds } from '../lists.js';

interface Lifecycle {
  segment: string;
  create: Operation;
  get: Operation;
  update?: Operation;
  remove: Operation;
  /** Where the object is listed: `/notes`, or `/contacts/{id}/addresses` for those only listed per contact. */
  list?: Operation;
}

/** Resources with create, get and delete in the operation table (update and list when the contract has them). */
export function lifecycles(): Lifecycle[] {
  const found: Lifecycle[] = [];
  for (const create of operations.filter((op) => op.method === 'post' && /^\/[a-z]+$/.test(op.path))) {
    const segment = create.path.slice(1);
    const item = `/${segment}/{id}`;
    const at = (method: string, path: string) => operations.find((op) => op.method === method && op.path === path);
    const get = at('get', item);
    const remove = at('delete', item);
    if (!get || !remove) continue;
    found.push({ segment, create, get, remove, update: at('put', item), list: at('get', `/${segment}`) ?? at('get', `/contacts/{id}/${segment}`) });
  }
  return found;
}

export function lifecycleChecks(): Check[] {
  return lifecycles().map((life) =>
    defineCheck({
      name: `workflow: ${life.segment} lifecycle (create, read, update, list, delete)`,
      kind: 'workflow',
      resource: life.create.tag ?? life.segment,
      operationIds: [life.create, life.get, life.update, life.list, life.remove].filter((op): op is Operation => !!op).map((op) => op.operationId),
      async body(session, fixtures) {
        const multipart = life.segment === 'photos' || life.segment === 'documents';
        let sent: Record<string, unknown> = {};
        let created;
        if (multipart) {
          const contact = await fixtures.get('contact');
          sent = { contact_id: contact };
          created = await session.send('POST', `/${life.segment}`, { form: uploadForm(life.segment === 'photos' ? 'photo' : 'document', contact) });
        } else {
          sent = withUniqueNames(life.segment, await fixtures.exampleBody(life.create.operationId));
          created = await session.send('POST', `/${life.segment}`, { json: sent });
        }
        session.expectStatus(created, life.create.successStatus, 'create from the example');
        const id = Number(created.json?.data?.id);
        if (!(id > 0)) {
          session.fault(`create from the example: ${created.label} answered ${created.status} without data.id`);
          return;
        }
        const itemPath = `/${life.segment}/${id}`;
        fixtures.track(itemPath);
        compareWithSent(session, created, sent, 'the created object');
        const afterCreate = await session.send('GET', itemPath);
        if (session.expectStatus(afterCreate, 200, 'read back after create')) compareWithSent(session, afterCreate, sent, 'read back after create');

        if (life.update) {
          const update = withUniqueNames(life.segment, await fixtures.exampleBody(life.update.operationId));
          // The contact field type example protects the type from deletion; this check still has to delete it.
          if ('delible' in update) update.delible = 1;
          const updated = await session.send('PUT', itemPath, { json: update });
          if (session.expectStatus(updated, life.update.successStatus, 'update from the example')) {
            compareWithSent(session, updated, update, 'the updated object');
            const afterUpdate = await session.send('GET', itemPath);
            if (session.expectStatus(afterUpdate, 200, 'read back after update')) compareWithSent(session, afterUpdate, update, 'read back after update');
          }
        }

        if (life.list) {
          const listPath = life.list.path.replace('{id}', String(sent.contact_id ?? (await fixtures.get('contact'))));
          const newestFirst = sortValues(life.list).includes('-created_at');
          const { found, pages } = await listHolds(session, listPath, id, { newestFirst });
          if (!found) session.fault(`GET ${listPath} does not list ${life.segment.replace(/s$/, '')} ${id} (${pages} page(s) of 100 read)`);
        }

        const deleted = await session.send('DELETE', itemPath);
        if (!session.expectStatus(deleted, life.remove.successStatus, 'delete')) return;
        fixtures.forget(itemPath);
        const gone = await session.send('GET', itemPath);
        if (gone.status !== 404) session.fault(`GET ${itemPath} after DELETE answered ${gone.status}, expected 404`);
        else session.expectError(gone, 404, 31, 'after DELETE');
        if (documents(life.remove, 404)) {
          const again = await session.send('DELETE', itemPath);
          session.expectError(again, 404, 31, 'a second DELETE');
        }
      },
    }),
  );
}
