/**
 * hey-api (`@hey-api/openapi-ts`) configuration: TypeScript types + a fetch SDK, from the 3.1 bundle.
 * `scripts/generate.ts` calls `heyApiConfig()` through hey-api's Node API (this file need not live at the
 * repo root); the default export lets the CLI use it too: `npx openapi-ts -f scripts/openapi-ts.config.ts`
 * (run `npm run bundle` first).
 */
import path from 'node:path';
import type { UserConfig } from '@hey-api/openapi-ts';
import { outputPaths, repoRoot } from './lib/paths.js';

export function heyApiConfig(input: string, output: string): UserConfig {
  return {
    input,
    output: {
      path: output,
      clean: true,
      // Fixed, so that output does not depend on where it is written (NodeNext => `.js` import suffixes).
      tsConfigPath: path.join(repoRoot, 'tsconfig.json'),
    },
    logs: { file: false, level: 'warn' },
    plugins: ['@hey-api/typescript', '@hey-api/sdk', '@hey-api/client-fetch', 'zod', '@tanstack/react-query'],
  };
}

const paths = outputPaths();
export default heyApiConfig(paths.bundle, paths.client);
