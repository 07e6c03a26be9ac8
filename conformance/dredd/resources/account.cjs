// Fixtures and request rules for the user (/me), compliance (terms and signatures), audit logs and groups.
//
// `GET /me/compliance` answers 404 only to a user who has signed nothing, while its 200 needs a signature, and no
// call withdraws one. The 404 check therefore runs with the token of a second account (`--token-other`), whose
// user these hooks never make sign; without that token the check is skipped, as the 429 checks are without a burn
// token.

/** Signs the latest term as the hooks' user (once per run) and returns the term's id. */
async function signLatest(ctx) {
  const { status, json } = await ctx.api('POST', '/me/compliance', { ip_address: '192.0.2.10' });
  if (status !== 200 || !json || !json.data || !json.data.term) {
    throw new Error(`fixture POST /me/compliance answered ${status}: ${JSON.stringify(json).slice(0, 300)}`);
  }
  return json.data.term.id;
}

module.exports = {
  factories: {
    groups: (ctx) => ctx.create('/groups', { name: `dredd-${Date.now()}-${Math.random().toString(36).slice(2, 7)}` }),
    /** A term of the instance: the newest one. */
    compliance: async (ctx) => {
      const { status, json } = await ctx.api('GET', '/compliance?limit=1', undefined, '');
      if (status !== 200 || !json || !Array.isArray(json.data) || json.data.length === 0) {
        throw new Error(`fixture GET /compliance answered ${status}: ${JSON.stringify(json).slice(0, 300)}`);
      }
      return json.data[0].id;
    },
    /** A term the hooks' user has signed (`/me/compliance/{id}`). */
    me: (ctx) => signLatest(ctx),
  },
  bodyRefs: {
    contacts: 'contacts',
  },
  paths: {
    '/me/compliance': {
      request: async (t, ctx, status) => {
        if (status === 200 && t.request.method === 'GET') await ctx.fixture('me');
        if (status === 404) {
          if (!ctx.otherToken) {
            ctx.skip(t, 'needs the token of a second account (--token-other) whose user signed no terms');
            return;
          }
          t.request.headers.Authorization = `Bearer ${ctx.otherToken}`;
        }
      },
    },
  },
};
