import { useState, type FormEvent } from 'react';
import type { Connection } from './api.js';

/** Asks for the API base URL and a token when VITE_MONICA_API and VITE_MONICA_TOKEN are not set. */
export function ConnectForm({ onConnect }: { onConnect: (connection: Connection) => void }) {
  const [baseUrl, setBaseUrl] = useState('http://127.0.0.1:8080/api');
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConnect({ baseUrl: baseUrl.trim(), token: token.trim() });
  };
  return (
    <form onSubmit={submit} className="card">
      <h2>Connect to Monica</h2>
      <label>
        API base URL
        <input type="url" required value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
      </label>
      <label>
        Token
        <input type="password" required value={token} onChange={(e) => setToken(e.target.value)} />
      </label>
      <button type="submit">Connect</button>
    </form>
  );
}
