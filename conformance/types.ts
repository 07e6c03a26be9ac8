// What every part of the conformance tool shares: the server under test, one exchange with it, and the result
// of one check. Dredd transactions and our own checks (workflows, negative cases) both end as `CheckResult`s,
// which the progress printer, the summary and the JUnit/HTML reports read.

export interface Target {
  /** Base URL ending in `/api`, without a trailing slash. */
  baseUrl: string;
  /** Token of the account the checks create their fixtures in. */
  token: string;
  /** Token of a second account (isolation checks); those checks are skipped without it. */
  otherToken?: string;
  /** A second token of the first account whose minute budget the 429 checks may use up. */
  burnToken?: string;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request and what came back (no response when the connection failed). */
export interface Exchange {
  request: RecordedRequest;
  response?: RecordedResponse;
}

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  /** Unique, readable: `Contacts > getContact > 404` or `workflow: contact lifecycle`. */
  name: string;
  /** Where the check comes from. */
  kind: 'dredd' | 'workflow' | 'negative';
  /** The spec tag (resource) the check belongs to, e.g. `Contacts`. */
  resource: string;
  /** The operations this check exercised, with the documented statuses it saw them answer. */
  exercised: Array<{ operationId: string; status: number }>;
  outcome: Outcome;
  /** Why it failed or was skipped: names the fault (`GET /contacts/{id} → 200: /data/id must be integer`). */
  message?: string;
  /** The requests behind a failure (or a pass), for the reports. */
  exchanges: Exchange[];
  durationMs: number;
}

/** A check we run ourselves (not through Dredd). */
export interface Check {
  name: string;
  kind: 'workflow' | 'negative';
  resource: string;
  /** The operations it calls, so that `--only <tag or operationId>` can select it. */
  operationIds: string[];
  /** Runs against the target; throws or returns a failed result when the server breaks the contract. */
  run(target: Target): Promise<CheckResult>;
}

/** Passed, failed and skipped checks of one resource (spec tag). */
export interface ResourceSummary {
  resource: string;
  passed: number;
  failed: number;
  skipped: number;
}

/** How much of the contract a run exercised: `exercised` of `total`, and what it did not reach. */
export interface CoverageCount {
  exercised: number;
  total: number;
  /** 0 to 100, one decimal. */
  percent: number;
  /** What was not exercised: operationIds, or `operationId status` pairs. */
  missing: string[];
}

export interface Coverage {
  /** Operations that answered at least one documented status. */
  operations: CoverageCount;
  /** Documented (operation, status) pairs seen answered. */
  statuses: CoverageCount;
}

/** Everything a run found, for the summary and the JUnit/HTML reports. */
export interface Report {
  /** The server under test; `reference` when the run started its own reference server. */
  target: { baseUrl: string; reference: boolean; otherToken: boolean; burnToken: boolean };
  /** The `--only` selection, empty for the whole contract. */
  only: string[];
  startedAt: string;
  durationMs: number;
  results: CheckResult[];
  summary: ResourceSummary[];
  totals: { passed: number; failed: number; skipped: number };
  coverage: Coverage;
  /** True when no check failed. */
  ok: boolean;
}
