// Handlers of this group's operations, keyed by operationId (see handlers/index.ts).
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';

export const peopleHandlers = {} satisfies Partial<Handlers<Context>>;
