/**
 * `npm run generate`: bundle (see bundle.ts), then the hey-api client (types + fetch SDK) into
 * generated/client/, then the typed server stubs into generated/server/, then the MSW handlers into generated/msw/.
 * Output directory: `GENERATED_DIR` or `--out DIR`; spec root: `OPENAPI_ROOT`.
 */
import path from 'node:path';
import { createClient } from '@hey-api/openapi-ts';
import { bundle } from './bundle.js';
import { writeMswHandlers } from './lib/msw.js';
import { isMain, outputPaths, repoRoot } from './lib/paths.js';
import { writeServerStubs } from './lib/server-stubs.js';
import { heyApiConfig } from './openapi-ts.config.js';

export async function generate(dir?: string): Promise<void> {
  const paths = outputPaths(dir);
  const show = (file: string) => path.relative(repoRoot, file) || file;
  const spec = bundle(paths.dir);

  await createClient(heyApiConfig(paths.bundle, paths.client));
  console.log(`wrote ${show(paths.client)}/`);

  const operations = writeServerStubs(spec, paths.server, path.join(paths.client, 'types.gen.ts'));
  console.log(`wrote ${show(paths.server)}/ (${operations.length} operations)`);

  writeMswHandlers(spec, operations, paths.msw, paths.client);
  console.log(`wrote ${show(paths.msw)}/`);
}

if (isMain(import.meta.url)) {
  generate().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
