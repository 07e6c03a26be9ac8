// Mock mode (`vite --mode mock`): MSW's service worker answers every call with the contract's documented examples.
import { setupWorker } from 'msw/browser';
import { handlers } from 'monica-api-contract/msw';

export const worker = setupWorker(...handlers);
