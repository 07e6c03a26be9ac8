// Assertions on SDK results: success with a status, Monica's error envelope, Laravel's 401 body.
import { expect } from 'vitest';
import { errorCodes, type ErrorCode } from '../../generated/server/contract.gen.js';

/** What every SDK call resolves to (the "fields" response style). */
export interface SdkResult<D, E> {
  data?: D;
  error?: E;
  response: Response;
}

export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export const NOT_FOUND_BODY = { error: { message: 'The resource has not been found', error_code: 31 } } as const;
export const UNAUTHENTICATED_BODY = { message: 'Unauthenticated.' } as const;

function describeResult(result: SdkResult<unknown, unknown>): string {
  const r = result.response;
  return `${r?.status} ${r?.url}: ${JSON.stringify(result.error ?? result.data)?.slice(0, 500)}`;
}

export function expectJsonContentType(response: { headers: Headers }): void {
  expect(response.headers.get('content-type') ?? '').toMatch(/^application\/json\b/);
}

/** An object with exactly these keys, in any order, and among them these values. */
export function expectObject(value: object, keys: readonly string[], fields: object): void {
  expect(Object.keys(value).sort()).toEqual([...keys].sort());
  expect(value).toMatchObject(fields);
}

/** Asserts the status (200 unless given) and returns the body. */
export function ok<D, E>(result: SdkResult<D, E>, status = 200): D {
  expect(result.response?.status, describeResult(result)).toBe(status);
  expectJsonContentType(result.response);
  expect(result.error).toBeUndefined();
  return result.data as D;
}

export interface ErrorEnvelope {
  error: { message: string | string[]; error_code: number };
}

/** Checks that a body is exactly Monica's envelope `{error: {message, error_code}}`. */
export function expectEnvelope(body: unknown): asserts body is ErrorEnvelope {
  expect(body).toBeTypeOf('object');
  expect(Object.keys(body as object)).toEqual(['error']);
  const error = (body as ErrorEnvelope).error;
  expect(Object.keys(error).sort()).toEqual(['error_code', 'message']);
  expect(error.error_code).toBeTypeOf('number');
  const message = error.message;
  if (Array.isArray(message)) {
    expect(message.length).toBeGreaterThan(0);
    for (const m of message) expect(m).toBeTypeOf('string');
  } else {
    expect(message).toBeTypeOf('string');
  }
}

/**
 * Asserts an error answer with the given status and code, in the envelope; returns the envelope. Every code but 32
 * (which carries the validation messages) has the message the spec's error-code table gives it.
 */
export function expectError<D, E>(result: SdkResult<D, E>, status: number, code: ErrorCode): ErrorEnvelope {
  expect(result.response?.status, describeResult(result)).toBe(status);
  expectJsonContentType(result.response);
  expect(result.data).toBeUndefined();
  const body: unknown = result.error;
  expectEnvelope(body);
  expect(body.error.error_code).toBe(code);
  if (code !== 32) expect(body.error.message).toBe(errorCodes[code].message);
  return body;
}

/** 404 with exactly Monica's not-found body. */
export function expectNotFound<D, E>(result: SdkResult<D, E>): void {
  expectError(result, 404, 31);
  expect(result.error).toEqual(NOT_FOUND_BODY);
}

/** 422 code 32 with exactly these messages, in this order: the sentences Laravel's validator would send. */
export function expectValidationError<D, E>(result: SdkResult<D, E>, messages: readonly string[], what?: string): string[] {
  const sent = expectError(result, 422, 32).error.message;
  // `what` names the input when one assertion runs in a loop.
  expect(sent, what ? `${what}: ${describeResult(result)}` : describeResult(result)).toEqual(messages);
  return sent as string[];
}

/** A page of a Laravel list: links that hold only the page number (prev and next where there is one), and this meta. */
export function expectPage(body: { links: unknown; meta: unknown }, path: string, meta: { current_page: number; last_page: number; [key: string]: unknown }): void {
  const at = (page: number) => `${path}?page=${page}`;
  const { current_page: page, last_page: last } = meta;
  expect(body.links).toEqual({ first: at(1), last: at(last), prev: page > 1 ? at(page - 1) : null, next: page < last ? at(page + 1) : null });
  expect(body.meta).toMatchObject({ ...meta, path });
}

/** Spends a rate-limit budget of `limit` calls: each answered, X-RateLimit-Limit and X-RateLimit-Remaining counting down. */
export async function spendBudget(limit: number, call: () => Promise<SdkResult<unknown, unknown>>): Promise<void> {
  for (let i = 1; i <= limit; i += 1) {
    const result = await call();
    ok(result);
    expect(result.response.headers.get('X-RateLimit-Limit')).toBe(String(limit));
    expect(result.response.headers.get('X-RateLimit-Remaining')).toBe(String(limit - i));
  }
}

/** 429 with code 34, nothing left of the budget, and a Retry-After of whole seconds, at most a minute. */
export function expectRateLimited<D, E>(result: SdkResult<D, E>): ErrorEnvelope {
  const body = expectError(result, 429, 34);
  const retryAfter = Number(result.response.headers.get('Retry-After'));
  expect(Number.isInteger(retryAfter), `Retry-After ${retryAfter}`).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(result.response.headers.get('X-RateLimit-Remaining')).toBe('0');
  return body;
}

/**
 * The bodies a required text field of at most `max` characters refuses, each with the message the server answers:
 * missing, empty, only spaces, one character too long, a number (Laravel's `string` rule: 'must be a string.').
 */
export function requiredTextRefusals(field: string, max = 255): [body: Record<string, unknown>, message: string][] {
  const name = field.replace(/_/g, ' ');
  return [
    [{}, `The ${name} field is required.`],
    [{ [field]: '' }, `The ${name} field is required.`],
    [{ [field]: '   ' }, `The ${name} field is required.`],
    [{ [field]: 'x'.repeat(max + 1) }, `The ${name} may not be greater than ${max} characters.`],
    [{ [field]: 12 }, `The ${name} must be a string.`],
  ];
}

/** 401 with exactly Laravel's body, not the envelope. */
export function expectUnauthenticated<D, E>(result: SdkResult<D, E>): void {
  expect(result.response?.status, describeResult(result)).toBe(401);
  expectJsonContentType(result.response);
  expect(result.error).toEqual(UNAUTHENTICATED_BODY);
}

/** Demo data of one kind is varied: at least `least.count` objects, on `least.contacts` contacts, of `least.kinds` kinds. */
export function expectVariety<T extends { contact: { id: number } }>(items: readonly T[], kindOf: (item: T) => unknown, least: { count: number; contacts: number; kinds: number }): void {
  expect(items.length, 'how many').toBeGreaterThanOrEqual(least.count);
  expect(new Set(items.map((item) => item.contact.id)).size, 'on how many contacts').toBeGreaterThanOrEqual(least.contacts);
  expect(new Set(items.map(kindOf)).size, 'of how many kinds').toBeGreaterThanOrEqual(least.kinds);
}
