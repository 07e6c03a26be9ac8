// Groups: named sets of real contacts of the account.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
import { presentGroups } from '../present/groups.js';
import { getContactsByIds } from '../store/contacts.js';
import {
  attachContacts,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  updateGroup,
  type GroupRow,
} from '../store/groups.js';
import { toInt } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const presentOneGroup = (context: Context, row: GroupRow) => presentGroups(context.db, context.caller.accountId, [row], context)[0]!;

function findGroupOr404(context: Context, id: number): GroupRow {
  const row = getGroup(context.db, context.caller.accountId, id);
  if (!row) throw notFound();
  return row;
}

const listGroupsHandler: Handler<'listGroups'> = ({ context, query }) => {
  const request = pageRequest('listGroups', query);
  const page = listGroups(context.db, context.caller.accountId, request.options);
  const data = presentGroups(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/groups')) };
};

const getGroupHandler: Handler<'getGroup'> = ({ context, path }) => ({
  status: 200,
  body: { data: presentOneGroup(context, findGroupOr404(context, path.id)) },
});

const createGroupHandler: Handler<'createGroup'> = ({ context, body }) => {
  const row = createGroup(context.db, context.caller.accountId, { name: body.name }, nowOf(context));
  return { status: 200, body: { data: presentOneGroup(context, row) } };
};

const updateGroupHandler: Handler<'updateGroup'> = ({ context, path, body }) => {
  const row = updateGroup(context.db, context.caller.accountId, path.id, { name: body.name }, nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneGroup(context, row) } };
};

const deleteGroupHandler: Handler<'deleteGroup'> = ({ context, path }) => {
  if (!deleteGroup(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

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
  return { status: 200, body: { data: presentOneGroup(context, findGroupOr404(context, path.id)) } };
};

export const groupsHandlers = {
  listGroups: listGroupsHandler,
  getGroup: getGroupHandler,
  createGroup: createGroupHandler,
  updateGroup: updateGroupHandler,
  deleteGroup: deleteGroupHandler,
  attachContactsToGroup: attachContactsToGroupHandler,
} satisfies Partial<Handlers<Context>>;
