// Uses up a rate-limit budget for the current minute (a token's, or a client address's for public calls), so that
// the next call is answered 429. The probe asks for a `limit` over the maximum: a server counts it against the
// budget and refuses it at once (400), which costs it far less than a real list.
//
// A budget of a thousand requests is used up fastest by writing the requests back to back on one connection (HTTP/1.1
// pipelining): the client then does almost no work per request. A server or proxy that does not answer pipelined
// requests gets ordinary parallel requests instead.
import net from 'node:net';
import tls from 'node:tls';
import { request } from '../http.js';

const BATCH = 200;
const MAX_REQUESTS = 200_000;

/** Writes `count` copies of one GET on a single connection; resolves to the statuses seen (possibly fewer). */
function pipelined(url: URL, headers: Record<string, string>, count: number): Promise<number[]> {
  return new Promise((resolve) => {
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    const options = { host: url.hostname, port, servername: url.hostname };
    const socket = url.protocol === 'https:' ? tls.connect(options) : net.connect(options);
    const head = Object.entries({ Host: url.host, Accept: 'application/json', ...headers })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    const message = `GET ${url.pathname}${url.search} HTTP/1.1\r\n${head}\r\n`;
    const statuses: number[] = [];
    let pending = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(statuses);
    };
    const timer = setTimeout(done, 10_000);
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      const lines = [...pending.matchAll(/HTTP\/1\.[01] (\d{3}) /g)];
      for (const line of lines) statuses.push(Number(line[1]));
      const last = lines[lines.length - 1];
      if (last) pending = pending.slice(last.index + last[0].length);
      if (statuses.length >= count || statuses.includes(429)) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => socket.write(message.repeat(count)));
  });
}

export interface BurnOptions {
  baseUrl: string;
  /** The probe's path and query, relative to the base URL, refused at once (`/tags?limit=101`). */
  probe: string;
  /** The token whose budget is used up; none for a public call's client-address budget. */
  token?: string;
  headers?: Record<string, string>;
}

export async function burnRateLimit({ baseUrl, probe, token, headers = {} }: BurnOptions): Promise<void> {
  const send = () => request(baseUrl, 'GET', probe, { token, headers }).then((r) => r.status);
  // A used-up budget answers the probe with 429 at no cost; a budget refills once its minute is over.
  if ((await send()) === 429) return;
  const url = new URL(`${baseUrl}${probe}`);
  const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  let pipelining = true;
  for (let sent = 0; sent < MAX_REQUESTS; sent += BATCH) {
    let statuses: number[] = [];
    if (pipelining) {
      statuses = await pipelined(url, { ...auth, ...headers }, BATCH);
      // Fewer answers than requests: the server closed the connection early, it does not take pipelined requests.
      if (statuses.length < BATCH && !statuses.includes(429)) pipelining = false;
    }
    if (!pipelining) statuses = await Promise.all(Array.from({ length: 50 }, send));
    if (statuses.includes(429)) return;
  }
  throw new Error('the rate limit never answered 429');
}
