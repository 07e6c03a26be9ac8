// Migration 8: Compliance terms and signatures, groups, and the user's preferences.
export const version = 8;

export const sql = `
-- The user's preferred currency (debts and gifts format amounts with it); NULL means US dollars.
ALTER TABLE users ADD COLUMN currency_id INTEGER REFERENCES currencies(id) ON DELETE SET NULL;
`;
