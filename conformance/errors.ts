// A mistake in how the command was called or where it points (bad flag, server down, not the API, token refused):
// the command prints its message on one line and exits with status 2, never a stack trace.
export class UsageError extends Error {
  override name = 'UsageError';
}
