// Vitest's defaults, and the package's own name resolving to its sources for the example app's tests
// (test/example-app/), which import the app as it is written: `import ... from 'monica-api-contract/query'`.
import { defineConfig } from 'vitest/config';
import { packageAliases } from './examples/contacts-app/aliases.js';

export default defineConfig({
  resolve: { alias: packageAliases() },
});
