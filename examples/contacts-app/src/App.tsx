import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ClientProvider, createApiClient, isApiError, type Connection } from './api.js';
import { ConnectForm } from './ConnectForm.js';
import { ContactList } from './ContactList.js';
import { ContactPage } from './ContactPage.js';

/** An answer of the API is final; only a call that reached no server is tried again. */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: (failures, error) => !isApiError(error) && failures < 2 } } });
}

export interface AppProps {
  /** Where the API is and the token to send; without it the app asks. */
  connection?: Connection;
  queryClient?: QueryClient;
}

export function App({ connection: initial, queryClient }: AppProps) {
  const [queries] = useState(() => queryClient ?? createQueryClient());
  const [connection, setConnection] = useState(initial);
  const [contactId, setContactId] = useState<number>();
  const client = useMemo(() => connection && createApiClient(connection), [connection]);
  return (
    <QueryClientProvider client={queries}>
      <header>
        <h1>Contacts</h1>
        {connection && (
          <p className="muted">
            {connection.baseUrl}{' '}
            <button type="button" className="link" onClick={() => setConnection(undefined)}>
              Change
            </button>
          </p>
        )}
      </header>
      <main>
        {client ? (
          <ClientProvider value={client}>
            {contactId === undefined ? (
              <ContactList onOpen={setContactId} />
            ) : (
              <ContactPage id={contactId} onBack={() => setContactId(undefined)} />
            )}
          </ClientProvider>
        ) : (
          <ConnectForm onConnect={setConnection} />
        )}
      </main>
    </QueryClientProvider>
  );
}
