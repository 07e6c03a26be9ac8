// A deliberately broken Monica server, for proving that the conformance tool catches what it should: an HTTP
// proxy in front of a fresh reference server that breaks the contract in exactly one way. The reference server
// itself is untouched; every fault is made here, in the answers (or the forwarding) of the proxy.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadContract } from '../../contract/index.js';
import { startServer, type RunningServer } from '../../server/start.js';

export type Fault =
  /** No fault: the proxy forwards everything unchanged. */
  | 'none'
  /** A contact's `id` comes back as a string. */
  | 'wrongType'
  /** A contact comes back without `first_name`, a required field. */
  | 'missingField'
  /** Creating a contact answers 200 instead of 201. */
  | 'wrongStatus'
  /** A 404 answers `{"message":"Not found"}`, without Monica's error envelope. */
  | 'bareError'
  /** Every list's `meta.total` counts one item more than there is. */
  | 'metaOffByOne'
  /** Another account's token reads any contact: the proxy asks again with the demo account's token. */
  | 'otherAccountReads'
  /** Deleting a contact answers the success body but deletes nothing (the request is never forwarded). */
  | 'deleteKeeps'
  /**
   * Ids only as JSON numbers: a write whose body names an object (`x-references`) with a numeric string, as
   * Monica's clients may, is refused with 422 and code 32.
   */
  | 'strictIds'
  /**
   * Days only as `YYYY-MM-DD`: a write whose body holds a date-time (`2024-02-03T10:00:00`, `... 10:00:00`, with a
   * zone or fractions) is refused with 422 and code 32, as a server that never read Monica's `date` rule would.
   */
  | 'strictDates';

export interface FaultyServer {
  /** The proxy's API base URL, ending in `/api`. */
  url: string;
  tokens: { demo: string; other: string };
  /** The reference server behind the proxy. */
  upstream: RunningServer;
  close(): Promise<void>;
}

const CONTACT_ITEM = /^\/api\/contacts\/\d+$/;
/** What the proxy's own answers say of the rate limit, so that their only fault is the one they are made for. */
const RATE_LIMIT_HEADERS = { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59' };
/** Hop-by-hop and length headers are recomputed for the changed body. */
const DROPPED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

export async function startFaultyServer(fault: Fault): Promise<FaultyServer> {
  const upstream = await startServer({ demoData: false, rateLimit: 1_000_000, log: () => {} });
  const demo = upstream.tokens.demo;
  const other = upstream.tokens.other;
  if (!other) throw new Error('the reference server has no second account');
  const origin = new URL(upstream.url).origin;

  const proxy = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`proxy: ${err.message}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0];

    const written = method === 'POST' || method === 'PUT' ? parse(body.toString('utf8')) : undefined;
    const fields = written && typeof written === 'object' && !Array.isArray(written) ? (written as Record<string, unknown>) : undefined;
    const refused = !fields ? undefined : fault === 'strictIds' ? stringIdField(method, path, fields) : fault === 'strictDates' ? dateTimeField(fields) : undefined;
    if (refused) {
      const field = refused.replace(/_/g, ' ');
      const message = [fault === 'strictIds' ? `The ${field} must be an integer.` : `The ${field} does not match the format Y-m-d.`];
      send(res, 422, { 'content-type': 'application/json', ...RATE_LIMIT_HEADERS }, JSON.stringify({ error: { message, error_code: 32 } }));
      return;
    }

    if (fault === 'deleteKeeps' && method === 'DELETE' && CONTACT_ITEM.test(path)) {
      // The success answer, headers included, so that the only fault is that nothing was deleted.
      send(res, 200, { 'content-type': 'application/json', ...RATE_LIMIT_HEADERS }, JSON.stringify({ deleted: true, id: Number(path.split('/').pop()) }));
      return;
    }

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || DROPPED_HEADERS.has(name) || name === 'host') continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    if (fault === 'otherAccountReads' && method === 'GET' && CONTACT_ITEM.test(path) && headers.authorization === `Bearer ${other}`) {
      headers.authorization = `Bearer ${demo}`;
    }

    const answer = await fetch(`${origin}${req.url}`, { method, headers, body: body.length > 0 ? body : undefined, redirect: 'manual' });
    let status = answer.status;
    let text = await answer.text();
    const answerHeaders: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!DROPPED_HEADERS.has(name)) answerHeaders[name] = value;
    });

    const json = parse(text);
    if (json && typeof json === 'object') {
      const data = (json as { data?: Record<string, unknown> }).data;
      const contact = data && !Array.isArray(data) && data.object === 'contact' ? data : undefined;
      if (fault === 'wrongType' && contact) contact.id = String(contact.id);
      if (fault === 'missingField' && contact) delete contact.first_name;
      if (fault === 'metaOffByOne') {
        const meta = (json as { meta?: { total?: unknown } }).meta;
        if (meta && typeof meta.total === 'number') meta.total += 1;
      }
      if (fault === 'bareError' && status === 404) text = JSON.stringify({ message: 'Not found' });
      else text = JSON.stringify(json);
    }
    if (fault === 'wrongStatus' && method === 'POST' && path === '/api/contacts' && status === 201) status = 200;
    send(res, status, answerHeaders, text);
  }

  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    tokens: { demo, other },
    upstream,
    async close() {
      await new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      });
      await upstream.close();
    },
  };
}

/** The first field of a JSON write body that names an object (`x-references`) with a string, as a strict server sees it. */
function stringIdField(method: string, path: string, fields: Record<string, unknown>): string | undefined {
  const operation = loadContract().findOperation(method, path)?.operation;
  return Object.keys(operation?.bodyReferences ?? {}).find((field) => {
    const value = fields[field];
    return typeof value === 'string' || (Array.isArray(value) && value.some((item) => typeof item === 'string'));
  });
}

/** The first field of a JSON write body that holds a date-time, as a server that takes days only as `YYYY-MM-DD` sees it. */
function dateTimeField(fields: Record<string, unknown>): string | undefined {
  return Object.entries(fields).find(([, value]) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d/.test(value))?.[0];
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, text: string): void {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}
