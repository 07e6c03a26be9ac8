// Real objects for the ids a request names, made through the API with the conformance run's own fixture rules
// (conformance/dredd/resources/*.cjs), so the fuzzer and Dredd agree on how each resource is built.
//
// Generated cases hold markers instead of ids, so a counterexample reads the same in every run:
//   "@fixture:contacts"         the id of a contact kept for the run (made on first use)
//   "@fixture:contacts:string"  the same id written as text ("12")
//   "@fresh:contacts"           a new contact for this case only (what a successful delete consumes)
//   "@params:messageId"         a value from the path's own rule (paths with two ids)
import { bodyRefs, fixtureContext, pathRules, type FixtureContext } from '../helpers/resourceFixtures.js';

/**
 * Body fields that name another object, and the fixture that fills them: the conformance run's list, except
 * that the second person of a link (partner, child, the other side of a relationship) is a different contact.
 */
export const bodyLinks: Record<string, string> = {
  ...bodyRefs,
  of_contact: 'relatives',
  partner_id: 'relatives',
  child_id: 'relatives',
};
/** Fields whose meaning depends on the operation (`tags` holds names for setTags, ids for unsetTag). */
export const operationLinks: Record<string, Record<string, string>> = {
  unsetContactTag: { tags: 'tags' },
  setContactTags: { tags: '' },
};

/** The fixture a path's `{id}` names: the factory named like the path's first segment. */
export const fixtureForPath = (template: string): string => template.split('/')[1]!;

/** One account's fixtures for the fuzzer, and the markers of generated cases resolved into them. */
export class Fixtures {
  private readonly ctx: FixtureContext;
  readonly api: FixtureContext['api'];
  readonly fresh: FixtureContext['fresh'];
  readonly fixture: FixtureContext['fixture'];
  readonly forget: FixtureContext['forget'];

  constructor(baseUrl: string, token: string) {
    this.ctx = fixtureContext(baseUrl, token);
    this.api = this.ctx.api;
    this.fresh = this.ctx.fresh;
    this.fixture = this.ctx.fixture;
    this.forget = this.ctx.forget;
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
        if (!params.has(kind!)) params.set(kind!, make(this.ctx));
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
