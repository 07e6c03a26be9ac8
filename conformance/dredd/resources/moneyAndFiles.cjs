// Fixtures and request rules for Debts, Gifts, Photos and Documents.
//
// Photos and documents are uploaded as multipart/form-data, which Dredd cannot build from the contract's
// example: `request` replaces the body of those transactions with a real form (serialised with its boundary,
// sent base64-encoded so the bytes survive).

/** A 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n% A document uploaded by the conformance run.\n%%EOF\n', 'utf8');

const photoFile = () => new File([PNG], 'dredd.png', { type: 'image/png' });
const documentFile = () => new File([PDF], 'dredd.pdf', { type: 'application/pdf' });

function form(fields) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** Puts a multipart form into a Dredd transaction: the serialised bytes, and the Content-Type with its boundary. */
async function useForm(t, data) {
  const serialised = new Request('http://localhost/', { method: 'POST', body: data });
  const bytes = Buffer.from(await serialised.arrayBuffer());
  for (const name of Object.keys(t.request.headers)) {
    if (/^content-(type|length)$/i.test(name)) delete t.request.headers[name];
  }
  t.request.headers['Content-Type'] = serialised.headers.get('content-type');
  t.request.body = bytes.toString('base64');
  t.request.bodyEncoding = 'base64';
}

/** The contact a transaction's form names: a real one, or a missing one for the 404 check. */
const formContact = async (ctx, status) => String(status === 404 ? ctx.MISSING_ID : await ctx.fixture('contacts'));


module.exports = {
  factories: {
    debts: async (ctx) =>
      ctx.create('/debts', {
        contact_id: await ctx.fixture('contacts'),
        in_debt: 'yes',
        status: 'inprogress',
        amount: 42.5,
        reason: 'Concert tickets, paid by the conformance run.',
      }),
    gifts: async (ctx) =>
      ctx.create('/gifts', {
        contact_id: await ctx.fixture('contacts'),
        name: 'A book from the conformance run',
        status: 'idea',
        amount: '19.99',
        date: '2024-12-24',
      }),
    photos: async (ctx) => ctx.create('/photos', form({ contact_id: String(await ctx.fixture('contacts')), photo: photoFile() })),
    documents: async (ctx) =>
      ctx.create('/documents', form({ contact_id: String(await ctx.fixture('contacts')), document: documentFile() })),
  },
  bodyRefs: {
    recipient_id: 'contacts',
  },
  paths: {
    '/gifts/{id}/photo/{photoId}': {
      params: async (ctx) => ({ id: await ctx.fixture('gifts'), photoId: await ctx.fixture('photos') }),
      request: async (t, ctx, status) => {
        // The only 422 this server sends here is for a gift whose contact is archived, and the API cannot archive
        // a contact; 4.x's other 422 (an id in no account) is a 404 here, which the 404 transaction checks.
        if (status === 422) ctx.skip(t, 'only an archived contact causes it, and the API cannot archive one');
      },
    },
    '/photos': {
      request: async (t, ctx, status) => {
        if (t.request.method !== 'POST') return;
        const contact_id = await formContact(ctx, status);
        // 422: a file that is not an image.
        const photo = status === 422 ? new File(['just text'], 'notes.txt', { type: 'text/plain' }) : photoFile();
        await useForm(t, form({ contact_id, photo }));
      },
    },
    '/documents': {
      request: async (t, ctx, status) => {
        if (t.request.method !== 'POST') return;
        const contact_id = await formContact(ctx, status);
        // 422: the form has no file.
        await useForm(t, status === 422 ? form({ contact_id }) : form({ contact_id, document: documentFile() }));
      },
    },
  },
};
