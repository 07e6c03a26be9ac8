// What must hold for every answer, whatever was sent: no 5xx; a documented status whose body and headers keep
// the spec (contract/responses.ts, the same judge the conformance run uses); JSON even where the spec declares
// no body; an error code whose status is the one the contract's error table gives; no internals in error messages;
// and nothing from another account in a successful answer.
import Database from 'better-sqlite3';
import { errorCodes, type ErrorCode } from '../../contract/index.js';
import { responseProblems } from '../../contract/responses.js';
import type { Answer } from './send.js';
import type { FuzzOperation } from './spec.js';

/** Traces of the server's insides that must never reach a client. */
const LEAKS = /\bat [\w.<>]+ \(|node_modules|SQLITE_|sqlite|better-sqlite3|\/work\/|\.ts:\d+|Error: |syntax error/i;

const statusOfCode = (code: number): number | undefined => errorCodes[code as ErrorCode]?.status;

export class ResponseJudge {
  /** The broken rules, as sentences (empty when the answer keeps the contract). */
  problems(op: FuzzOperation, answer: Answer, callerAccountId: number | undefined): string[] {
    const problems: string[] = [];
    const { status, json } = answer;
    if (status >= 500) problems.push(`answered ${status}`);
    problems.push(...responseProblems({ method: op.method, template: op.path, status, headers: answer.headers, body: answer.text }));
    // responseProblems checks Content-Type and JSON only where the spec declares a JSON body; the fuzzer wants them always.
    const judgedBody = op.responses.get(status) !== undefined;
    if (!judgedBody && !/^application\/json\b/i.test(answer.contentType)) problems.push(`Content-Type is "${answer.contentType}"`);
    if (answer.jsonError) {
      if (!judgedBody) problems.push(`the body is not JSON: ${JSON.stringify(answer.text.slice(0, 120))}`);
      return problems;
    }
    if (status >= 400) {
      const code = json?.error?.error_code;
      if (status !== 401 && typeof code === 'number' && statusOfCode(code) !== status) {
        problems.push(`error code ${code} goes with status ${statusOfCode(code)}, not ${status}`);
      }
      const message = status === 401 ? json?.message : json?.error?.message;
      const text = ([] as unknown[]).concat(message).join(' ');
      if (LEAKS.test(text)) problems.push(`the error message shows internals: ${JSON.stringify(text.slice(0, 200))}`);
    } else if (callerAccountId !== undefined) {
      for (const id of accountIds(json)) {
        if (id !== callerAccountId) problems.push(`a successful answer holds an object of account ${id} (the caller's is ${callerAccountId})`);
      }
    }
    return problems;
  }
}

/** Every `account.id` in a body. */
function accountIds(node: unknown, found: number[] = []): number[] {
  if (Array.isArray(node)) node.forEach((n) => accountIds(n, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'account' && value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'number') found.push((value as { id: number }).id);
      else accountIds(value, found);
    }
  }
  return found;
}

/** SQLite's own checks of the database file, read through a separate read-only connection. */
export function databaseProblems(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    const problems: string[] = [];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') problems.push(`integrity_check: ${JSON.stringify(integrity).slice(0, 500)}`);
    if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${foreignKeys.length} rows, e.g. ${JSON.stringify(foreignKeys.slice(0, 3))}`);
    return problems;
  } finally {
    db.close();
  }
}
