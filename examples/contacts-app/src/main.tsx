import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectionFromEnv, type Connection } from './api.js';
import { App } from './App.js';
import './styles.css';

async function start() {
  let connection: Connection | undefined = connectionFromEnv(import.meta.env);
  if (import.meta.env.MODE === 'mock') {
    const { worker } = await import('./mocks.js');
    await worker.start({ onUnhandledRequest: 'error', quiet: true });
    // Any base URL ending in /api: the worker answers before a request leaves the page.
    connection = { baseUrl: new URL('/api', window.location.href).href, token: 'mock-token' };
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App connection={connection} />
    </StrictMode>,
  );
}

void start();
