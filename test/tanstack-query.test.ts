// The generated TanStack Query helpers (hey-api's @tanstack/react-query plugin), run with @tanstack/query-core
// alone (no React) against a real reference server: every list's query options, every read of one object, and a
// create, update and delete through the generated mutations, each answer checked against the contract.
import { MutationObserver, QueryClient } from '@tanstack/query-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as queries from '../generated/client/@tanstack/react-query.gen.js';
import { loadContract, operations, type OperationMeta } from '../contract/index.js';
import { responseProblems } from '../contract/responses.js';
import { closeTestServers, startTestServer, type TestServer } from './helpers/server.js';

const contract = loadContract();
type AnyOptions = (options: Record<string, unknown>) => { queryKey: unknown; queryFn?: unknown };
const optionsOf = (operationId: string) => (queries as unknown as Record<string, AnyOptions>)[`${operationId}Options`];

let server: TestServer;
let queryClient: QueryClient;

beforeAll(async () => {
  server = await startTestServer({ demoData: true });
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
});
afterAll(closeTestServers);

/** The body a GET answered, judged by the contract as the JSON it is. */
function problemsOf(op: OperationMeta, data: unknown): string[] {
  return responseProblems({
    method: 'GET',
    template: op.path,
    status: op.successStatus,
    headers: { 'content-type': 'application/json', 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59' },
    body: JSON.stringify(data),
  }, contract);
}

const reads = (Object.values(operations) as OperationMeta[]).filter((op) => op.method === 'get' && op.authRequired);

describe('generated TanStack Query helpers with query-core', () => {
  it('has query options for every read and a mutation for every write', () => {
    for (const op of Object.values(operations) as OperationMeta[]) {
      const name = op.method === 'get' ? `${op.operationId}Options` : `${op.operationId}Mutation`;
      expect(queries, name).toHaveProperty(name);
    }
  });

  it('fetches every list without path parameters, and answers what the contract says', async () => {
    const lists = reads.filter((op) => Object.keys(op.pathParams).length === 0);
    expect(lists.length).toBeGreaterThan(20);
    for (const op of lists) {
      const data = await queryClient.fetchQuery(optionsOf(op.operationId)!({ client: server.demo }) as never);
      expect(problemsOf(op, data), op.operationId).toEqual([]);
    }
  });

  it('fetches one object of every resource that has a list and a read, by an id the list gave', async () => {
    let fetched = 0;
    for (const op of reads.filter((o) => Object.keys(o.pathParams).length === 1 && /\/\{id\}$/.test(o.path))) {
      const resource = op.pathParams['id']!.references;
      if (op.path !== `/${resource}/{id}`) continue;
      const list = Object.values(operations).find((o) => o.method === 'get' && o.path === `/${resource}`);
      if (!list) continue;
      const page = (await queryClient.fetchQuery(optionsOf(list.operationId)!({ client: server.demo }) as never)) as { data: { id: number }[] };
      if (page.data.length === 0) continue;
      const data = await queryClient.fetchQuery(optionsOf(op.operationId)!({ client: server.demo, path: { id: page.data[0]!.id } }) as never);
      expect(problemsOf(op, data), op.operationId).toEqual([]);
      expect((data as { data: { id: number } }).data.id).toBe(page.data[0]!.id);
      fetched++;
    }
    expect(fetched).toBeGreaterThan(15);
  });

  it('creates, updates and deletes through the generated mutations, and the queries see each change', async () => {
    const run = async <T>(mutation: unknown, variables: unknown): Promise<T> =>
      new MutationObserver(queryClient, mutation as never).mutate(variables as never) as Promise<T>;
    const created = await run<{ data: { id: number; body: string } }>(queries.createNoteMutation({ client: server.demo }), {
      body: { contact_id: 1, body: 'Met at the query-core test' },
    });
    expect(created.data.body).toBe('Met at the query-core test');
    const options = queries.getNoteOptions({ client: server.demo, path: { id: created.data.id } });
    expect((await queryClient.fetchQuery(options)).data.body).toBe('Met at the query-core test');

    await run(queries.updateNoteMutation({ client: server.demo }), { path: { id: created.data.id }, body: { contact_id: 1, body: 'Changed' } });
    await queryClient.invalidateQueries({ queryKey: options.queryKey });
    expect((await queryClient.fetchQuery(options)).data.body).toBe('Changed');

    const deleted = await run<{ deleted: boolean; id: number }>(queries.deleteNoteMutation({ client: server.demo }), { path: { id: created.data.id } });
    expect(deleted).toMatchObject({ deleted: true, id: created.data.id });
    queryClient.removeQueries({ queryKey: options.queryKey });
    await expect(queryClient.fetchQuery(options)).rejects.toMatchObject({ error: { error_code: 31 } });
  });
});
