// Migration 8: Compliance terms and signatures, groups.
export const version = 8;

export const sql = `
`;
