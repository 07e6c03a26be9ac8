// Fixtures and request rules for Reminders, Tasks and Journal entries.
//
// - `contact_id` in bodies is linked to the `contacts` fixture by contacts.cjs; reminder and task fixtures are made
//   about that same contact, so the examples' PUT bodies name the object's own contact, as the contract requires.
/** A path's rules. */
function rules(extra = {}) {
  return { ...extra };
}

module.exports = {
  factories: {
    reminders: async (ctx) =>
      ctx.create('/reminders', {
        title: 'A reminder made by the conformance run',
        initial_date: '2018-09-09',
        frequency_type: 'week',
        frequency_number: 3,
        contact_id: await ctx.fixture('contacts'),
      }),
    tasks: async (ctx) =>
      ctx.create('/tasks', { title: 'A task made by the conformance run', contact_id: await ctx.fixture('contacts') }),
    journal: (ctx) => ctx.create('/journal', { title: 'Conformance run', post: 'An entry written by the conformance run.' }),
  },
  paths: {
    '/reminders': rules({ invalidBody: (body) => ({ ...body, initial_date: undefined, frequency_type: 'day' }) }),
    '/reminders/{id}': rules({ invalidBody: (body) => ({ ...body, initial_date: 'not a date' }) }),
    '/contacts/{id}/reminders': rules(),
    '/tasks': rules({ invalidBody: (body) => ({ ...body, title: '   ' }) }),
    '/tasks/{id}': rules({ invalidBody: ({ completed: _completed, ...body }) => body }),
    '/contacts/{id}/tasks': rules(),
    '/journal': rules({ invalidBody: (body) => ({ ...body, post: '' }) }),
    '/journal/{id}': rules({ invalidBody: (body) => ({ ...body, title: 'x'.repeat(256) }) }),
  },
};
