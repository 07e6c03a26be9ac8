// The user: `GET /me`, the calling user.
import type { User } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentUser } from '../present/user.js';
import { getUserProfile } from '../store/user.js';
import type { Handler } from './shared.js';

/** The calling user, presented. */
export function currentUser(context: Context): User {
  const { accountId, userId } = context.caller;
  const row = getUserProfile(context.db, accountId, userId);
  // A token always belongs to an existing user of its account; a missing row is a server fault.
  if (!row) throw new Error(`user ${userId} of account ${accountId} not found`);
  return presentUser(context.db, row, context);
}

const getCurrentUser: Handler<'getCurrentUser'> = ({ context }) => ({ status: 200, body: { data: currentUser(context) } });

export const userHandlers = {
  getCurrentUser,
} satisfies Partial<Handlers<Context>>;
