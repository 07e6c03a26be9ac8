import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { listContactsOptions } from 'monica-api-contract/query';
import { useClient } from './api.js';
import { ErrorMessages } from './ErrorMessages.js';

/** The account's contacts, a page at a time, with the API's search. */
export function ContactList({ onOpen }: { onOpen: (id: number) => void }) {
  const client = useClient();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState({ query: '', page: 1 });
  const contacts = useQuery({
    ...listContactsOptions({ client, query: { page: search.page, ...(search.query ? { query: search.query } : {}) } }),
    placeholderData: keepPreviousData,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch({ query: draft.trim(), page: 1 });
  };
  const meta = contacts.data?.meta;
  return (
    <section>
      <form role="search" onSubmit={submit}>
        <input type="search" aria-label="Search contacts" placeholder="Search contacts" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      <ErrorMessages error={contacts.error} />
      {contacts.isPending && <p>Loading…</p>}
      {meta && (
        <p className="muted">
          {meta.total === 0 ? 'No contact found.' : `${meta.total} contact${meta.total === 1 ? '' : 's'}`}
        </p>
      )}
      <ul className="contacts">
        {contacts.data?.data.map((contact) => (
          <li key={contact.id}>
            <button type="button" className="link" onClick={() => onOpen(contact.id)}>
              {contact.complete_name}
            </button>
            {contact.information.career.job && <span className="muted"> · {contact.information.career.job}</span>}
          </li>
        ))}
      </ul>
      {meta && meta.last_page > 1 && (
        <nav className="pages">
          <button type="button" disabled={meta.current_page <= 1} onClick={() => setSearch({ ...search, page: search.page - 1 })}>
            Previous
          </button>
          <span>
            Page {meta.current_page} of {meta.last_page}
          </span>
          <button type="button" disabled={meta.current_page >= meta.last_page} onClick={() => setSearch({ ...search, page: search.page + 1 })}>
            Next
          </button>
        </nav>
      )}
    </section>
  );
}
