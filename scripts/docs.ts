/**
 * `npm run docs`: generated/docs/index.html, a self-contained Redoc page (Redoc inlined, no CDN), from
 * generated/openapi.json (bundled first when missing) with a curl and a TypeScript sample on every operation
 * (scripts/lib/code-samples.ts), and the shared input schemas' sentences under the fields that name them.
 * Output directory: `GENERATED_DIR` or `--out DIR`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withCodeSamples } from './lib/code-samples.js';
import { writeBundles } from './lib/bundle.js';
import { buildDocs, withSharedSentences } from './lib/docs.js';
import { isObject, readJson, writeJson } from './lib/json.js';
import { isMain, outputPaths, repoRoot } from './lib/paths.js';

export function docs(dir?: string): void {
  const paths = outputPaths(dir);
  if (!existsSync(paths.bundle)) writeBundles(paths);
  const bundle = readJson(paths.bundle);
  const info = bundle['info'];
  const title = isObject(info) && typeof info['title'] === 'string' ? info['title'] : 'API';
  // The samples are for readers only: the bundle that clients, Prism and Dredd read stays without them.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'monica-docs-'));
  try {
    const withSamples = path.join(tmp, 'openapi.json');
    writeJson(withSamples, withSharedSentences(withCodeSamples(bundle)));
    buildDocs(withSamples, paths.docs, title);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`wrote ${path.relative(repoRoot, paths.docs) || paths.docs}`);
}

if (isMain(import.meta.url)) {
  try {
    docs();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
