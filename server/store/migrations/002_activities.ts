// Migration 2: Activities, activity types and activity type categories.
export const version = 2;

export const sql = `
`;
