// The package as a frontend project gets it: `npm pack` (which builds dist/), installed from the tarball into a
// temporary project, every entry point imported at run time, and a small consumer file type-checked against the
// exported types.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, unknown>;
  devDependencies: Record<string, string>;
};
let project: string;

/** The entry points a frontend project imports (every `exports` key but the JSON and the manifest). */
const entryPoints = Object.keys(manifest.exports)
  .filter((key) => !key.endsWith('.json'))
  .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'monica-consumer-'));
  // `npm pack` runs prepack (the build), whose lines come before npm's JSON answer.
  const out = run('npm', ['pack', '--json', '--pack-destination', project], root);
  const packed = JSON.parse(out.slice(out.search(/^\[/m))) as { filename: string }[];
  const tarball = path.join(project, packed[0]!.filename);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // The peers a frontend brings itself, at the versions this repository tests with; everything comes from npm's
  // cache where it can (the repository's own install filled it), and no install script runs.
  const peers = ['zod', 'msw', '@tanstack/react-query', '@tanstack/query-core', 'react'].map((name) => `${name}@${manifest.devDependencies[name]}`);
  run('npm', ['install', tarball, ...peers, '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock'], project);
  // --ignore-scripts left better-sqlite3 unbuilt: use this repository's build of the same version.
  const installed = path.join(project, 'node_modules', 'better-sqlite3');
  rmSync(installed, { recursive: true, force: true });
  symlinkSync(path.join(root, 'node_modules', 'better-sqlite3'), installed, 'dir');
}, 300_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the packed package in another project', () => {
  it('imports every entry point at run time', () => {
    const script = entryPoints.map((name, i) => `const m${i} = await import(${JSON.stringify(name)}); console.log(${JSON.stringify(name)}, Object.keys(m${i}).length);`).join('\n');
    writeFileSync(path.join(project, 'imports.mjs'), script);
    const out = run(process.execPath, ['imports.mjs'], project);
    for (const name of entryPoints) expect(out).toMatch(new RegExp(`^${name.replace(/[/@.-]/g, '\\$&')} [1-9]\\d*$`, 'm'));
  }, 60_000);

  it('serves a real reference server, called through the packed SDK, from the packed starter', () => {
    writeFileSync(
      path.join(project, 'server.mjs'),
      `import { startServer } from '${manifest.name}/server';
import { createClient, createConfig } from '${manifest.name}/client';
import { listContacts } from '${manifest.name}';
const server = await startServer({ port: 0, databasePath: ':memory:', log: () => {} });
const client = createClient(createConfig({ baseUrl: server.url, auth: server.tokens.demo }));
const { data, response } = await listContacts({ client, query: { limit: 2 } });
console.log(response.status, data.data.length, data.meta.total > 2);
await server.close();
`,
    );
    expect(run(process.execPath, ['server.mjs'], project).trim()).toBe('200 2 true');
  }, 60_000);

  it('type-checks a consumer that uses the exported types, and refuses a wrong one', () => {
    mkdirSync(path.join(project, 'src'), { recursive: true });
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [], lib: ['ES2022', 'DOM'] }, include: ['src'] }),
    );
    const consumer = `import { getContact, type Contact, type GetContactResponses } from '${manifest.name}';
import { createClient, createConfig } from '${manifest.name}/client';
import { zNote } from '${manifest.name}/zod';
import { listContactsOptions } from '${manifest.name}/query';
import { handlers, mswHandlers } from '${manifest.name}/msw';
import { loadContract } from '${manifest.name}/contract';

const client = createClient(createConfig({ baseUrl: 'http://localhost/api', auth: 'token' }));
export async function firstName(id: number): Promise<string | undefined> {
  const { data } = await getContact({ client, path: { id } });
  const contact = data?.data as Contact | undefined;
  return contact?.first_name;
}
export const note = zNote.parse({});
export const options = listContactsOptions({ client, query: { limit: 5 } });
export const all = handlers.length;
export const partial = mswHandlers.getContact({ example: 'partial' });
export const body: GetContactResponses[200] | undefined = undefined;
export const operations = loadContract().findOperation('GET', '/contacts/1');
`;
    writeFileSync(path.join(project, 'src', 'consumer.ts'), consumer);
    const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
    expect(() => run(tsc, ['-p', 'tsconfig.json'], project)).not.toThrow();
    // The same file with a wrong override no longer compiles: the types really come from the package.
    writeFileSync(path.join(project, 'src', 'wrong.ts'), `import { mswHandlers } from '${manifest.name}/msw';\nexport const wrong = mswHandlers.getContact({ status: 418 });\n`);
    let output = '';
    try {
      run(tsc, ['-p', 'tsconfig.json'], project);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toMatch(/src\/wrong\.ts.*error TS/);
    rmSync(path.join(project, 'src', 'wrong.ts'));
  }, 120_000);
});
