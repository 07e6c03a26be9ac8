// Fixtures and request rules for Addresses, Countries, Currencies, Contact fields and Contact field types.
const unique = (prefix) => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
module.exports = {
  factories: {
    addresses: async (ctx) =>
      ctx.create('/addresses', {
        contact_id: await ctx.fixture('contacts'),
        name: 'Work (The Office)',
        street: '1725 Slough Avenue',
        city: 'Scranton',
        province: 'PA',
        postal_code: '18505',
        country: 'US',
      }),
    // A type of its own, so that deleting it (or its fields) touches nothing else of the account.
    contactfieldtypes: (ctx) => ctx.create('/contactfieldtypes', { name: unique('Dredd'), protocol: 'dredd:', delible: 1 }),
    contactfields: async (ctx) =>
      ctx.create('/contactfields', {
        contact_id: await ctx.fixture('contacts'),
        contact_field_type_id: await ctx.fixture('contactfieldtypes'),
        data: unique('dredd-handle'),
        labels: ['work'],
      }),
    // Currencies are global reference data: the fixture is an existing one, never created nor deleted.
    currencies: async (ctx) => {
      const { status, json } = await ctx.api('GET', '/currencies?limit=1', undefined, '');
      if (status !== 200 || !json || !Array.isArray(json.data) || json.data.length === 0) {
        throw new Error(`GET /currencies answered ${status}`);
      }
      return json.data[0].id;
    },
  },
  bodyRefs: {
    contact_field_type_id: 'contactfieldtypes',
  },
  paths: {
    // The examples' e-mail address could be taken by another run's field of the Email type; the fixture type is not
    // the Email type, and the value is made unique anyway.
    '/contactfields': {
      body: async (body) => ({ ...body, data: unique('dredd-value') }),
    },
    '/contactfields/{id}': {
      body: async (body) => ({ ...body, data: unique('dredd-value') }),
    },
  },
};
