// Migration 3: Countries, currencies, addresses and contact field labels.
export const version = 3;

export const sql = `
-- Currencies are global reference data (debts, gifts and the user's preferences refer to them).
CREATE TABLE currencies (
  id INTEGER PRIMARY KEY,
  iso TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  symbol TEXT NOT NULL
);
-- The user's preferred currency (debts and gifts format amounts with it); NULL means US dollars.
ALTER TABLE users ADD COLUMN currency_id INTEGER REFERENCES currencies(id) ON DELETE SET NULL;
`;
