// The account and its user: audit logs, the user (`/me`), compliance terms and signatures, and groups of contacts.
import type { User } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentAuditLog } from '../present/auditLog.js';
import { presentSignature } from '../present/complianceSignature.js';
import { presentDeleted } from '../present/deleted.js';
import { presentGroups } from '../present/group.js';
import { presentTerm } from '../present/term.js';
import { presentUser } from '../present/user.js';
import { listAuditLogs } from '../store/auditLogs.js';
import {
  getSignature,
  getTerm,
  getTermsByIds,
  latestTerm,
  listSignatures,
  listTerms,
  signTerm,
  type SignatureRow,
} from '../store/compliance.js';
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
import { getUserProfile } from '../store/users.js';
import { toInt } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

// ---------------------------------------------------------------------------
// The user and compliance

/** The calling user, presented. */
function currentUser(context: Context): User {
  const { accountId, userId } = context.caller;
  const row = getUserProfile(context.db, accountId, userId);
  // A token always belongs to an existing user of its account; a missing row is a server fault.
  if (!row) throw new Error(`user ${userId} of account ${accountId} not found`);
  return presentUser(context.db, row, context);
}

/** Presents signatures of the calling user, loading their terms with one query. */
function presentSignatures(context: Context, rows: readonly SignatureRow[]) {
  const terms = getTermsByIds(context.db, rows.map((r) => r.term_id));
  const user = currentUser(context);
  return rows.map((row) => {
    const term = terms.get(row.term_id);
    if (!term) throw new Error(`signature of unknown term ${row.term_id}`);
    return presentSignature(row, term, user);
  });
}

const getCurrentUser: Handler<'getCurrentUser'> = ({ context }) => ({ status: 200, body: { data: currentUser(context) } });

const listTermsHandler: Handler<'listTerms'> = ({ context, query }) => {
  const request = pageRequest(query, []);
  const page = listTerms(context.db, request.options);
  return { status: 200, body: paginate(page.rows.map(presentTerm), page.total, request, listUrl(context, '/compliance')) };
};

const getTermHandler: Handler<'getTerm'> = ({ context, path }) => {
  const row = getTerm(context.db, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentTerm(row) } };
};

const listComplianceSignatures: Handler<'listComplianceSignatures'> = ({ context }) => {
  const rows = listSignatures(context.db, context.caller.accountId, context.caller.userId);
  // A user who has signed nothing gets 404, as in Monica 4.x.
  if (rows.length === 0) throw notFound();
  const [first, ...rest] = presentSignatures(context, rows);
  return { status: 200, body: { data: [first!, ...rest] } };
};

const getComplianceSignature: Handler<'getComplianceSignature'> = ({ context, path }) => {
  const row = getSignature(context.db, context.caller.accountId, context.caller.userId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentSignatures(context, [row])[0]! } };
};

const signLatestTerm: Handler<'signLatestTerm'> = ({ context, body }) => {
  const term = latestTerm(context.db);
  // The migration inserts the terms; an instance without any has nothing to sign.
  if (!term) throw notFound();
  const row = signTerm(context.db, context.caller.accountId, context.caller.userId, term.id, body.ip_address, nowOf(context));
  return { status: 200, body: { data: presentSignatures(context, [row])[0]! } };
};

// ---------------------------------------------------------------------------
// Audit logs

const listAuditLogsHandler: Handler<'listAuditLogs'> = ({ context, query }) => {
  const request = pageRequest(query, []);
  const page = listAuditLogs(context.db, context.caller.accountId, request.options);
  return { status: 200, body: paginate(page.rows.map(presentAuditLog), page.total, request, listUrl(context, '/logs')) };
};

// ---------------------------------------------------------------------------
// Groups

const presentOneGroup = (context: Context, row: GroupRow) => presentGroups(context.db, context.caller.accountId, [row], context)[0]!;

function findGroupOr404(context: Context, id: number): GroupRow {
  const row = getGroup(context.db, context.caller.accountId, id);
  if (!row) throw notFound();
  return row;
}

const listGroupsHandler: Handler<'listGroups'> = ({ context, query }) => {
  const request = pageRequest(query, []);
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

export const accountHandlers = {
  getCurrentUser,
  listTerms: listTermsHandler,
  getTerm: getTermHandler,
  listComplianceSignatures,
  getComplianceSignature,
  signLatestTerm,
  listAuditLogs: listAuditLogsHandler,
  listGroups: listGroupsHandler,
  getGroup: getGroupHandler,
  createGroup: createGroupHandler,
  updateGroup: updateGroupHandler,
  deleteGroup: deleteGroupHandler,
  attachContactsToGroup: attachContactsToGroupHandler,
} satisfies Partial<Handlers<Context>>;
