// Migration 2: Activities, activity types and activity type categories; the emotions shared with calls.
export const version = 2;

export const sql = `
-- Emotions are global reference data, the same for every account (activities and calls refer to them).
CREATE TABLE emotions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
INSERT INTO emotions (id, name) VALUES
  (1, 'adoration'), (2, 'affection'), (3, 'amusement'), (4, 'anger'), (5, 'anxiety'), (6, 'boredom'),
  (7, 'calm'), (8, 'confusion'), (9, 'contentment'), (10, 'disappointment'), (11, 'embarrassment'),
  (12, 'excitement'), (13, 'gratitude'), (14, 'happiness'), (15, 'hope'), (16, 'joy'), (17, 'love'),
  (18, 'nostalgia'), (19, 'pride'), (20, 'relief'), (21, 'sadness'), (22, 'surprise'), (23, 'sympathy'),
  (24, 'worry');
`;
