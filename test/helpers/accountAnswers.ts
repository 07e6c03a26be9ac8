// Every answer the Monica API gives one account to a GET (the operations that need its token), as the exact text the
// server sent: each list (every page, at its largest limit), each object of every id those lists name, each contact's
// sub-lists, the upcoming reminders of the next months, and the bytes of every stored file the answers link to. Two
// such maps are equal exactly when the account reads the same, byte for byte.
import { operations } from '../../generated/server/operations.gen.js';
import { resources } from '../../generated/server/contract.gen.js';

type Op = (typeof operations)[keyof typeof operations];

// The account's answers: public operations (terms, currencies, the instance's statistics) say nothing of it.
const GETS: readonly Op[] = Object.values(operations).filter((op) => op.method === 'get' && op.authRequired);

/** Values for path parameters that name no resource: the next twelve months of upcoming reminders. */
const OTHER_PARAMS: Readonly<Record<string, readonly number[]>> = { month: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] };

/** The resource whose ids a list operation's `data` holds. */
const LISTED: ReadonlyMap<string, string> = new Map(
  Object.entries(resources).flatMap(([resource, ops]) => {
    const lists: Array<string | undefined> = ['list' in ops ? ops.list : undefined, 'listForContact' in ops ? ops.listForContact : undefined];
    return lists.filter((id): id is string => id !== undefined).map((id) => [id, resource] as const);
  }),
);

/** Reference data every server shares (not the account's): listed, but its objects are not opened one by one. */
const SHARED = new Set(['currencies', 'compliance']);

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

export interface AnswersOptions {
  /** `lists`: only the operations without a path parameter (the lists, the user); `everything` (the default) too. */
  depth?: 'lists' | 'everything';
}

export async function accountAnswers(apiUrl: string, token: string, options: AnswersOptions = {}): Promise<Map<string, string>> {
  const origin = new URL(apiUrl).origin;
  const answers = new Map<string, string>();
  const ids = new Map<string, Set<number>>();
  const links = new Set<string>();
  const headers = { Authorization: `Bearer ${token}` };

  const note = (resource: string, id: unknown) => {
    if (typeof id !== 'number') return;
    if (!ids.has(resource)) ids.set(resource, new Set());
    ids.get(resource)!.add(id);
  };
  // Contacts are also named inside other answers (partial contacts are never listed); links lead to stored files.
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (o.object === 'contact') note('contacts', o.id);
      if (typeof o.link === 'string' && o.link.startsWith(`${origin}/storage/`)) links.add(o.link);
      Object.values(o).forEach(walk);
    }
  };

  const get = async (op: Op, path: string): Promise<void> => {
    let page = 1;
    for (;;) {
      const query = op.paging ? `?limit=${op.paging.maxLimit}&page=${page}` : '';
      const res = await fetch(`${apiUrl}${path}${query}`, { headers });
      const text = await res.text();
      answers.set(`${path}${query}`, `${res.status} ${text}`);
      if (res.status !== 200) return;
      const body = JSON.parse(text) as { data?: unknown; meta?: { last_page?: number } };
      walk(body);
      const resource = LISTED.get(op.operationId);
      if (resource && Array.isArray(body.data)) for (const item of body.data) note(resource, (item as { id?: unknown }).id);
      if (!op.paging || page >= (body.meta?.last_page ?? 1)) return;
      page += 1;
    }
  };

  // The lists first (they name the ids), then what the ids open, until nothing new is named.
  const fixed = GETS.flatMap((op) => {
    const params = Object.keys(op.pathParams);
    if (params.length === 0) return [{ op, path: op.path }];
    const [name] = params;
    const values = params.length === 1 ? OTHER_PARAMS[name!] : undefined;
    return (values ?? []).map((v) => ({ op, path: op.path.replace(`{${name}}`, String(v)) }));
  });
  await inBatches(fixed, 8, ({ op, path }) => get(op, path));
  const done = new Set<string>();
  while (options.depth !== 'lists') {
    const pending: Array<{ op: Op; path: string }> = [];
    for (const op of GETS) {
      const param = (op.pathParams as Record<string, { references?: string }>).id;
      if (!param?.references || SHARED.has(param.references)) continue;
      for (const id of ids.get(param.references) ?? []) {
        const path = op.path.replace('{id}', String(id));
        if (!done.has(path)) pending.push({ op, path });
      }
    }
    if (pending.length === 0) break;
    for (const { path } of pending) done.add(path);
    await inBatches(pending, 8, ({ op, path }) => get(op, path));
  }
  await inBatches([...links], 8, async (link) => {
    const res = await fetch(link);
    answers.set(`file ${link}`, `${res.status} ${Buffer.from(await res.arrayBuffer()).toString('base64')}`);
  });
  return answers;
}

/** The keys whose answers differ (or exist in one map only), for a readable failure. */
export function differences(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}
