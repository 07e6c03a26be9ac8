/**
 * Accounts, their users, and API tokens. Tokens are random strings handed to
 * the client once; only their SHA-256 digest is stored.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { stmt, type Db } from './db.js';

export interface AccountRow {
  id: number;
  name: string;
  created_at: string;
}

export interface UserRow {
  id: number;
  account_id: number;
  first_name: string;
  last_name: string | null;
  email: string;
  created_at: string;
}

export interface NewAccount {
  name: string;
  userFirstName: string;
  userLastName: string | null;
  email: string;
}

export interface AuthContext {
  accountId: number;
  userId: number;
  userName: string;
}

/** Hex SHA-256 digest of a token; the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Display name of a user: first and last name joined by a space. */
export function userDisplayName(first: string, last: string | null | undefined): string {
  return [first, last ?? ''].join(' ').trim();
}

/** Creates an account together with its first user. */
export function createAccount(db: Db, input: NewAccount, now: string): { accountId: number; userId: number } {
  return db.transaction(() => {
    const account = stmt(db, 'INSERT INTO accounts (name, created_at) VALUES (?, ?)').run(input.name, now);
    const accountId = Number(account.lastInsertRowid);
    const user = stmt(
      db,
      `INSERT INTO users (account_id, first_name, last_name, email, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(accountId, input.userFirstName, input.userLastName, input.email, now);
    return { accountId, userId: Number(user.lastInsertRowid) };
  })();
}

export function listAccounts(db: Db): AccountRow[] {
  return stmt<AccountRow>(db, 'SELECT id, name, created_at FROM accounts ORDER BY id').all();
}

export function getUser(db: Db, accountId: number, userId: number): UserRow | undefined {
  return stmt<UserRow>(db, 'SELECT * FROM users WHERE account_id = ? AND id = ?').get(accountId, userId);
}

/** The account's oldest user (the account owner). */
export function firstUser(db: Db, accountId: number): UserRow | undefined {
  return stmt<UserRow>(db, 'SELECT * FROM users WHERE account_id = ? ORDER BY id LIMIT 1').get(accountId);
}

/**
 * Issues a new API token for a user of the account and returns it. The
 * plain token is never stored, so this is the only chance to read it.
 */
export function issueToken(db: Db, accountId: number, userId: number, name: string, now: string): string {
  const user = getUser(db, accountId, userId);
  if (!user) throw new Error(`user ${userId} does not belong to account ${accountId}`);
  const token = randomBytes(20).toString('hex');
  stmt(
    db,
    `INSERT INTO api_tokens (account_id, user_id, name, token_hash, created_at)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(accountId, userId, name, hashToken(token), now);
  return token;
}

/** Resolves a bearer token to its account and user, or undefined. */
export function findAccountByToken(db: Db, token: string): AuthContext | undefined {
  if (typeof token !== 'string' || token.length === 0 || token.length > 512) return undefined;
  const digest = hashToken(token);
  const row = stmt<{ token_hash: string; account_id: number; user_id: number; first_name: string; last_name: string | null }>(
    db,
    `SELECT t.token_hash, t.account_id, t.user_id, u.first_name, u.last_name
       FROM api_tokens t
       JOIN users u ON u.id = t.user_id AND u.account_id = t.account_id
      WHERE t.token_hash = ?`,
  ).get(digest);
  if (!row) return undefined;
  // The lookup already matched on the digest; the constant-time comparison
  // keeps the final decision independent of how many characters agree.
  const expected = Buffer.from(row.token_hash, 'hex');
  const actual = Buffer.from(digest, 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  return {
    accountId: row.account_id,
    userId: row.user_id,
    userName: userDisplayName(row.first_name, row.last_name),
  };
}
