import { errorMessages } from './api.js';

/** A failed call's messages, announced to screen readers. */
export function ErrorMessages({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <div role="alert" className="error">
      <ul>
        {errorMessages(error).map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
