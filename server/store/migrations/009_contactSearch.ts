// Migration 9: an index for contact search, and a kept count of each account's listed contacts.
export const version = 9;

// The searched columns, each folded by unicode_fold (case and accents dropped, see db.ts) and joined by a
// newline: search words never hold whitespace, so a word matches the joined text exactly when it matches one
// of the columns. Each column is folded on its own, as the search did before this index existed.
const searchedText = (row: string) =>
  ['first_name', 'middle_name', 'last_name', 'nickname', 'description', 'job', 'company']
    .map((col) => `coalesce(unicode_fold(${row}.${col}), '')`)
    .join(" || char(10) || ");

export const sql = `
-- One row per contact (rowid = contacts.id). The trigram index finds the contacts holding a word of 3 or more
-- characters without reading every row; shorter words still scan this one column, never calling unicode_fold.
CREATE VIRTUAL TABLE contacts_search USING fts5(folded, tokenize = 'trigram');
INSERT INTO contacts_search (rowid, folded) SELECT id, ${searchedText('contacts')} FROM contacts;

-- Kept in step by triggers, so no write path can forget it. They call unicode_fold, which openDatabase
-- registers on every connection; a write to the searched columns through a bare connection fails loudly.
CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO contacts_search (rowid, folded) VALUES (new.id, ${searchedText('new')});
END;
CREATE TRIGGER contacts_search_update
  AFTER UPDATE OF first_name, middle_name, last_name, nickname, description, job, company ON contacts BEGIN
  UPDATE contacts_search SET folded = ${searchedText('new')} WHERE rowid = new.id;
END;
CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
  DELETE FROM contacts_search WHERE rowid = old.id;
END;

-- Every page of the contact list tells how many real, active contacts the account has. Counting them is a walk
-- over all of them (milliseconds at 100,000), so the number is kept here instead, by triggers on contacts.
CREATE TABLE contact_list_counts (
  account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  listed INTEGER NOT NULL DEFAULT 0
);
INSERT INTO contact_list_counts (account_id, listed)
  SELECT account_id, COUNT(*) FROM contacts WHERE is_partial = 0 AND is_active = 1 GROUP BY account_id;

CREATE TRIGGER contact_list_counts_insert AFTER INSERT ON contacts
  WHEN new.is_partial = 0 AND new.is_active = 1 BEGIN
  INSERT INTO contact_list_counts (account_id, listed) VALUES (new.account_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET listed = listed + 1;
END;
CREATE TRIGGER contact_list_counts_delete AFTER DELETE ON contacts
  WHEN old.is_partial = 0 AND old.is_active = 1 BEGIN
  UPDATE contact_list_counts SET listed = listed - 1 WHERE account_id = old.account_id;
END;
CREATE TRIGGER contact_list_counts_update AFTER UPDATE OF account_id, is_partial, is_active ON contacts
  WHEN old.account_id IS NOT new.account_id
    OR (old.is_partial = 0 AND old.is_active = 1) IS NOT (new.is_partial = 0 AND new.is_active = 1) BEGIN
  UPDATE contact_list_counts SET listed = listed - 1
   WHERE account_id = old.account_id AND old.is_partial = 0 AND old.is_active = 1;
  INSERT INTO contact_list_counts (account_id, listed)
    SELECT new.account_id, 1 WHERE new.is_partial = 0 AND new.is_active = 1
    ON CONFLICT (account_id) DO UPDATE SET listed = listed + 1;
END;
`;
