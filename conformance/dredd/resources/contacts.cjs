// Fixtures and request rules for Contacts, Tags and Notes. `contactBody` is shared with the other resource modules
// (the hooks read only `factories`, `bodyRefs` and `paths`).
/** A contact body with the flags every create needs. */
const contactBody = (first, extra = {}) => ({
  first_name: first,
  last_name: 'Fixture',
  is_birthdate_known: false,
  is_deceased: false,
  is_deceased_date_known: false,
  ...extra,
});

module.exports = {
  contactBody,
  factories: {
    contacts: (ctx) => ctx.create('/contacts', contactBody('Dredd')),
    tags: (ctx) => ctx.create('/tags', { name: `dredd-${Date.now()}-${Math.random().toString(36).slice(2, 7)}` }),
    notes: async (ctx) =>
      ctx.create('/notes', { body: 'A note written by the conformance run.', contact_id: await ctx.fixture('contacts'), is_favorited: false }),
  },
  bodyRefs: {
    contact_id: 'contacts',
  },
  paths: {
    '/contacts/{id}/unsetTag': {
      body: async (body, ctx) => ({ ...body, tags: [await ctx.fixture('tags')] }),
    },
    '/contacts/{id}/work': {
      invalidBody: () => ({ job: 42 }),
    },
  },
};
