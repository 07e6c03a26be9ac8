// `npm run fuzz -- [--runs N] [--seed S] [--only <operationId>...] [--path P]`: fuzzes every operation (or the
// ones named) against a fresh reference server, with a new random seed unless one is given. Prints the seed
// first, then each failure with its shrunk counterexample and the command that replays it; exits 1 on a failure.
import { fuzzOperations } from '../test/fuzz/spec.js';
import { describeFailure, fuzzOperation, startFuzzSession } from '../test/fuzz/runner.js';

const USAGE = `Usage: npm run fuzz -- [--runs N] [--seed S] [--only <operationId>...] [--path P]

  --runs N     cases per operation (default 200)
  --seed S     the run's seed (default: a new random one, printed first)
  --only ...   only these operations (operationIds as in the spec)
  --path P     replay one counterexample (the path a failure prints); needs the same --seed and --runs
`;

function parse(argv: string[]) {
  const options = { runs: 200, seed: Math.floor(Math.random() * 2 ** 31), only: [] as string[], path: undefined as string | undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (arg === '--runs') options.runs = positive(next(), arg);
    else if (arg === '--seed') options.seed = Number.parseInt(next(), 10) | 0;
    else if (arg === '--path') options.path = next();
    else if (arg === '--only') {
      while (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) options.only.push(argv[++i]!);
    } else throw new Error(`unknown option ${arg}\n\n${USAGE}`);
  }
  return options;
}

function positive(value: string, what: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${what} must be a positive integer, got "${value}"`);
  return Number(value);
}

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  const unknown = options.only.filter((id) => !fuzzOperations.some((op) => op.operationId === id));
  if (unknown.length > 0) throw new Error(`no operation named ${unknown.join(', ')}`);
  const selected = options.only.length > 0 ? fuzzOperations.filter((op) => options.only.includes(op.operationId)) : fuzzOperations;
  console.log(`seed ${options.seed}  (${options.runs} cases per operation, ${selected.length} operations)`);
  const session = await startFuzzSession();
  let failures = 0;
  let cases = 0;
  const started = Date.now();
  try {
    for (const op of selected) {
      const result = await fuzzOperation(session, op, { seed: options.seed, runs: options.runs, path: options.path, shrinkTimeLimit: 120_000 });
      cases += result.runs;
      const statuses = Object.entries(result.statuses).map(([s, n]) => `${s}x${n}`).join(' ');
      if (result.failure) {
        failures += 1;
        console.log(`FAIL ${op.operationId}\n${describeFailure(result)}\n`);
      } else console.log(`ok   ${op.operationId.padEnd(32)} ${statuses}`);
    }
  } finally {
    await session.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n${cases} requests, ${failures} failing operation(s), ${seconds} s; seed ${options.seed}`);
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
