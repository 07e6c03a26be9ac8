// What the hooks know about the server under test. The conformance runner sets `current` before it runs Dredd in
// its own process; a stand-alone Dredd run (`npx dredd ... --hookfiles=conformance/dredd/hooks.cjs`) falls back on
// the environment. `notes` is how the hooks tell the runner why a transaction was skipped.

const settings = {
  /** @type {{ baseUrl: string, token: string, burnToken?: string, otherToken?: string } | undefined} */
  current: undefined,
  /** Skip reasons by `METHOD template status`, read by the runner after each transaction. */
  notes: new Map(),
  /** Set by hooks.cjs once it has registered its hooks (Dredd only logs a hook file that fails to load). */
  hooksLoaded: false,
};

/** The target of this run: the runner's, else MONICA_API_URL, MONICA_TOKEN, MONICA_BURN_TOKEN, MONICA_OTHER_TOKEN. */
function target() {
  if (settings.current) return settings.current;
  return {
    baseUrl: (process.env.MONICA_API_URL || '').replace(/\/+$/, ''),
    token: process.env.MONICA_TOKEN || '',
    burnToken: process.env.MONICA_BURN_TOKEN || '',
    otherToken: process.env.MONICA_OTHER_TOKEN || '',
  };
}

const noteKey = (method, template, status) => `${String(method).toUpperCase()} ${template} ${status}`;

module.exports = { settings, target, noteKey };
