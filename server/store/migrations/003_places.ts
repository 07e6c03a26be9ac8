// Migration 3: Countries, currencies, addresses and contact field labels.
export const version = 3;

export const sql = `
`;
