/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The API base URL, ending in /api (the reference server's is printed by `npm start`). */
  readonly VITE_MONICA_API?: string;
  /** A bearer token of the account to show. */
  readonly VITE_MONICA_TOKEN?: string;
}
