// Fixtures and request rules for Reminders, Tasks and Journal entries.
//
// - `contact_id` in bodies is linked to the `contacts` fixture by contacts.cjs; reminder and task fixtures are made
//   about that same contact, so the examples' PUT bodies name the object's own contact, as the contract requires.
// - A used-up budget comes back after a minute, and a run takes longer than that: before each 429 check of these
//   paths the burn token's budget is used up again if it has come back.
const BURN_TOKEN = process.env.MONICA_BURN_TOKEN || '';

/** Makes the burn token's next call answer 429. A budget still used up answers the first probe with 429. */
async function useUpBurnBudget(ctx) {
  const probe = () => ctx.api('GET', '/journal?limit=1', undefined, BURN_TOKEN).then((r) => r.status);
  if ((await probe()) === 429) return;
  for (let sent = 0; sent < 200000; sent += 50) {
    const statuses = await Promise.all(Array.from({ length: 50 }, probe));
    if (statuses.includes(429)) return;
  }
  throw new Error('the rate limit never answered 429');
}

/** A path's rules, with the 429 check's budget used up again first. */
function rules(extra = {}) {
  return {
    ...extra,
    async request(t, ctx, status) {
      if (status === 429 && BURN_TOKEN) await useUpBurnBudget(ctx);
    },
  };
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
