// @vitest-environment happy-dom
// The example app (examples/contacts-app) as a frontend team tests it: rendered in happy-dom with Testing Library,
// every call answered by the generated MSW handlers under msw/node. What the screen shows is what the contract
// documents (read from the spec), and a 422 on save shows the contract's validation messages.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handlers, mswHandlers } from 'monica-api-contract/msw';
import { App, createQueryClient } from '../../examples/contacts-app/src/App.js';
import { documentedContactNames, documentedExample } from './contract.js';

const BASE = 'http://monica.test/api';
const server = setupServer(...handlers);

/** Every request the app sent, as `METHOD /path?query`, with its JSON body. */
const sent: { call: string; body: unknown }[] = [];
server.events.on('request:start', async ({ request }) => {
  const url = new URL(request.url);
  const text = await request.clone().text();
  sent.push({ call: `${request.method} ${url.pathname}${url.search}`, body: text ? JSON.parse(text) : undefined });
});
const calls = () => sent.map((s) => s.call);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  sent.length = 0;
});
afterAll(() => server.close());

/** The app, connected to the mocked API unless told `connected: false`. */
function renderApp({ connected = true } = {}) {
  const connection = connected ? { baseUrl: BASE, token: 'test-token' } : undefined;
  return render(<App connection={connection} queryClient={createQueryClient()} />);
}

/** Opens the first contact of the documented list, and waits for its notes. */
async function openFirstContact(): Promise<HTMLElement> {
  renderApp();
  fireEvent.click(await screen.findByRole('button', { name: documentedContactNames()[0] }));
  await screen.findByRole('heading', { name: documentedExample('getContact', 200).data.complete_name });
  await screen.findByText(documentedExample('listContactNotes', 200).data[0].body);
  return screen.getByRole('region', { name: 'Notes' });
}

function write(notes: HTMLElement, label: string, text: string) {
  fireEvent.change(within(notes).getByLabelText(label), { target: { value: text } });
}

describe('the contacts example app with the generated MSW handlers', () => {
  it('lists the documented contacts, and searches with the API', async () => {
    renderApp();
    for (const name of documentedContactNames()) expect(await screen.findByRole('button', { name })).toBeTruthy();
    expect(screen.getByText(`${documentedExample('listContacts', 200).meta.total} contacts`)).toBeTruthy();

    server.use(mswHandlers.listContacts({ example: 'search' }));
    const term = documentedExample('listContacts', 200, 'search').meta.query;
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: term } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    for (const name of documentedContactNames('search')) expect(await screen.findByRole('button', { name })).toBeTruthy();
    expect(calls()).toContain(`GET /api/contacts?page=1&query=${term}`);
  });

  it('opens a contact and shows its notes', async () => {
    const notes = await openFirstContact();
    expect(calls()).toEqual(expect.arrayContaining(['GET /api/contacts/1', 'GET /api/contacts/1/notes']));
    expect(within(notes).getAllByRole('listitem')).toHaveLength(documentedExample('listContactNotes', 200).data.length);
  });

  it('creates a note, then lists the notes again', async () => {
    const notes = await openFirstContact();
    write(notes, 'New note', 'Call her about the Lisbon photos');
    fireEvent.click(within(notes).getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect((within(notes).getByLabelText('New note') as HTMLTextAreaElement).value).toBe(''));
    expect(sent.find((s) => s.call === 'POST /api/notes')?.body).toEqual({ body: 'Call her about the Lisbon photos', contact_id: 1 });
    await waitFor(() => expect(calls().filter((c) => c === 'GET /api/contacts/1/notes')).toHaveLength(2));
    expect(within(notes).queryByRole('alert')).toBeNull();
  });

  it('shows the validation messages of a 422, and keeps what was written', async () => {
    server.use(mswHandlers.createNote({ status: 422 }));
    const notes = await openFirstContact();
    write(notes, 'New note', 'A note the server refuses');
    fireEvent.click(within(notes).getByRole('button', { name: 'Add note' }));
    const alert = await within(notes).findByRole('alert');
    const messages: string[] = documentedExample('createNote', 422).error.message;
    expect(messages.length).toBeGreaterThan(0);
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual(messages);
    expect((within(notes).getByLabelText('New note') as HTMLTextAreaElement).value).toBe('A note the server refuses');
  });

  it('checks a note with the contract\'s zod schema before sending it', async () => {
    const notes = await openFirstContact();
    write(notes, 'New note', '   ');
    fireEvent.click(within(notes).getByRole('button', { name: 'Add note' }));
    expect((await within(notes).findByRole('alert')).textContent).toBe('Write something first.');
    expect(calls()).not.toContain('POST /api/notes');
  });

  it('edits a note, keeping whether it is a favourite, and deletes it', async () => {
    const notes = await openFirstContact();
    const note = documentedExample('listContactNotes', 200).data[0];
    fireEvent.click(within(notes).getByRole('button', { name: 'Edit' }));
    expect((within(notes).getByLabelText('Edit note') as HTMLTextAreaElement).value).toBe(note.body);
    write(notes, 'Edit note', 'Rewritten');
    fireEvent.click(within(notes).getByRole('button', { name: 'Save' }));
    await within(notes).findByRole('button', { name: 'Edit' });
    expect(sent.find((s) => s.call === `PUT /api/notes/${note.id}`)?.body).toEqual({ body: 'Rewritten', contact_id: 1, is_favorited: note.is_favorited });

    fireEvent.click(within(notes).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(calls()).toContain(`DELETE /api/notes/${note.id}`));
    await waitFor(() => expect(calls().filter((c) => c === 'GET /api/contacts/1/notes')).toHaveLength(3));
  });

  it('asks where the API is when it is not configured, and shows a refused token\'s message', async () => {
    server.use(mswHandlers.listContacts({ status: 401 }));
    renderApp({ connected: false });
    fireEvent.change(screen.getByLabelText('API base URL'), { target: { value: BASE } });
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: 'revoked-token' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toBe(documentedExample('listContacts', 401).message);
    expect(calls()).toEqual(['GET /api/contacts?page=1']);
  });
});
