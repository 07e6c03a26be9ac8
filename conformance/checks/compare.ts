// Comparing what a server answers with what was sent, or with what it answered before. The API's objects are
// not echoes of the request bodies (dates come back as timestamps, `contact_id` as a `contact` object, 0/1 as
// booleans), so a sent field is compared only where the answer has a counterpart, and loosely typed.
import type { Reply, Session } from './session.js';


/** Sentences naming each sent field whose value the answer does not hold: `first_name is "x", sent "y"`. */
export function sentFieldMismatches(sent: Record<string, unknown>, data: Record<string, unknown>): string[] {
  const mismatches: string[] = [];
  for (const [field, value] of Object.entries(sent)) {
    if (value === null || typeof value === 'object') continue;
    let answered: unknown = data[field];
    let where = field;
    const linked = field.endsWith('_id') ? data[field.slice(0, -3)] : undefined;
    if (answered === undefined && linked && typeof linked === 'object' && 'id' in linked) {
      answered = (linked as { id: unknown }).id;
      where = `${field.slice(0, -3)}.id`;
    }
    if (answered === undefined || (typeof answered === 'object' && answered !== null)) continue;
    if (!sameValue(value, answered)) mismatches.push(`data.${where} is ${JSON.stringify(answered)}, sent ${JSON.stringify(value)}`);
  }
  return mismatches;
}

function sameValue(sent: unknown, answered: unknown): boolean {
  if (sent === answered) return true;
  const numeric = (v: unknown) => (typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) ? Number(v) : undefined);
  if (typeof sent === 'boolean') return answered === (sent ? 1 : 0) || answered === (sent ? '1' : '0');
  if (typeof answered === 'boolean') return sameValue(answered, sent);
  if (numeric(sent) !== undefined && numeric(sent) === numeric(answered)) return true;
  // A day sent as `YYYY-MM-DD` comes back as that day's timestamp.
  if (typeof sent === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(sent) && typeof answered === 'string') return answered.startsWith(sent);
  return false;
}

/** The first place two JSON values differ, as `/data/first_name: "a" → "b"`, or undefined when equal. */
export function firstDifference(before: unknown, after: unknown, at = ''): string | undefined {
  if (before === after) return undefined;
  const bothObjects = before && after && typeof before === 'object' && typeof after === 'object';
  if (!bothObjects || Array.isArray(before) !== Array.isArray(after)) {
    return `${at || '(body)'}: ${JSON.stringify(before)?.slice(0, 80)} → ${JSON.stringify(after)?.slice(0, 80)}`;
  }
  const keys = new Set([...Object.keys(before as object), ...Object.keys(after as object)]);
  for (const key of keys) {
    const found = firstDifference((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], `${at}/${key}`);
    if (found) return found;
  }
  return undefined;
}

/** Records a fault for every sent field the answer's `data` does not hold. */
export function compareWithSent(session: Session, reply: Reply, sent: Record<string, unknown>, context: string): void {
  const data = reply.json?.data;
  if (!data || typeof data !== 'object') {
    session.fault(`${context}: ${reply.label} answered ${reply.status} without a data object`);
    return;
  }
  for (const mismatch of sentFieldMismatches(sent, data)) session.fault(`${context}: ${reply.label} → ${mismatch}`);
}
