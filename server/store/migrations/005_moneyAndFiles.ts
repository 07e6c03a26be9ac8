// Migration 5: Debts, gifts, photos and documents.
export const version = 5;

export const sql = `
`;
