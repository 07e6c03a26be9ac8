import type { AuditLog } from '../../generated/client/types.gen.js';
import type { AuditLogRow } from '../store/auditLogs.js';
import { userDisplayName } from '../store/accounts.js';
import { toApiTimestamp } from './dates.js';

export type AuditLogObject = AuditLog;

function parseObjects(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function presentAuditLog(row: AuditLogRow): AuditLogObject {
  const author =
    row.author_user_id !== null
      ? { id: row.author_user_id, name: userDisplayName(row.author_first_name ?? '', row.author_last_name) }
      : { name: row.author_name };
  return {
    id: row.id,
    object: 'auditlog',
    author,
    action: row.action,
    objects: parseObjects(row.objects),
    audited_at: toApiTimestamp(row.audited_at) ?? '',
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}
