/**
 * Audit logs: one row per change made through the API, written in the same
 * transaction as the change itself.
 */
import { firstUser, userDisplayName } from './accounts.js';
import { stmt, type Db } from './db.js';
import { pageOf, type Page } from './pagination.js';

/** Who made a change: the calling user. */
export interface Actor {
  userId: number | null;
  name: string;
}

export interface AuditLogRow {
  id: number;
  account_id: number;
  author_id: number | null;
  author_name: string | null;
  about_contact_id: number | null;
  action: string;
  /** JSON text. */
  objects: string;
  audited_at: string;
  created_at: string | null;
  updated_at: string | null;
  /** Id of the author user when that user still exists in the account, else null. */
  author_user_id: number | null;
  author_first_name: string | null;
  author_last_name: string | null;
}

export interface NewAuditLog {
  actor: Actor;
  aboutContactId: number | null;
  action: string;
  objects: Record<string, unknown>;
}

const SELECT = `
  SELECT a.*, u.id AS author_user_id, u.first_name AS author_first_name, u.last_name AS author_last_name
    FROM audit_logs a
    LEFT JOIN users u ON u.id = a.author_id AND u.account_id = a.account_id`;

/**
 * Resolves the author of a change: the given actor, or (when none was given)
 * the account owner, so every log line names someone.
 */
export function resolveActor(db: Db, accountId: number, actor: Actor | undefined): Actor {
  if (actor) return actor;
  const owner = firstUser(db, accountId);
  return owner
    ? { userId: owner.id, name: userDisplayName(owner.first_name, owner.last_name) }
    : { userId: null, name: 'API' };
}

/** Writes one audit log line and returns its id. */
export function recordAuditLog(db: Db, accountId: number, entry: NewAuditLog, now: string): number {
  const result = stmt(
    db,
    `INSERT INTO audit_logs
       (account_id, author_id, author_name, about_contact_id, action, objects, audited_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    accountId,
    entry.actor.userId,
    entry.actor.name,
    entry.aboutContactId,
    entry.action,
    JSON.stringify(entry.objects),
    now,
    now,
    now,
  );
  return Number(result.lastInsertRowid);
}

/** The account's audit log, newest first. */
export function listAuditLogs(
  db: Db,
  accountId: number,
  opts: { limit: number; offset: number },
): Page<AuditLogRow> {
  const select = `${SELECT} WHERE a.account_id = ? ORDER BY a.audited_at DESC, a.id DESC`;
  return pageOf<AuditLogRow>(db, select, 'SELECT COUNT(*) AS n FROM audit_logs WHERE account_id = ?', [accountId], opts);
}

/** Audit log lines about one contact, newest first. */
export function listAuditLogsForContact(
  db: Db,
  accountId: number,
  contactId: number,
  opts: { limit: number; offset: number },
): Page<AuditLogRow> {
  return pageOf<AuditLogRow>(
    db,
    `${SELECT} WHERE a.account_id = ? AND a.about_contact_id = ? ORDER BY a.audited_at DESC, a.id DESC`,
    'SELECT COUNT(*) AS n FROM audit_logs WHERE account_id = ? AND about_contact_id = ?',
    [accountId, contactId],
    opts,
  );
}

export function getAuditLog(db: Db, accountId: number, id: number): AuditLogRow | undefined {
  return stmt<AuditLogRow>(db, `${SELECT} WHERE a.account_id = ? AND a.id = ?`).get(accountId, id);
}
