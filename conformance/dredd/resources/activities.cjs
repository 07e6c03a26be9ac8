// Fixtures and request rules for Activities, Activity types and Activity type categories.
const today = () => new Date().toISOString().slice(0, 10);

/** A valid activity body around the ids the hooks linked (fixtures, or missing ids for 404s). */
const activityBody = async (body) => ({
  ...body,
  summary: 'Lunch with the conformance run',
  description: 'Recorded through the API.',
  happened_at: today(),
  emotions: [1],
});

module.exports = {
  factories: {
    activitytypecategories: (ctx) => ctx.create('/activitytypecategories', { name: 'Dredd category' }),
    activitytypes: async (ctx) =>
      ctx.create('/activitytypes', { name: 'Dredd type', activity_type_category_id: await ctx.fixture('activitytypecategories') }),
    activities: async (ctx) =>
      ctx.create('/activities', {
        summary: 'An activity recorded by the conformance run',
        happened_at: today(),
        contacts: [await ctx.fixture('contacts')],
        activity_type_id: await ctx.fixture('activitytypes'),
        emotions: [1],
      }),
  },
  bodyRefs: {
    contacts: 'contacts',
    activity_type_id: 'activitytypes',
    activity_type_category_id: 'activitytypecategories',
  },
  paths: {
    // Dredd builds the request from the schema's empty strings; give it real content, keeping the linked ids.
    '/activities': { body: activityBody },
    '/activities/{id}': { body: activityBody },
    // Every field of a category is optional, so the empty body the hooks send for 422s would be valid.
    '/activitytypecategories': { invalidBody: () => ({ name: 42 }) },
    '/activitytypecategories/{id}': { invalidBody: () => ({ name: 42 }) },
  },
};
