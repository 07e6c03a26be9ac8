// Fixtures and request rules for Calls, Conversations and their Messages.
//
// A conversation needs a channel (a contact field type of the account). It is found through the API only: the
// types list when the server serves it, else the type of the e-mail field a new contact gets from `email`.
const { contactBody } = require('./contacts.cjs');

/** The id of one contact field type of the account (the types list, or a contact's e-mail field). */
async function channelId(ctx) {
  const listed = await ctx.api('GET', '/contactfieldtypes?limit=1');
  if (listed.status === 200 && listed.json && Array.isArray(listed.json.data) && listed.json.data.length > 0) {
    return listed.json.data[0].id;
  }
  const contactId = await ctx.create(
    '/contacts',
    contactBody('Dredd', { last_name: 'Channel', email: `dredd-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com` }),
  );
  const { status, json } = await ctx.api('GET', `/contacts/${contactId}?with=contactfields`);
  const field = status === 200 && json && json.data && (json.data.contactFields || [])[0];
  if (!field) throw new Error(`no contact field type found (GET /contacts/${contactId}?with=contactfields answered ${status})`);
  return field.contact_field_type.id;
}

/** A new conversation with one message; returns both ids. */
async function conversationWithMessage(ctx) {
  const id = await ctx.fresh('conversations');
  const { status, json } = await ctx.api('POST', `/conversations/${id}/messages`, {
    written_at: '2019-03-04',
    written_by_me: true,
    content: 'A message written by the conformance run.',
  });
  const messages = json && json.data && json.data.messages;
  if (status !== 200 || !Array.isArray(messages) || messages.length === 0) {
    throw new Error(`fixture POST /conversations/${id}/messages answered ${status}: ${JSON.stringify(json).slice(0, 300)}`);
  }
  return { id, messageId: messages[messages.length - 1].id };
}

/** The body's channel: the fixture's, or a missing id when a 404 is wanted and the path names nothing missing. */
const withChannel = (missingWhen404) => async (body, ctx, status) => ({
  ...body,
  contact_field_type_id: status === 404 && missingWhen404 ? ctx.MISSING_ID : await ctx.fixture('conversationChannels'),
});

/**
 * A call body with valid values (Dredd builds the call bodies from the schema, with an empty `called_at` and
 * emotion 0); the contact stays the one the hooks linked (a missing one for the 404 of POST /calls).
 */
const callBody = (body) => ({
  ...body,
  called_at: '2018-02-02',
  content: 'He called, we had fun.',
  contact_called: true,
  emotions: [1],
});

module.exports = {
  factories: {
    calls: async (ctx) =>
      ctx.create('/calls', {
        contact_id: await ctx.fixture('contacts'),
        called_at: '2019-03-04',
        content: 'A call logged by the conformance run.',
        contact_called: false,
        emotions: [1],
      }),
    conversations: async (ctx) =>
      ctx.create('/conversations', {
        contact_id: await ctx.fixture('contacts'),
        contact_field_type_id: await ctx.fixture('conversationChannels'),
        happened_at: '2019-03-04',
      }),
    conversationChannels: channelId,
  },
  paths: {
    '/calls': {
      body: callBody,
    },
    '/calls/{id}': {
      body: callBody,
    },
    '/conversations': {
      // The 404 example names a missing contact already; the channel stays a real one.
      body: withChannel(false),
    },
    '/conversations/{id}': {
      body: withChannel(false),
    },
    '/conversations/{id}/messages/{messageId}': {
      params: conversationWithMessage,
      disposable: conversationWithMessage,
    },
  },
};
