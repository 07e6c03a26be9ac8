// The handlers resources share: list a page, list a contact's page, get, create, update and delete by id. Each is
// built from its operationId (its metadata gives the status, the page size, the sort values and the list's URL),
// the store function and the presenter; a resource file keeps only what is its own (input conversion, checks).
import type { Handlers } from '../../generated/server/handlers.gen.js';
import { operationPath, operations, type PathParamsOf } from '../../generated/server/operations.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
import { getContact, type ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import type { Page, PageOptions } from '../store/pagination.js';
import { pageRequest, paginate, type ExtraMeta, type ListOperationId, type PageQuery, type SortFieldOf } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

type OperationId = keyof Handlers<Context>;
type Input<K extends OperationId> = Parameters<Handler<K>>[0];
type Answer<K extends OperationId> = Awaited<ReturnType<Handler<K>>>;
/** What `data` holds in the answer of K. */
export type DataOf<K extends OperationId> = Answer<K>['body'] extends { data: infer D } ? D : never;
/** One item of a list's `data`. */
export type ItemOf<K extends OperationId> = DataOf<K> extends readonly (infer I)[] ? I : never;
/** The request body of K, as the generated types give it. */
export type BodyOf<K extends OperationId> = NonNullable<Input<K>['body']>;
/** The operations whose path names one id (`/notes/{id}`, `/contacts/{id}/notes`). */
type IdOperationId = { [K in OperationId]: Input<K>['path'] extends { id: number } ? K : never }[OperationId];

/** How a resource's rows become API objects: many at once (a page), or one. */
export interface Presenter<Row, Item> {
  rows(rows: Row[], context: Context): Item[];
  row(row: Row, context: Context): Item;
}

/** A presenter of one row at a time (`presentTag(row)`, `presentJournalEntry(row, context)`). */
export function presentEach<Row, Item>(present: (row: Row, context: Context) => Item): Presenter<Row, Item> {
  return { rows: (rows, context) => rows.map((row) => present(row, context)), row: present };
}

/** A presenter that loads what a page of rows names in one go (`presentNotes(db, accountId, rows, context)`). */
export function presentInBatches<Row, Item>(
  present: (db: Db, accountId: number, rows: readonly Row[], context: Context) => Item[],
): Presenter<Row, Item> {
  const rows = (list: Row[], context: Context) => present(context.db, context.caller.accountId, list, context);
  return { rows, row: (row, context) => rows([row], context)[0]! };
}

/** The handler as the generated type wants it: the status is the operation's documented one (its only 2xx). */
function typed<K extends OperationId>(operationId: K, answer: (input: Input<K>) => unknown): Handler<K> {
  const status = operations[operationId].successStatus;
  return ((input: Input<K>) => ({ status, body: answer(input) })) as unknown as Handler<K>;
}

/** Any other operation that answers one object (`{ data }`), with its documented status. */
export function dataHandler<K extends OperationId>(operationId: K, answer: (input: Input<K>) => DataOf<K>): Handler<K> {
  return typed(operationId, (input) => ({ data: answer(input) }));
}

/** A row the store read or wrote, presented; 404 when there is none. */
function presentOr404<Row, Item>(row: Row | undefined, present: (row: Row, context: Context) => Item, context: Context): Item {
  if (!row) throw notFound();
  return present(row, context);
}

const accountOf = (context: Context) => context.caller.accountId;
const idOf = (input: { path: unknown }) => (input.path as { id: number }).id;

/** A store read of one row of the account by id. */
type AccountGet<Row> = (db: Db, accountId: number, id: number) => Row | undefined;

/** The account's row `get` finds by id; 404 when there is none. */
export function findOr404<Row>(context: Context, get: AccountGet<Row>, id: number): Row {
  const row = get(context.db, accountOf(context), id);
  if (!row) throw notFound();
  return row;
}

/** A contact of the account; 404 when the id names none. Here rather than in contacts.ts, which uses this layer. */
export function findContactOr404(context: Context, id: number): ContactRow {
  return findOr404(context, getContact, id);
}

/** One page of items and how many there are in all, read for a request. */
type PageRead<K extends OperationId> = (input: Input<K>, options: PageOptions<SortFieldOf<K>>) => { items: ItemOf<K>[]; total: number };

const noMeta = () => ({});
const presented = <Item>(page: Page<unknown>, items: Item[]) => ({ items, total: page.total });

/**
 * The answer of a list: `read` gets the page (after any check), in Laravel's envelope with the list's own URL;
 * `meta` adds to the page's meta. The lists below are the usual cases.
 */
export function pageHandler<K extends ListOperationId>(
  operationId: K,
  read: PageRead<K>,
  meta: (input: Input<K>) => ExtraMeta = noMeta,
): Handler<K> {
  return typed(operationId, (input) => {
    const request = pageRequest(operationId, input.query as PageQuery | undefined);
    const { items, total } = read(input, request.options);
    const url = listUrl(input.context, operationPath(operationId, (input.path ?? {}) as PathParamsOf<K>));
    return paginate(items, total, request, url, meta(input));
  });
}

/** A page of the account's rows (`meta` adds to the page's meta). */
export function listHandler<K extends ListOperationId, Row>(
  operationId: K,
  list: (db: Db, accountId: number, options: PageOptions<SortFieldOf<K>>) => Page<Row>,
  present: (rows: Row[], context: Context) => ItemOf<K>[],
  meta: (context: Context) => ExtraMeta = noMeta,
): Handler<K> {
  return pageHandler(
    operationId,
    ({ context }, options) => {
      const page = list(context.db, accountOf(context), options);
      return presented(page, present(page.rows, context));
    },
    ({ context }) => meta(context),
  );
}

/** A page of reference data every caller shares (public operations have no account). */
export function publicListHandler<K extends ListOperationId, Row>(
  operationId: K,
  list: (db: Db, options: PageOptions<SortFieldOf<K>>) => Page<Row>,
  present: (rows: Row[], context: Context) => ItemOf<K>[],
): Handler<K> {
  return pageHandler(operationId, ({ context }, options) => {
    const page = list(context.db, options);
    return presented(page, present(page.rows, context));
  });
}

/**
 * A page of the rows under one row of the account (`/contacts/{id}/notes`, `/tags/{id}/contacts`): `owner` finds that
 * row, or answers 404.
 */
export function ownedListHandler<K extends ListOperationId & IdOperationId, Owner extends { id: number }, Row>(
  operationId: K,
  owner: (context: Context, id: number) => Owner,
  list: (db: Db, accountId: number, ownerId: number, options: PageOptions<SortFieldOf<K>>) => Page<Row>,
  present: (rows: Row[], context: Context, owner: Owner) => ItemOf<K>[],
  meta: (context: Context) => ExtraMeta = noMeta,
): Handler<K> {
  return pageHandler(
    operationId,
    (input, options) => {
      const { context } = input;
      const found = owner(context, idOf(input));
      const page = list(context.db, accountOf(context), found.id, options);
      return presented(page, present(page.rows, context, found));
    },
    ({ context }) => meta(context),
  );
}

/** A page of one contact's rows (`/contacts/{id}/…`); 404 when the contact is not the account's. */
export function contactListHandler<K extends ListOperationId & IdOperationId, Row>(
  operationId: K,
  list: (db: Db, accountId: number, contactId: number, options: PageOptions<SortFieldOf<K>>) => Page<Row>,
  present: (rows: Row[], context: Context, contact: ContactRow) => ItemOf<K>[],
  meta: (context: Context) => ExtraMeta = noMeta,
): Handler<K> {
  return ownedListHandler(operationId, findContactOr404, list, present, meta);
}

/** Monica's `meta.statistics`: yearly counts over the whole account, `[]` (not `{}`) when there are none. */
export function yearlyStatistics(count: (db: Db, accountId: number) => Record<string, number>): (context: Context) => ExtraMeta {
  return (context) => {
    const stats = count(context.db, accountOf(context));
    return { statistics: Object.keys(stats).length > 0 ? stats : [] };
  };
}

/** One row by id (`get` reads it); 404 when there is none. */
function rowHandler<K extends IdOperationId, Row>(
  operationId: K,
  get: (context: Context, id: number) => Row | undefined,
  present: (row: Row, context: Context) => DataOf<K>,
): Handler<K> {
  return dataHandler(operationId, (input) => presentOr404(get(input.context, idOf(input)), present, input.context));
}

/** One row of the account by id; 404 when there is none. */
export function getHandler<K extends IdOperationId, Row>(
  operationId: K,
  get: AccountGet<Row>,
  present: (row: Row, context: Context) => DataOf<K>,
): Handler<K> {
  return rowHandler(operationId, (context, id) => get(context.db, accountOf(context), id), present);
}

/** One row of reference data every caller shares, by id; 404 when there is none. */
export function publicGetHandler<K extends IdOperationId, Row>(
  operationId: K,
  get: (db: Db, id: number) => Row | undefined,
  present: (row: Row, context: Context) => DataOf<K>,
): Handler<K> {
  return rowHandler(operationId, (context, id) => get(context.db, id), present);
}

/** A new row from the body (`input` converts and checks it); 404 when the store finds a named row missing. */
export function createHandler<K extends OperationId, In, Row>(
  operationId: K,
  input: (body: BodyOf<K>, context: Context) => In,
  create: (db: Db, accountId: number, input: In, now: string) => Row | undefined,
  present: (row: Row, context: Context) => DataOf<K>,
): Handler<K> {
  return dataHandler(operationId, ({ context, body }) => {
    const row = create(context.db, accountOf(context), input(body as BodyOf<K>, context), nowOf(context));
    return presentOr404(row, present, context);
  });
}

/**
 * The input of an update that first finds the row (404 before anything in the body is looked at, as Monica does)
 * and gives it to `input`.
 */
export function findingFirst<Body, Row, In>(
  get: AccountGet<Row>,
  input: (body: Body, context: Context, existing: Row) => In,
): (body: Body, context: Context, id: number) => In {
  return (body, context, id) => input(body, context, findOr404(context, get, id));
}

/** What a store that takes the contact apart from the rest gets (`createCall(db, accountId, contactId, input, now)`). */
export interface ForContact<In> {
  contactId: number;
  input: In;
}

/** Such a store as `createHandler` calls it. */
export function forContact<In, Row>(
  create: (db: Db, accountId: number, contactId: number, input: In, now: string) => Row,
): (db: Db, accountId: number, input: ForContact<In>, now: string) => Row {
  return (db, accountId, { contactId, input }, now) => create(db, accountId, contactId, input, now);
}

/** A row replaced from the body; 404 when it is not the account's (or the store finds a named row missing). */
export function updateHandler<K extends IdOperationId, In, Row>(
  operationId: K,
  input: (body: BodyOf<K>, context: Context, id: number) => In,
  update: (db: Db, accountId: number, id: number, input: In, now: string) => Row | undefined,
  present: (row: Row, context: Context) => DataOf<K>,
): Handler<K> {
  return dataHandler(operationId, (request) => {
    const { context } = request;
    const id = idOf(request);
    const row = update(context.db, accountOf(context), id, input(request.body as BodyOf<K>, context, id), nowOf(context));
    return presentOr404(row, present, context);
  });
}

/**
 * Deletes a row of the account by id (`remove` answers whether there was one, or the removed row, which `after`
 * gets; it gets the time too, for stores that change other rows); 404 when there was none.
 */
export function deleteHandler<K extends IdOperationId, Removed>(
  operationId: K,
  remove: (db: Db, accountId: number, id: number, now: string) => Removed | undefined | false,
  after: (removed: Removed, context: Context) => void = () => {},
): Handler<K> {
  return typed(operationId, (input) => {
    const id = idOf(input);
    const removed = remove(input.context.db, accountOf(input.context), id, nowOf(input.context));
    if (!removed) throw notFound();
    after(removed, input.context);
    return presentDeleted(id);
  });
}
