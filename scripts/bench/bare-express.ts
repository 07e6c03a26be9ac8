// A bare Express 5 app replaying the reference server's answers (fixtures file as first argument): what the
// reference server's own stack costs before any of its middleware.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { fixtureKey, fixtureMap, type Fixture } from './fixtures.js';

const fixtures = fixtureMap(JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Fixture[]);
// Each body encoded once, as the reference server's response cache holds it: a request costs no encoding here either.
const bodies = new Map([...fixtures].map(([key, fixture]) => [key, Buffer.from(fixture.body, 'utf8')]));

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(express.json());
app.use((req, res) => {
  const fixture = fixtures.get(fixtureKey(req.method, req.originalUrl));
  if (!fixture) {
    res.status(404).end();
    return;
  }
  res.status(fixture.status).set('Content-Type', fixture.contentType).send(bodies.get(fixtureKey(req.method, req.originalUrl)));
});
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
