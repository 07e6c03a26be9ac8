/** Where the generated artifacts live, for the parts that read them at run time (server, mock, conformance). */
import { fileURLToPath } from 'node:url';

/** The repository's `generated/` directory. */
export const GENERATED_DIR = fileURLToPath(new URL('../generated/', import.meta.url));

/** A file under `generated/`: `generatedFile('openapi-mock.json')`. */
export const generatedFile = (name: string): string => `${GENERATED_DIR}${name}`;
