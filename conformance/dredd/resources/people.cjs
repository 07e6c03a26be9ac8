// Fixtures and request rules for Genders, Companies, Occupations, Relationships, Relationship types and groups,
// and the deprecated partners/kids calls.
const { contactBody } = require('./contacts.cjs');

const unique = (prefix) => `${prefix} ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

/** The id of a read-only reference row, found by name in a list (these resources cannot be created). */
async function findByName(ctx, collection, name) {
  const { status, json } = await ctx.api('GET', `${collection}?limit=100`);
  const found = status === 200 && json && Array.isArray(json.data) ? json.data.find((item) => item.name === name) : undefined;
  if (!found) throw new Error(`GET ${collection} has no "${name}" (status ${status})`);
  return found.id;
}

/** A second contact, for the links that need two different ones. */
const otherContact = (ctx) => ctx.create('/contacts', contactBody('Dredd', { last_name: 'Relative' }));

/** Keeps the missing ids Dredd puts in a 404 body; elsewhere links the second contact. */
const withOther = (field) => async (body, ctx, status) => (status === 404 && body[field] === ctx.MISSING_ID ? body : { ...body, [field]: await ctx.fixture('relatives') });

const PATHS = [
  '/genders', '/genders/{id}', '/companies', '/companies/{id}', '/occupations', '/occupations/{id}',
  '/relationships', '/relationships/{id}', '/contacts/{id}/relationships', '/relationshiptypes', '/relationshiptypes/{id}',
  '/relationshiptypegroups', '/relationshiptypegroups/{id}', '/contacts/{id}/partners', '/contacts/{id}/partners/unset',
  '/contacts/{id}/kids', '/contacts/{id}/kids/unset',
];

/** Request rules of these paths: the body rules given. */
function rules(bodies) {
  return Object.fromEntries(PATHS.filter((template) => bodies[template]).map((template) => [template, { body: bodies[template] }]));
}

module.exports = {
  factories: {
    genders: (ctx) => ctx.create('/genders', { name: unique('Dredd gender'), type: 'O' }),
    companies: (ctx) => ctx.create('/companies', { name: unique('Dredd company'), website: 'https://example.com', number_of_employees: 12 }),
    occupations: async (ctx) =>
      ctx.create('/occupations', {
        contact_id: await ctx.fixture('contacts'),
        company_id: await ctx.fixture('companies'),
        title: 'Conformance tester',
        salary: 1000,
        salary_unit: 'month',
        currently_works_here: true,
        start_date: '2020-01-01',
      }),
    relatives: otherContact,
    relationships: async (ctx) =>
      ctx.create('/relationships', {
        contact_is: await ctx.fixture('contacts'),
        relationship_type_id: await ctx.fixture('relationshiptypes'),
        of_contact: await ctx.fixture('relatives'),
      }),
    relationshiptypes: (ctx) => findByName(ctx, '/relationshiptypes', 'friend'),
    relationshiptypegroups: (ctx) => findByName(ctx, '/relationshiptypegroups', 'friend'),
  },
  bodyRefs: {
    company_id: 'companies',
    relationship_type_id: 'relationshiptypes',
    contact_is: 'contacts',
    of_contact: 'contacts',
    partner_id: 'contacts',
    child_id: 'contacts',
  },
  paths: rules({
    '/relationships': withOther('of_contact'),
    '/contacts/{id}/partners': withOther('partner_id'),
    '/contacts/{id}/partners/unset': withOther('partner_id'),
    '/contacts/{id}/kids': withOther('child_id'),
    '/contacts/{id}/kids/unset': withOther('child_id'),
  }),
};
