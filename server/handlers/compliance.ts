// Compliance: the terms of use (public) and the calling user's signatures of them.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentSignature, presentTerm } from '../present/compliance.js';
import { getSignature, getTerm, getTermsByIds, latestTerm, listSignatures, listTerms, signTerm, type SignatureRow } from '../store/compliance.js';
import { presentEach, publicGetHandler, publicListHandler } from './crud.js';
import { nowOf, type Handler } from './shared.js';
import { currentUser } from './user.js';

const terms = presentEach(presentTerm);

/** Presents signatures of the calling user, loading their terms with one query. */
function presentSignatures(context: Context, rows: readonly SignatureRow[]) {
  const termsById = getTermsByIds(context.db, rows.map((r) => r.term_id));
  const user = currentUser(context);
  return rows.map((row) => {
    const term = termsById.get(row.term_id);
    if (!term) throw new Error(`signature of unknown term ${row.term_id}`);
    return presentSignature(row, term, user);
  });
}

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

export const complianceHandlers = {
  listTerms: publicListHandler('listTerms', listTerms, terms.rows),
  getTerm: publicGetHandler('getTerm', getTerm, terms.row),
  listComplianceSignatures,
  getComplianceSignature,
  signLatestTerm,
} satisfies Partial<Handlers<Context>>;
