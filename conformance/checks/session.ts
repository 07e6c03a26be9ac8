// One check's conversation with the server under test: every request goes through `send`, which records the
// exchange for the reports, notes which documented statuses were exercised, holds back on 429, and checks the
// response against the contract (contract/responses.ts). Faults found along the way are collected, not thrown, so
// that one check can report several precise problems.
import { contract, responseProblems } from '../contract.js';
import { parseJson } from '../http.js';
import { errorCodes, type ErrorCode } from '../../contract/index.js';
import type { Exchange, Target } from '../types.js';

/** Who a request is sent as: the target's account, the second account, nobody, or an explicit token. */
export type Caller = 'main' | 'other' | 'anonymous' | { token: string };

export interface SendOptions {
  as?: Caller;
  /** A JSON body (serialised here). */
  json?: unknown;
  /** A body sent as is, with `contentType` (application/json unless given). */
  raw?: string;
  contentType?: string;
  form?: FormData;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: any;
  /** `POST /contacts`, for messages. */
  label: string;
}

/** Bodies are cut in the reports; a whole list page would drown the failure it illustrates. */
const MAX_RECORDED_BODY = 8000;
/** How often a request is retried after 429, and the longest wait the server may ask for. */
const RETRIES_AFTER_429 = 3;
const MAX_RETRY_AFTER_SECONDS = 65;

export class Session {
  readonly exchanges: Exchange[] = [];
  readonly exercised: Array<{ operationId: string; status: number }> = [];
  private readonly faultList: string[] = [];

  constructor(readonly target: Target) {}

  get faults(): readonly string[] {
    return this.faultList;
  }

  /** Records a broken rule; the same sentence twice is kept once. */
  fault(message: string): void {
    if (!this.faultList.includes(message)) this.faultList.push(message);
  }

  token(as: Caller): string | undefined {
    if (as === 'main') return this.target.token;
    if (as === 'other') return this.target.otherToken;
    if (as === 'anonymous') return undefined;
    return as.token;
  }

  async send(method: string, path: string, options: SendOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = this.token(options.as ?? 'main');
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | FormData | undefined;
    let recordedBody: string | undefined;
    if (options.form) {
      body = options.form;
      recordedBody = `(multipart form: ${[...options.form.keys()].join(', ')})`;
    } else if (options.raw !== undefined) {
      headers['Content-Type'] = options.contentType ?? 'application/json';
      body = recordedBody = options.raw;
    } else if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = recordedBody = JSON.stringify(options.json);
    }
    const url = `${this.target.baseUrl}${path}`;
    const label = `${method} ${path}`;
    const exchange: Exchange = { request: { method, url, headers: redact(headers), ...(recordedBody !== undefined ? { body: recordedBody } : {}) } };
    this.exchanges.push(exchange);

    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await fetch(url, { method, headers, body, redirect: 'manual' });
      } catch (err) {
        throw new Error(`${label}: no answer (${(err as Error).message})`);
      }
      const text = await response.text();
      const responseHeaders = Object.fromEntries(response.headers.entries());
      if (response.status === 429 && attempt < RETRIES_AFTER_429) {
        // The server's budget is used up, not the contract broken: wait as it says, then ask again.
        const seconds = Math.min(Number(responseHeaders['retry-after']) || 1, MAX_RETRY_AFTER_SECONDS);
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        continue;
      }
      exchange.response = { status: response.status, headers: responseHeaders, body: text.length > MAX_RECORDED_BODY ? `${text.slice(0, MAX_RECORDED_BODY)}…` : text };
      const reply: Reply = { status: response.status, headers: responseHeaders, text, json: parseJson(text), label };
      this.checkContract(method, path, reply);
      return reply;
    }
  }

  /** Every response must keep the contract, whatever the check was after. */
  private checkContract(method: string, path: string, reply: Reply): void {
    const operation = contract.findOperation(method, path)?.operation;
    if (!operation) return;
    const problems = responseProblems({ method, template: operation.path, status: reply.status, headers: reply.headers, body: reply.text });
    const undocumented = problems.some((p) => p.startsWith(`status ${reply.status} is not documented`));
    if (!undocumented && !this.exercised.some((e) => e.operationId === operation.operationId && e.status === reply.status)) {
      this.exercised.push({ operationId: operation.operationId, status: reply.status });
    }
    for (const problem of problems) this.fault(`${reply.label} → ${reply.status}: ${problem}`);
  }

  // -------------------------------------------------------------------------------------------------------
  // Expectations: each returns whether it held, and records a fault naming the request when it did not.

  expectStatus(reply: Reply, expected: number | number[], context?: string): boolean {
    const wanted = Array.isArray(expected) ? expected : [expected];
    if (wanted.includes(reply.status)) return true;
    this.fault(`${context ? `${context}: ` : ''}${reply.label} answered ${reply.status}, expected ${wanted.join(' or ')}${brief(reply)}`);
    return false;
  }

  /** A Monica error: the error code, with the status the contract's error table gives it, in the envelope. */
  expectError(reply: Reply, code: ErrorCode, context: string): boolean {
    const { status } = errorCodes[code];
    if (reply.status !== status) {
      this.fault(`${context}: ${reply.label} answered ${reply.status}, expected ${status} (error code ${code})${brief(reply)}`);
      return false;
    }
    const error = reply.json && typeof reply.json === 'object' ? reply.json.error : undefined;
    if (!error || typeof error !== 'object') {
      this.fault(`${context}: ${reply.label} answered ${status} without the error envelope {"error":{"message","error_code"}}${brief(reply)}`);
      return false;
    }
    if (error.error_code !== code) {
      this.fault(`${context}: ${reply.label} answered ${status} with error_code ${JSON.stringify(error.error_code)}, expected ${code}`);
      return false;
    }
    return true;
  }

  /** The 401 of a request without a token: Laravel's body with code 42's message, not the envelope. */
  expectUnauthenticated(reply: Reply, context: string): boolean {
    const { status, message } = errorCodes[42];
    if (!this.expectStatus(reply, status, context)) return false;
    if (!reply.json || reply.json.message !== message) {
      this.fault(`${context}: ${reply.label} answered ${status} with ${short(reply.text)}, expected ${JSON.stringify({ message })}`);
      return false;
    }
    return true;
  }
}

function redact(headers: Record<string, string>): Record<string, string> {
  const copy = { ...headers };
  // Reports may be shared: a token is shown by its tail only.
  if (copy.Authorization) copy.Authorization = `Bearer …${copy.Authorization.slice(-4)}`;
  return copy;
}

export function short(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat || '(empty body)';
}

function brief(reply: Reply): string {
  return reply.status >= 400 || reply.status < 200 ? `: ${short(reply.text, 120)}` : '';
}
