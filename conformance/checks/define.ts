// Turns a function over a Session and its Fixtures into a `Check`: times it, cleans its fixtures up whatever
// happens, and reports the faults it collected (or why it could not apply) as one CheckResult.
import type { Check, CheckResult, Target } from '../types.js';
import { Fixtures } from './fixtures.js';
import { Session } from './session.js';

/** Thrown by a check that cannot apply to this target (no second token, an upload, …). */
export class NotApplicable extends Error {}

/** Faults beyond this many are counted, not listed: the first ones name the problem. */
const MAX_LISTED_FAULTS = 12;

export interface CheckDefinition {
  name: string;
  kind: Check['kind'];
  resource: string;
  operationIds: string[];
  /** Records faults on the session; throws NotApplicable to skip, any other error to fail. */
  body(session: Session, fixtures: Fixtures): Promise<void>;
}

export function defineCheck(definition: CheckDefinition): Check {
  return {
    name: definition.name,
    kind: definition.kind,
    resource: definition.resource,
    operationIds: definition.operationIds,
    run: (target) => runDefinition(definition, target),
  };
}

async function runDefinition(definition: CheckDefinition, target: Target): Promise<CheckResult> {
  const started = Date.now();
  const session = new Session(target);
  const fixtures = new Fixtures(session);
  let outcome: CheckResult['outcome'] = 'passed';
  let message: string | undefined;
  try {
    await definition.body(session, fixtures);
  } catch (err) {
    if (err instanceof NotApplicable) {
      outcome = 'skipped';
      message = err.message;
    } else {
      session.fault(err instanceof Error ? err.message : String(err));
    }
  } finally {
    await fixtures.cleanup();
  }
  if (session.faults.length > 0) {
    outcome = 'failed';
    const listed = session.faults.slice(0, MAX_LISTED_FAULTS);
    const more = session.faults.length - listed.length;
    message = listed.join('\n') + (more > 0 ? `\n… and ${more} more` : '');
  }
  return {
    name: definition.name,
    kind: definition.kind,
    resource: definition.resource,
    exercised: session.exercised,
    outcome,
    ...(message !== undefined ? { message } : {}),
    exchanges: session.exchanges,
    durationMs: Date.now() - started,
  };
}

export function requireOtherToken(session: Session): void {
  if (!session.target.otherToken) throw new NotApplicable('needs the token of a second account (--token-other)');
}
