// Migration 7: Companies, occupations, relationship types and relationships.
export const version = 7;

export const sql = `
`;
