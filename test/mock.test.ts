// The Prism mock answers every operation of the contract, under the same /api base URL as a real Monica.
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../mock/prism.js';
import { operationCalls, operationCount } from './helpers/mockCalls.js';

describe('Prism mock of the whole contract', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMock();
  }, 60_000);
  afterAll(async () => {
    await mock?.stop();
  });

  it('answers every operation at /api, uploads included, with its documented success status and example', async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const problems: string[] = [];
    const all = operationCalls(mock.url);
    expect(all.length).toBe(operationCount());
    for (const call of all) {
      const res = await fetch(call.url, { method: call.method, headers: call.headers, body: call.body() });
      const text = await res.text();
      if (String(res.status) !== call.success) problems.push(`${call.operationId}: ${res.status} (documented success ${call.success}) ${text.slice(0, 200)}`);
      else if (!/^application\/json\b/.test(res.headers.get('content-type') ?? '')) problems.push(`${call.operationId}: content type ${res.headers.get('content-type')}`);
      else {
        // The answer is one of the examples written in the spec, not a body Prism made up from the schema.
        const body = JSON.parse(text);
        const examples = Object.values(call.successExamples);
        if (examples.length === 0) problems.push(`${call.operationId}: the spec has no example for ${call.success}`);
        else if (!examples.some((example) => isDeepStrictEqual(example, body))) problems.push(`${call.operationId}: answered a body that is none of its examples`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('answers each named example when asked with Prefer: example=<name>', async () => {
    const named = operationCalls(mock.url).filter((call) => Object.keys(call.successExamples).filter((n) => n !== 'example').length > 1);
    expect(named.map((call) => call.key)).toEqual(expect.arrayContaining(['GET /contacts/{id}']));
    for (const call of named) {
      for (const [name, example] of Object.entries(call.successExamples)) {
        const res = await fetch(call.url, { method: call.method, headers: { ...call.headers, Prefer: `example=${name}` }, body: call.body() });
        expect(res.status, `${call.key} example=${name}`).toBe(Number(call.success));
        expect(await res.json(), `${call.key} example=${name}`).toEqual(example);
      }
    }
  });

  it('answers a documented error example when asked with Prefer: code=404', async () => {
    const res = await fetch(`${mock.url}/contacts/1`, { headers: { Authorization: 'Bearer x', Prefer: 'code=404' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { message: 'The resource has not been found', error_code: 31 } });
  });

  it('refuses a call without a token with 401, as Monica does', async () => {
    const res = await fetch(`${mock.url}/contacts`);
    expect(res.status).toBe(401);
  });
});
