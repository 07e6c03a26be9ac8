// The hook file Dredd requires (Dredd loads hook files as CommonJS and hands them `require('hooks')`). The hooks
// themselves are TypeScript (hooks.ts). In a conformance run the runner has loaded them already and left their
// registration under a global key (IN_PROCESS_HOOKS in types.ts), bound to its target; a stand-alone run
// (`npx dredd generated/openapi-3.0.json <url> --hookfiles=conformance/dredd/hooks.cjs`) loads them here through
// tsx, with the target from MONICA_API_URL, MONICA_TOKEN, MONICA_BURN_TOKEN and MONICA_OTHER_TOKEN.
const hooks = require('hooks');

const inProcess = globalThis[Symbol.for('monica-contract.conformance.dredd-hooks')];
if (inProcess) inProcess(hooks);
else require('tsx/cjs/api').require('./hooks.ts', __filename).registerHooks(hooks);
