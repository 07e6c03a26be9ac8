// YAML for the few answers that need it (the control API's document, /openapi.yaml).
import { createRequire } from 'node:module';

/** The yaml package, loaded when a YAML text is first read, not with the server (it costs start-up time). */
export function parseYaml(text: string): unknown {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);
}

/** The same package's stringify, loaded on first use. */
export function stringifyYaml(value: unknown): string {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).stringify(value);
}
