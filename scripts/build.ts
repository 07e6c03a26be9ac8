/**
 * `npm run build` (run by `npm pack` and by installs from git, through `prepack`): the JavaScript and type
 * declarations of what the package exports, in dist/ — the SDK, zod schemas, query helpers, MSW handlers, the
 * contract module and the reference server — so that a frontend project loads them without a TypeScript loader.
 * The generated JSON and the docs page go beside them, where the compiled code looks for them.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bin, repoRoot } from './lib/paths.js';
import { run } from './lib/run.js';

const dist = path.join(repoRoot, 'dist');
rmSync(dist, { recursive: true, force: true });
run(bin('tsc'), ['-p', path.join(repoRoot, 'tsconfig.build.json')], { cwd: repoRoot });
for (const file of ['openapi.json', 'openapi-3.0.json', 'openapi-mock.json', 'docs/index.html']) {
  cpSync(path.join(repoRoot, 'generated', file), path.join(dist, 'generated', file));
}
console.log(`wrote ${path.relative(repoRoot, dist)}/`);
