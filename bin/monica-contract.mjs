#!/usr/bin/env node
// The toolkit's command line. Each command is a TypeScript entry point run through tsx, so the installed
// package needs no build step:
//
//   monica-contract conformance [--url <base URL ending in /api> --token <token> ...]
//   monica-contract mock [--port 4010] [--dynamic] [--seed 1]
//   monica-contract serve [--port 8080] [--empty] ...
import { register } from 'tsx/esm/api';

const commands = {
  conformance: ['../scripts/conformance.ts', 'test a Monica-compatible server against the contract'],
  mock: ['../mock/start.ts', 'the Prism mock of the contract (examples, or --dynamic data)'],
  serve: ['../server/main.ts', 'the reference server with demo data (the stateful mock)'],
};

const name = process.argv[2];
if (!name || name === '--help' || name === '-h' || !(name in commands)) {
  const lines = Object.entries(commands).map(([command, [, what]]) => `  ${command.padEnd(12)} ${what}`);
  const out = `Usage: monica-contract <command> [options]   (monica-contract <command> --help for its options)\n\n${lines.join('\n')}\n`;
  const known = !name || name === '--help' || name === '-h';
  (known ? process.stdout : process.stderr).write(known ? out : `unknown command "${name}"\n\n${out}`);
  process.exit(known ? 0 : 2);
}
// The command sees its own options as if it had been started directly.
process.argv.splice(2, 1);
register();
await import(new URL(commands[name][0], import.meta.url).href);
