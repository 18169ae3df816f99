-- The "uncounted" mark moves off the testimony rows into its own narrow table. Clearing a
-- tick's marks then rewrites a few small pages per thousand rows (ids folded in order)
-- instead of every marked testimony's page: a tick of a million rows took minutes of
-- writer time and wrote gigabytes of WAL with the mark on the row.
CREATE TABLE uncounted (
    id BLOB PRIMARY KEY REFERENCES testimonies (id) ON DELETE CASCADE
) WITHOUT ROWID;
-- Spam never needs counting, so it carries no mark.
INSERT INTO uncounted (id) SELECT id FROM testimonies WHERE uncounted = 1 AND status != 'spam';
ALTER TABLE testimonies DROP COLUMN uncounted;
