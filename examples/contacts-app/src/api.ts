// The API client the components share, and the messages of a failed call.
import { createContext, useContext } from 'react';
import { createClient, createConfig, type Client } from 'monica-api-contract/client';

export interface Connection {
  /** The API base URL, ending in /api. */
  baseUrl: string;
  token: string;
}

/** The connection from VITE_MONICA_API and VITE_MONICA_TOKEN, when both are set. */
export function connectionFromEnv(env: ImportMetaEnv): Connection | undefined {
  const baseUrl = env.VITE_MONICA_API?.trim();
  const token = env.VITE_MONICA_TOKEN?.trim();
  return baseUrl && token ? { baseUrl, token } : undefined;
}

export function createApiClient({ baseUrl, token }: Connection): Client {
  return createClient(createConfig({ baseUrl: baseUrl.replace(/\/+$/, ''), auth: token }));
}

const ClientContext = createContext<Client | undefined>(undefined);
export const ClientProvider = ClientContext.Provider;

export function useClient(): Client {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() needs a <ClientProvider>');
  return client;
}

/**
 * What to tell the user about a failed call. The SDK throws the error body the API answered: Monica's envelope
 * `{ error: { message, error_code } }` (a 422 lists every problem), or `{ message }` for a missing token; a call
 * that reached no server throws a TypeError.
 */
export function errorMessages(error: unknown): string[] {
  if (error instanceof Error) return [`The API could not be reached (${error.message}).`];
  const body = (error ?? {}) as { error?: { message?: unknown }; message?: unknown };
  const message = body.error?.message ?? body.message;
  if (Array.isArray(message)) return message.map(String);
  if (typeof message === 'string') return [message];
  return ['Something went wrong.'];
}

/** True for an answer of the API (a 4xx or 5xx), false for a call that reached no server. */
export function isApiError(error: unknown): boolean {
  return !(error instanceof Error);
}
