/**
 * Audit logs: one row per change made through the API, written in the same
 * transaction as the change itself.
 */
import { firstUser, userDisplayName } from './accounts.js';
import { accountTable, type AccountRow } from './accountTable.js';
import type { Db } from './db.js';

/** Who made a change: the calling user. */
export interface Actor {
  userId: number | null;
  name: string;
}

export interface AuditLogRow extends AccountRow {
  author_id: number | null;
  author_name: string | null;
  about_contact_id: number | null;
  action: string;
  /** JSON text. */
  objects: string;
  audited_at: string;
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

const auditLogs = accountTable<AuditLogRow>('audit_logs', {
  select: SELECT,
  alias: 'a.',
  contactColumn: 'about_contact_id',
  order: 'ORDER BY a.audited_at DESC, a.id DESC',
});
/** The account's audit log, and the lines about one contact; newest first. */
export const { page: listAuditLogs, pageOfContact: listAuditLogsForContact, get: getAuditLog } = auditLogs;
const insertRow = auditLogs.inserter('author_id, author_name, about_contact_id, action, objects, audited_at');

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
  const { actor, aboutContactId, action, objects } = entry;
  return insertRow(db, accountId, [actor.userId, actor.name, aboutContactId, action, JSON.stringify(objects), now], now);
}
