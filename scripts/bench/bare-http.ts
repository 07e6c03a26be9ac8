// The floor: a bare node:http server replaying the reference server's answers (fixtures file as first argument).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixtureKey, fixtureMap, type Fixture } from './fixtures.js';

const fixtures = fixtureMap(JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Fixture[]);
// Each body encoded once: the floor sends bytes, not a string to encode on every request.
const bodies = new Map([...fixtures].map(([key, fixture]) => [key, Buffer.from(fixture.body, 'utf8')]));

const server = createServer((req, res) => {
  // Read the request body (if any) as a real server would, then answer.
  req.resume();
  req.once('end', () => {
    const fixture = fixtures.get(fixtureKey(req.method ?? 'GET', req.url ?? '/'));
    if (!fixture) {
      res.writeHead(404).end();
      return;
    }
    const body = bodies.get(fixtureKey(req.method ?? 'GET', req.url ?? '/'))!;
    res.writeHead(fixture.status, { 'content-type': fixture.contentType, 'content-length': body.length });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
