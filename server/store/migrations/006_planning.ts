// Migration 6: Reminders, tasks and journal entries.
export const version = 6;

export const sql = `
`;
