// Migration 4: Calls, conversations and messages.
export const version = 4;

export const sql = `
`;
