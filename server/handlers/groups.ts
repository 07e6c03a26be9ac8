// Groups: named sets of real contacts of the account.
import type { GroupWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentGroups } from '../present/groups.js';
import { getContactsByIds } from '../store/contacts.js';
import { attachContacts, createGroup, deleteGroup, getGroup, listGroups, updateGroup, type GroupRow } from '../store/groups.js';
import { createHandler, deleteHandler, getHandler, listHandler, presentInBatches, updateHandler } from './crud.js';
import { toInt } from './input.js';
import { nowOf, type Handler } from './shared.js';

const groups = presentInBatches(presentGroups);
const groupInput = (body: GroupWrite) => ({ name: body.name });

function findGroupOr404(context: Context, id: number): GroupRow {
  const row = getGroup(context.db, context.caller.accountId, id);
  if (!row) throw notFound();
  return row;
}

const attachContactsToGroupHandler: Handler<'attachContactsToGroup'> = ({ context, path, body }) => {
  const { accountId } = context.caller;
  findGroupOr404(context, path.id);
  const ids = body.contacts.map((value) => toInt(value) as number);
  // Every id must name a contact of the account (else 404), and a real one (else 422); otherwise nothing changes.
  const found = getContactsByIds(context.db, accountId, ids);
  if (ids.some((id) => !found.has(id))) throw notFound();
  const partial = ids.flatMap((id, index) => (found.get(id)!.is_partial ? [`The contacts.${index} must be a real contact, not a partial one.`] : []));
  if (partial.length > 0) throw validationFailed(partial);
  if (attachContacts(context.db, accountId, path.id, [...new Set(ids)], nowOf(context)) === undefined) throw notFound();
  return { status: 200, body: { data: groups.row(findGroupOr404(context, path.id), context) } };
};

export const groupsHandlers = {
  listGroups: listHandler('listGroups', listGroups, groups.rows),
  getGroup: getHandler('getGroup', getGroup, groups.row),
  createGroup: createHandler('createGroup', groupInput, createGroup, groups.row),
  updateGroup: updateHandler('updateGroup', groupInput, updateGroup, groups.row),
  deleteGroup: deleteHandler('deleteGroup', deleteGroup),
  attachContactsToGroup: attachContactsToGroupHandler,
} satisfies Partial<Handlers<Context>>;
