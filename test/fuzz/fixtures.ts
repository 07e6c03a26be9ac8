// Real objects for the ids a request names, made through the API with the conformance run's own fixture rules
// (scripts/dredd/resources/*.cjs), so the fuzzer and Dredd agree on how each resource is built.
//
// Generated cases hold markers instead of ids, so a counterexample reads the same in every run:
//   "@fixture:contacts"         the id of a contact kept for the run (made on first use)
//   "@fixture:contacts:string"  the same id written as text ("12")
//   "@fresh:contacts"           a new contact for this case only (what a successful delete consumes)
//   "@params:messageId"         a value from the path's own rule (paths with two ids)
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const RESOURCES_DIR = fileURLToPath(new URL('../../conformance/dredd/resources/', import.meta.url));

type Factory = (ctx: FixtureContext) => Promise<number>;
interface PathRule {
  params?: (ctx: FixtureContext) => Promise<Record<string, number>>;
  disposable?: (ctx: FixtureContext) => Promise<Record<string, number>>;
}
interface ResourceModule {
  factories?: Record<string, Factory>;
  bodyRefs?: Record<string, string>;
  paths?: Record<string, PathRule>;
}

const modules: ResourceModule[] = readdirSync(RESOURCES_DIR)
  .filter((f) => f.endsWith('.cjs'))
  .sort()
  .map((f) => require(`${RESOURCES_DIR}${f}`) as ResourceModule);

export const factories: Record<string, Factory> = Object.assign({}, ...modules.map((m) => m.factories ?? {}));
export const pathRules: Record<string, PathRule> = Object.assign({}, ...modules.map((m) => m.paths ?? {}));

/**
 * Body fields that name another object, and the fixture that fills them: the conformance run's list, except
 * that the second person of a link (partner, child, the other side of a relationship) is a different contact.
 */
export const bodyLinks: Record<string, string> = {
  ...Object.assign({}, ...modules.map((m) => m.bodyRefs ?? {})),
  of_contact: 'relatives',
  partner_id: 'relatives',
  child_id: 'relatives',
};
/** Fields whose meaning depends on the operation (`tags` holds names for setTags, ids for unsetTag). */
export const operationLinks: Record<string, Record<string, string>> = {
  unsetContactTag: { tags: 'tags' },
  setContactTags: { tags: '' },
};

export interface ApiAnswer {
  status: number;
  json: any;
}

/** The interface the resource modules call (`ctx` in scripts/dredd/hooks.cjs). */
export interface FixtureContext {
  MISSING_ID: number;
  api(method: string, urlPath: string, body?: unknown, token?: string): Promise<ApiAnswer>;
  create(collection: string, body: unknown, options?: { expect?: number[] }): Promise<number>;
  fresh(name: string): Promise<number>;
  fixture(name: string): Promise<number>;
}

/** The fixture a path's `{id}` names: the factory named like the path's first segment. */
export const fixtureForPath = (template: string): string => template.split('/')[1]!;

export class Fixtures implements FixtureContext {
  readonly MISSING_ID = 999_999_999;
  private cache = new Map<string, Promise<number>>();

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async api(method: string, urlPath: string, body?: unknown, token: string = this.token): Promise<ApiAnswer> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const init: RequestInit = { method, headers };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(`${this.baseUrl}${urlPath}`, init);
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json };
  }

  async create(collection: string, body: unknown, { expect = [200, 201] }: { expect?: number[] } = {}): Promise<number> {
    const { status, json } = await this.api('POST', collection, body);
    if (!expect.includes(status) || !json?.data?.id) {
      throw new Error(`fixture POST ${collection} answered ${status}: ${JSON.stringify(json).slice(0, 300)}`);
    }
    return json.data.id as number;
  }

  fresh(name: string): Promise<number> {
    const factory = factories[name];
    if (!factory) throw new Error(`no fixture factory named "${name}"`);
    return factory(this);
  }

  fixture(name: string): Promise<number> {
    let id = this.cache.get(name);
    if (!id) {
      id = this.fresh(name);
      // A failed factory is not kept: the next case tries again.
      id.catch(() => this.cache.delete(name));
      this.cache.set(name, id);
    }
    return id;
  }

  /** Forgets every kept fixture (after a delete, which may have removed one of them or its owner). */
  forget(): void {
    this.cache.clear();
  }

  /** Replaces the markers in a path's values, a JSON value or a form field. */
  async resolve<T>(value: T, template: string): Promise<T> {
    const params = new Map<string, Promise<Record<string, number>>>();
    const marker = async (text: string): Promise<unknown> => {
      const m = /^@(fixture|fresh|params|disposable):([A-Za-z]+)(:string)?$/.exec(text);
      if (!m) return text;
      const [, kind, name, asString] = m;
      let id: number;
      if (kind === 'fixture') id = await this.fixture(name!);
      else if (kind === 'fresh') id = await this.fresh(name!);
      else {
        const rule = pathRules[template];
        const make = kind === 'params' ? rule?.params : rule?.disposable;
        if (!make) throw new Error(`no ${kind} rule for ${template}`);
        if (!params.has(kind!)) params.set(kind!, make(this));
        id = (await params.get(kind!)!)[name!]!;
      }
      return asString ? String(id) : id;
    };
    const walk = async (node: unknown): Promise<unknown> => {
      if (typeof node === 'string') return marker(node);
      if (Array.isArray(node)) return Promise.all(node.map(walk));
      if (node && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(node)) out[k] = await walk(v);
        return out;
      }
      return node;
    };
    return (await walk(value)) as T;
  }
}
