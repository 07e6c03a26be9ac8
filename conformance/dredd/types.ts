// What Dredd 14 hands the hooks and the runner, as far as conformance reads or writes it.

/** One transaction as the hooks see it: one documented (operation, status) of the spec. */
export interface DreddTransaction {
  name: string;
  /** `resourceName` is the spec's path template (`/contacts/{id}`). */
  origin: { resourceName: string };
  request: { method: string; uri: string; headers: Record<string, string>; body: string; bodyEncoding?: 'utf-8' | 'base64' };
  /** The documented status (Dredd keeps it as text), and what Dredd would compare besides it. */
  expected: { statusCode: string | number; headers?: Record<string, string>; body?: string; bodySchema?: unknown };
  /** The server's answer, once there is one. */
  real?: { statusCode: number; headers: Record<string, string>; body: string };
  fullPath: string;
  skip: boolean;
  /** Set to a message to fail the transaction. */
  fail: boolean | string;
  /** Dredd's record of the test: the hooks add the contract's problems, which the runner reports. */
  test?: { problems?: string[] };
}

type Done = () => void;

/** The object `require('hooks')` gives a hook file (Dredd's Node.js hooks API). */
export interface DreddHooks {
  beforeAll(hook: (transactions: DreddTransaction[], done: Done) => void): void;
  beforeEach(hook: (transaction: DreddTransaction, done: Done) => void): void;
  beforeEachValidation(hook: (transaction: DreddTransaction) => void): void;
  afterEach(hook: (transaction: DreddTransaction, done: Done) => void): void;
  afterAll(hook: (transactions: DreddTransaction[], done: Done) => void): void;
}

/** What Dredd compiles from the spec: one per documented (operation, status). */
export interface CompiledTransaction {
  name: string;
  request: { method: string; uri: string };
  response: { status: string };
  origin: { resourceName: string };
  apiDescription?: { location: string; mediaType: string };
}

/** What Dredd reports for one transaction (`transaction.test`), with the problems the hooks found. */
export interface DreddTest {
  title: string;
  message?: string;
  origin: { resourceName: string };
  request?: { method: string; uri: string; headers?: Record<string, string>; body?: string; bodyEncoding?: string };
  actual?: { statusCode: number; headers?: Record<string, string>; body?: string; bodyEncoding?: string };
  results?: { fields?: { statusCode?: { errors?: Array<{ message: string }> } } };
  problems?: string[];
}

/** How the hooks name a transaction to the runner when they skip it: `GET /me/compliance 404`. */
export const transactionKey = (method: string, template: string, status: string | number): string => `${method.toUpperCase()} ${template} ${status}`;

/**
 * Where the conformance runner leaves the hooks' registration for the hook file (hooks.cjs), so that an
 * in-process run registers the hooks the runner itself loaded. The same key is written in hooks.cjs.
 */
export const IN_PROCESS_HOOKS = Symbol.for('monica-contract.conformance.dredd-hooks');
