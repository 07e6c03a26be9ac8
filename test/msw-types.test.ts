// The option types of the generated MSW factories: what the spec documents compiles, anything else does not.
// `npm run typecheck` checks the `@ts-expect-error` lines (an expected error that does not happen fails it); the
// tests check at run time what the factories do with the same options.
import { describe, expect, it } from 'vitest';
import type { CreateContactErrors, GetContactResponses } from '../generated/client/types.gen.js';
import { mswHandlers, type GetContactMock, type MockOptions } from '../generated/msw/index.js';
import { loadContract, operations } from '../contract/index.js';

const contract = loadContract();

/** A contact as the contract's first example of getContact's 200 gives it. */
function contactBody(): GetContactResponses[200] {
  const media = contract.response('getContact', 200)!.response['content'] as Record<string, { examples: Record<string, unknown> }>;
  const first = Object.values(media['application/json']!.examples)[0];
  return (contract.resolve(first as never) as { value: GetContactResponses[200] }).value;
}

describe('MSW factory options, typed from the spec', () => {
  it('accept a documented example name, status, or a body of the status\'s type', () => {
    const contact = contactBody();
    const invalid: CreateContactErrors[422] = { error: { message: ['The first name field is required.'], error_code: 32 } };
    const accepted: MockOptions<GetContactMock, 200>[] = [{}, { example: 'partial' }, { status: 404 }, { status: 400, example: 'invalidSort' }, { body: contact }];
    const built = [
      ...accepted.map((options) => mswHandlers.getContact(options)),
      mswHandlers.createContact({ status: 422, body: invalid }),
      mswHandlers.createContact({ status: 201, once: true }),
    ];
    // Each is an MSW handler of its operation's method and path, at any base URL ending in /api.
    expect(built.map((handler) => handler.info.method)).toEqual([
      ...accepted.map(() => operations.getContact.method.toUpperCase()),
      operations.createContact.method.toUpperCase(),
      operations.createContact.method.toUpperCase(),
    ]);
    expect(built[0]!.info.path).toBe(`*/api${operations.getContact.path.replace('{id}', ':id')}`);
  });

  it('refuse an example, a status or a body the spec does not document', () => {
    // @ts-expect-error 'nope' is not an example of getContact's success status
    expect(() => mswHandlers.getContact({ example: 'nope' })).toThrow(/getContact has no example "nope" for 200/);
    // @ts-expect-error 418 is not a documented status of getContact
    expect(() => mswHandlers.getContact({ status: 418 })).toThrow(/getContact documents no 418 response/);
    // @ts-expect-error example names belong to their status: 'partial' is a 200 example, not a 404 one
    expect(() => mswHandlers.getContact({ status: 404, example: 'partial' })).toThrow(/no example "partial" for 404/);

    // The wrong bodies below would be answered as given: only the compiler refuses them.
    // @ts-expect-error a contact's id is an integer
    expect(mswHandlers.getContact({ body: { data: { ...contactBody().data, id: 'one' } } }).info.method).toBe('GET');
    // @ts-expect-error the body of a 404 is the error envelope, not a contact
    expect(mswHandlers.getContact({ status: 404, body: contactBody() }).info.method).toBe('GET');
    // @ts-expect-error a failed validation's message is a list of sentences
    expect(mswHandlers.createNote({ status: 422, body: { error: { message: 'x', error_code: 32 } } }).info.method).toBe('POST');
    // @ts-expect-error an example and a body at once
    expect(mswHandlers.getContact({ example: 'partial', body: contactBody() }).info.method).toBe('GET');
  });
});
