// Real objects for the ids a request names, made through the API by the conformance fixture registry
// (conformance/fixtures), so the fuzzer, the checks and Dredd agree on how each resource is made.
//
// Generated cases hold markers instead of ids, so a counterexample reads the same in every run:
//   "@fixture:contacts"          the id of a contact kept for the run (made on first use)
//   "@fixture:contacts:1"        another kept contact (the second person a request names)
//   "@fixture:contacts:0:string" the same id written as text ("12")
//   "@path:messageId"            the path's own value for {messageId}: kept objects for a read, a new object for
//                                the last id of any write (so that no case changes what the next one reads)
//   "@unique:text"               the text made unique in the account, for a field whose description wants it so
//                                (a contact's email): a token of UNIQUE_TOKEN_LENGTH characters put before it, new
//                                for each request (blank text is left as it is: it is stored as no value)
// A path parameter that names no object (no `x-references`: the month of /reminders/upcoming/{month}) holds no
// marker: its value is drawn from its schema like any other input.
import { FixtureRegistry, httpSend, MISSING_ID, referenceSlots } from '../../conformance/fixtures/index.js';
import { operation, type Operation } from '../../conformance/contract.js';
import { request, type HttpOptions, type HttpReply } from '../../conformance/http.js';
import { trimSpaces } from './roundTrip.js';

export { MISSING_ID, referenceSlots };

/** The length of the token `@unique:` puts before a text (a generator leaves that much room under maxLength). */
export const UNIQUE_TOKEN_LENGTH = 8;

/** The marker of a text that must be unique in the account (see above). */
export const uniqueMarker = (text: string): string => `@unique:${text}`;

/** The marker of a kept object: `@fixture:contacts:1`, as text (`:string`) when a form or a path carries it. */
export const fixtureMarker = (resource: string, nth = 0, asString = false): string => `@fixture:${resource}:${nth}${asString ? ':string' : ''}`;

/** The path parameters that name objects of the account (`x-references`), in path order. */
export const idParameters = (op: Pick<Operation, 'pathParams'>): string[] =>
  Object.entries(op.pathParams)
    .filter(([, param]) => param.references !== undefined)
    .map(([name]) => name);

/** The markers of a path's ids: each resolved by the registry (a write's last id names a new object). */
export const pathMarkers = (op: Pick<Operation, 'pathParams'>): Record<string, string> =>
  Object.fromEntries(idParameters(op).map((name) => [name, `@path:${name}`]));

/** Whether a case's path names only the registry's own objects (not an id a breaker put there). */
export const namesOwnObjects = (op: Pick<Operation, 'pathParams'>, path: Record<string, string>): boolean =>
  idParameters(op).every((name) => path[name]?.startsWith('@path:'));

/** One account's fixtures for the fuzzer, and the markers of generated cases resolved into them. */
export class Fixtures extends FixtureRegistry {
  private uniqueTexts = 0;

  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {
    super(httpSend(baseUrl, token));
  }

  /** A request with this account's token, or another (`''` for none). */
  api(method: string, path: string, body?: HttpOptions['body'], token = this.token): Promise<HttpReply> {
    return request(this.baseUrl, method, path, { body, token });
  }

  /** Replaces the markers in a case's path values, JSON body and form fields. */
  async resolve<T>(value: T, operationId: string): Promise<T> {
    const op = operation(operationId);
    await this.prepare(op);
    let pathValues: Promise<Record<string, number>> | undefined;
    const marker = async (text: string): Promise<unknown> => {
      const kept = /^@fixture:([a-z]+):(\d+)(:string)?$/.exec(text);
      if (kept) {
        const id = await this.get(kept[1]!, Number(kept[2]));
        return kept[3] ? String(id) : id;
      }
      const unique = /^@unique:([\s\S]*)$/.exec(text);
      if (unique) {
        if (trimSpaces(unique[1]!) === '') return unique[1];
        this.uniqueTexts += 1;
        return `u${this.uniqueTexts.toString(36).padStart(UNIQUE_TOKEN_LENGTH - 1, '0')}${unique[1]}`;
      }
      const own = /^@path:([A-Za-z]+)$/.exec(text);
      if (own) {
        pathValues ??= this.pathValues(op, { fresh: op.method !== 'get' });
        return String((await pathValues)[own[1]!]);
      }
      return text;
    };
    const walk = async (node: unknown): Promise<unknown> => {
      if (typeof node === 'string') return marker(node);
      if (Array.isArray(node)) return Promise.all(node.map(walk));
      // Plain objects, with or without a prototype (fast-check's records are sometimes made without one).
      if (node && typeof node === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(node))) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(node)) out[k] = await walk(v);
        return out;
      }
      return node;
    };
    return (await walk(value)) as T;
  }
}
