// The objects a check needs, made through the API with the target's token and deleted again when the check
// ends (newest first). Bodies come from the contract's request examples; the ids an example names (`contact_id`,
// `company_id`, …) are replaced by fixtures of the account, so the same code serves every resource.
import { fillPath, operation, pathParameters, requestBody } from './contract.js';
import type { Session } from './session.js';

/** Kinds made by POSTing the create operation's example to `/{segment}`. */
const CREATED = {
  tag: ['tags', 'createTag'],
  note: ['notes', 'createNote'],
  group: ['groups', 'createGroup'],
  activity: ['activities', 'createActivity'],
  activitytype: ['activitytypes', 'createActivityType'],
  activitytypecategory: ['activitytypecategories', 'createActivityTypeCategory'],
  call: ['calls', 'createCall'],
  conversation: ['conversations', 'createConversation'],
  reminder: ['reminders', 'createReminder'],
  task: ['tasks', 'createTask'],
  gift: ['gifts', 'createGift'],
  debt: ['debts', 'createDebt'],
  address: ['addresses', 'createAddress'],
  contactfield: ['contactfields', 'createContactField'],
  contactfieldtype: ['contactfieldtypes', 'createContactFieldType'],
  company: ['companies', 'createCompany'],
  occupation: ['occupations', 'createOccupation'],
  journal: ['journal', 'createJournalEntry'],
  relationship: ['relationships', 'createRelationship'],
  ownGender: ['genders', 'createGender'],
} as const;

export type Kind =
  | keyof typeof CREATED
  | 'contact'
  | 'relative'
  | 'photo'
  | 'document'
  | 'message'
  | 'gender'
  | 'relationshiptype'
  | 'relationshiptypegroup'
  | 'currency'
  | 'term'
  | 'signature';

/** A contact body with the flags every create needs; `fields` adds names and the rest. */
export function contactBody(firstName: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { first_name: firstName, is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false, ...fields };
}

/** Body fields that name another object, and the fixture they get. */
const ID_FIELDS: Record<string, Kind> = {
  contact_id: 'contact',
  contact_is: 'contact',
  recipient_id: 'contact',
  contacts: 'contact',
  of_contact: 'relative',
  partner_id: 'relative',
  child_id: 'relative',
  company_id: 'company',
  activity_type_id: 'activitytype',
  activity_type_category_id: 'activitytypecategory',
  contact_field_type_id: 'contactfieldtype',
  relationship_type_id: 'relationshiptype',
  gender_id: 'gender',
};

/** Whether a body names other objects of the account by id. */
export function namesIds(body: Record<string, unknown>): boolean {
  return Object.entries(body).some(([field, value]) => value !== null && (field in ID_FIELDS || (field === 'tags' && Array.isArray(value))));
}

/** Fields made unique per fixture, so that runs never collide with each other or with the account's data. */
const UNIQUE_NAMES: Partial<Record<Kind, Record<string, string>>> = {
  tag: { name: 'conformance-tag' },
  group: { name: 'conformance group' },
  ownGender: { name: 'conformance gender' },
  company: { name: 'Conformance company' },
  contactfieldtype: { name: 'Conformance type' },
  activitytype: { name: 'Conformance activity type' },
  activitytypecategory: { name: 'Conformance category' },
};

let counter = 0;
/** A value no other fixture has: `prefix-k3j9x2-7`. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}-${counter}`;
}

/** A word of letters only (search engines may split words at digits or dashes) that nothing else holds. */
export function uniqueWord(prefix: string): string {
  const letters = Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  return `${prefix}${letters}`;
}

/** A 1x1 PNG and a tiny PDF, for uploads. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n% uploaded by the conformance checks\n%%EOF\n', 'utf8');

export function uploadForm(kind: 'photo' | 'document', contactId: number | string, withFile = true): FormData {
  const form = new FormData();
  form.append('contact_id', String(contactId));
  if (withFile) {
    form.append(kind, kind === 'photo' ? new File([PNG], 'conformance.png', { type: 'image/png' }) : new File([PDF], 'conformance.pdf', { type: 'application/pdf' }));
  }
  return form;
}

/** Which fixture a path parameter names, from the segment before it (`/notes/{id}` → note). */
const SEGMENT_KINDS: Record<string, Kind> = {
  contacts: 'contact',
  messages: 'message',
  photo: 'photo',
  photos: 'photo',
  documents: 'document',
  relationshiptypes: 'relationshiptype',
  relationshiptypegroups: 'relationshiptypegroup',
  currencies: 'currency',
  genders: 'ownGender',
  ...Object.fromEntries(Object.entries(CREATED).map(([kind, [segment]]) => [segment, kind as Kind])),
};

/** Gives the fields that must be unique in the account (names of tags, groups, …) a value of their own. */
export function withUniqueNames(segment: string, body: Record<string, unknown>): Record<string, unknown> {
  const kind = SEGMENT_KINDS[segment];
  const made = { ...body };
  for (const [field, prefix] of Object.entries((kind && UNIQUE_NAMES[kind]) ?? {})) made[field] = unique(prefix);
  return made;
}

export function kindOfParameter(template: string, parameter: string): Kind {
  if (template.startsWith('/me/compliance/')) return 'signature';
  if (template.startsWith('/compliance/')) return 'term';
  const segments = template.split('/');
  const at = segments.indexOf(`{${parameter}}`);
  const kind = SEGMENT_KINDS[segments[at - 1]];
  if (!kind) throw new Error(`no fixture for {${parameter}} in ${template}`);
  return kind;
}

/** Where a fixture of this kind can be read back (`GET`), when the contract has such an operation. */
export function readPath(kind: Kind, id: number): string | undefined {
  const segment = kind === 'contact' || kind === 'relative' ? 'contacts' : kind in CREATED ? CREATED[kind as keyof typeof CREATED][0] : undefined;
  if (kind === 'photo') return `/photos/${id}`;
  if (kind === 'document') return `/documents/${id}`;
  return segment ? `/${segment}/${id}` : undefined;
}

export class Fixtures {
  private readonly cache = new Map<Kind, Promise<number>>();
  /** Delete paths of what this check created, oldest first. */
  private readonly created: string[] = [];
  /** Every fixture id handed out, with its kind (for isolation snapshots). */
  readonly made: Array<{ kind: Kind; id: number }> = [];

  constructor(private readonly session: Session) {}

  /** The check's one fixture of a kind (made on first use). */
  get(kind: Kind): Promise<number> {
    let id = this.cache.get(kind);
    if (!id) {
      id = this.fresh(kind);
      this.cache.set(kind, id);
    }
    return id;
  }

  /** A new fixture of a kind. */
  async fresh(kind: Kind): Promise<number> {
    const id = await this.make(kind);
    this.made.push({ kind, id });
    return id;
  }

  /** The object was deleted by the check itself: nothing to clean up. */
  forget(deletePath: string): void {
    const at = this.created.indexOf(deletePath);
    if (at >= 0) this.created.splice(at, 1);
  }

  /** Remembers an object the check created by hand, to delete it at the end. */
  track(deletePath: string): void {
    this.created.push(deletePath);
  }

  async cleanup(): Promise<void> {
    for (const path of this.created.splice(0).reverse()) {
      try {
        await this.session.send('DELETE', path);
      } catch {
        // A server that went away mid-check has already failed the check; the rest cannot be cleaned up either.
        return;
      }
    }
  }

  /** An example body with every id it names replaced by a fixture of this account. */
  async fillIds(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const filled: Record<string, unknown> = { ...body };
    for (const [field, value] of Object.entries(filled)) {
      const kind = ID_FIELDS[field];
      if (!kind || value === null) continue;
      const id = await this.get(kind);
      filled[field] = Array.isArray(value) ? [id] : id;
    }
    // unsetTag names tags by id; setTags by name (the fixture tag's, so no new tag is made).
    if (Array.isArray(filled.tags)) {
      const tag = await this.get('tag');
      filled.tags = filled.tags.every((t) => typeof t === 'number') ? [tag] : [await this.tagName(tag)];
    }
    return filled;
  }

  /** Values for a template's path parameters, from fixtures. */
  async pathValues(template: string): Promise<Record<string, number>> {
    const values: Record<string, number> = {};
    for (const parameter of pathParameters(template)) values[parameter] = await this.get(kindOfParameter(template, parameter));
    return values;
  }

  async path(template: string): Promise<string> {
    return fillPath(template, await this.pathValues(template));
  }

  /** The example of an operation's request, ready to send with this account's ids. */
  async exampleBody(operationId: string): Promise<Record<string, unknown>> {
    const example = requestBody(operation(operationId))?.example;
    if (!example || typeof example !== 'object') throw new Error(`${operationId} has no request example`);
    return this.fillIds(example);
  }

  private readonly tagNames = new Map<number, string>();
  private async tagName(id: number): Promise<string> {
    const known = this.tagNames.get(id);
    if (known) return known;
    const reply = await this.session.send('GET', `/tags/${id}`);
    const name = reply.json?.data?.name;
    if (reply.status !== 200 || typeof name !== 'string') throw new Error(`fixture: ${reply.label} answered ${reply.status}`);
    return name;
  }

  // -------------------------------------------------------------------------------------------------------

  private async make(kind: Kind): Promise<number> {
    switch (kind) {
      case 'contact':
      case 'relative':
        return this.create('/contacts', contactBody(kind === 'contact' ? 'Conformance' : 'Relative', { last_name: unique('Fixture') }));
      case 'photo':
      case 'document':
        return this.create(`/${kind}s`, uploadForm(kind, await this.get('contact')));
      case 'message': {
        const conversation = await this.get('conversation');
        const reply = await this.session.send('POST', `/conversations/${conversation}/messages`, { json: await this.exampleBody('addConversationMessage') });
        const messages = reply.json?.data?.messages;
        if (!String(reply.status).startsWith('2') || !Array.isArray(messages) || messages.length === 0) {
          throw new Error(`fixture: ${reply.label} answered ${reply.status}, with no message in data.messages`);
        }
        const id = messages[messages.length - 1].id as number;
        this.created.push(`/conversations/${conversation}/messages/${id}`);
        return id;
      }
      case 'gender':
        // Any gender of the account will do; an account without one gets one of its own.
        return (await this.firstListed('/genders?limit=1', 'main', { allowEmpty: true })) ?? this.get('ownGender');
      case 'relationshiptype':
        return this.firstListed('/relationshiptypes?limit=1', 'main');
      case 'relationshiptypegroup':
        return this.firstListed('/relationshiptypegroups?limit=1', 'main');
      case 'currency':
        return this.firstListed('/currencies?limit=1', 'anonymous');
      case 'term':
        return this.firstListed('/compliance?limit=1', 'anonymous');
      case 'signature': {
        // Signing cannot be undone through the API; the user signs the latest term, as any client would.
        const reply = await this.session.send('POST', '/me/compliance', { json: { ip_address: '192.0.2.10' } });
        const term = reply.json?.data?.term?.id;
        if (!String(reply.status).startsWith('2') || typeof term !== 'number') throw new Error(`fixture: ${reply.label} answered ${reply.status}`);
        return term;
      }
      default: {
        const [segment, operationId] = CREATED[kind];
        const body = withUniqueNames(segment, await this.exampleBody(operationId));
        // A type the checks may delete again.
        if (kind === 'contactfieldtype') body.delible = 1;
        return this.create(`/${segment}`, body);
      }
    }
  }

  /** POSTs a new object to a collection (`/contacts`), deleted again with the fixtures; returns its id. */
  async create(collection: string, body: Record<string, unknown> | FormData): Promise<number> {
    const reply = await this.session.send('POST', collection, body instanceof FormData ? { form: body } : { json: body });
    const raw = reply.json?.data?.id;
    const id = Number(raw);
    if (!String(reply.status).startsWith('2') || (typeof raw !== 'number' && typeof raw !== 'string') || !(id > 0)) {
      throw new Error(`fixture: ${reply.label} answered ${reply.status}: ${reply.text.slice(0, 200)}`);
    }
    this.created.push(`${collection}/${id}`);
    return id;
  }

  private async firstListed(path: string, as: 'main' | 'anonymous'): Promise<number>;
  private async firstListed(path: string, as: 'main' | 'anonymous', options: { allowEmpty: true }): Promise<number | undefined>;
  private async firstListed(path: string, as: 'main' | 'anonymous', options: { allowEmpty?: boolean } = {}): Promise<number | undefined> {
    const reply = await this.session.send('GET', path, { as });
    const id = reply.json?.data?.[0]?.id;
    if (reply.status === 200 && Array.isArray(reply.json?.data) && reply.json.data.length === 0 && options.allowEmpty) return undefined;
    if (reply.status !== 200 || typeof id !== 'number') throw new Error(`fixture: ${reply.label} answered ${reply.status} with no item`);
    return id;
  }
}
