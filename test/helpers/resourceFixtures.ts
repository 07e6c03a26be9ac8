// Fixtures made through the API with the same per-resource rules the Dredd hooks use
// (conformance/dredd/resources/*.cjs), so the fuzzer, the isolation tests and Dredd agree on how each kind of
// object is made, in either account.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const RESOURCES_DIR = fileURLToPath(new URL('../../conformance/dredd/resources/', import.meta.url));

type Body = Record<string, unknown>;

export interface FixtureContext {
  api(method: string, path: string, body?: unknown, token?: string, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
  create(collection: string, body: unknown, options?: { expect?: number[] }): Promise<number>;
  fresh(name: string): Promise<any>;
  fixture(name: string): Promise<any>;
  /** Forgets every kept fixture (after a delete that may have removed one of them or its owner). */
  forget(): void;
  MISSING_ID: number;
}

export interface PathRule {
  params?: (ctx: FixtureContext) => Promise<Record<string, number>>;
  /** Ids for a successful delete: objects made for it alone. */
  disposable?: (ctx: FixtureContext) => Promise<Record<string, number>>;
  body?: (body: Body, ctx: FixtureContext, status: number) => Promise<Body>;
}

interface ResourceModule {
  factories?: Record<string, (ctx: FixtureContext) => Promise<unknown>>;
  bodyRefs?: Record<string, string>;
  paths?: Record<string, PathRule>;
}

const modules: ResourceModule[] = readdirSync(RESOURCES_DIR)
  .filter((f) => f.endsWith('.cjs'))
  .sort()
  .map((f) => require(`${RESOURCES_DIR}${f}`) as ResourceModule);

export const factories = Object.assign({}, ...modules.map((m) => m.factories ?? {})) as Record<string, (ctx: FixtureContext) => Promise<unknown>>;
export const pathRules = Object.assign({}, ...modules.map((m) => m.paths ?? {})) as Record<string, PathRule>;
/** Body fields that name another object, and the fixture that provides one. */
export const bodyRefs = Object.assign({}, ...modules.map((m) => m.bodyRefs ?? {})) as Record<string, string>;

/** A fixture context bound to one server and one account's token. */
export function fixtureContext(baseUrl: string, token: string): FixtureContext {
  const cache = new Map<string, Promise<unknown>>();
  const ctx: FixtureContext = {
    MISSING_ID: 999_999_999,
    async api(method, path, body, as = token, headers = {}) {
      const init: RequestInit & { headers: Record<string, string> } = { method, headers: { Accept: 'application/json', ...headers } };
      if (as) init.headers.Authorization = `Bearer ${as}`;
      if (body instanceof FormData) init.body = body;
      else if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
      const response = await fetch(`${baseUrl}${path}`, init);
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, json };
    },
    async create(collection, body, { expect = [200, 201] } = {}) {
      const { status, json } = await ctx.api('POST', collection, body);
      if (!expect.includes(status) || !json?.data?.id) throw new Error(`fixture POST ${collection} answered ${status}: ${JSON.stringify(json).slice(0, 300)}`);
      return json.data.id as number;
    },
    async fresh(name) {
      const factory = factories[name];
      if (!factory) throw new Error(`no fixture factory named "${name}"`);
      return factory(ctx);
    },
    fixture(name) {
      let made = cache.get(name);
      if (!made) {
        made = ctx.fresh(name);
        // A failed factory is not kept: the next caller tries again.
        made.catch(() => cache.delete(name));
        cache.set(name, made);
      }
      return made;
    },
    forget() {
      cache.clear();
    },
  };
  return ctx;
}
