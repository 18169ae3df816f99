-- Statements move to a rowid table whose key, `place`, is the received day in the high bits
-- and 40 random bits below it: a day's statements share one region of the file (each insert
-- touches today's pages, not a random page of the whole table), and nothing in the key says
-- in which order they arrived within their day.
--
-- A WITHOUT ROWID row keeps at most about 1 KiB on its 4 KiB page and chains the rest of a
-- 5.3 KB envelope through two overflow pages (8.5 KiB a statement); a rowid row keeps about
-- 1.2 KB on its page and the rest in one overflow page (about 5.4 KB). The small columns come
-- first, so the inbox reads status, day and receipt columns without touching the overflow.
--
-- Rows move in id order (random), each drawing its 40 bits from SQLite's random(): the order
-- they are drawn in is the id order, so replaying that generator tells nothing. A row whose
-- place is taken is skipped and drawn again by the next pass (four passes: a row would need
-- to collide four times); the check below refuses to go on unless every row moved, so no
-- row is ever dropped with the old table. New rows draw from the OS generator
-- (store/testimonies.rs).
--
-- Foreign keys are off while migrations run (store/connection.rs): dropping the old table
-- must not cascade into the tables that name statements by id.

CREATE TABLE testimonies_by_place (
    place                  INTEGER PRIMARY KEY,
    id                     BLOB NOT NULL UNIQUE,
    received_day           TEXT NOT NULL,
    epoch_id               BLOB NOT NULL REFERENCES epoch_keys (id),
    status                 TEXT NOT NULL DEFAULT 'new'
                           CHECK (status IN ('new', 'read', 'in_progress', 'resolved', 'spam')),
    receipt_tag            BLOB,
    receipt_order_free_tag BLOB,
    reply_public_key       BLOB,
    receipt_box            BLOB,
    ciphertext             BLOB NOT NULL
);

INSERT OR IGNORE INTO testimonies_by_place (place, id, received_day, epoch_id, status,
                                            receipt_tag, receipt_order_free_tag,
                                            reply_public_key, receipt_box, ciphertext)
SELECT (CAST(julianday(received_day) AS INTEGER) << 40) | (random() & 1099511627775),
       id, received_day, epoch_id, status, receipt_tag, receipt_order_free_tag,
       reply_public_key, receipt_box, ciphertext
FROM testimonies
WHERE id NOT IN (SELECT id FROM testimonies_by_place);
INSERT OR IGNORE INTO testimonies_by_place (place, id, received_day, epoch_id, status,
                                            receipt_tag, receipt_order_free_tag,
                                            reply_public_key, receipt_box, ciphertext)
SELECT (CAST(julianday(received_day) AS INTEGER) << 40) | (random() & 1099511627775),
       id, received_day, epoch_id, status, receipt_tag, receipt_order_free_tag,
       reply_public_key, receipt_box, ciphertext
FROM testimonies
WHERE id NOT IN (SELECT id FROM testimonies_by_place);
INSERT OR IGNORE INTO testimonies_by_place (place, id, received_day, epoch_id, status,
                                            receipt_tag, receipt_order_free_tag,
                                            reply_public_key, receipt_box, ciphertext)
SELECT (CAST(julianday(received_day) AS INTEGER) << 40) | (random() & 1099511627775),
       id, received_day, epoch_id, status, receipt_tag, receipt_order_free_tag,
       reply_public_key, receipt_box, ciphertext
FROM testimonies
WHERE id NOT IN (SELECT id FROM testimonies_by_place);
INSERT OR IGNORE INTO testimonies_by_place (place, id, received_day, epoch_id, status,
                                            receipt_tag, receipt_order_free_tag,
                                            reply_public_key, receipt_box, ciphertext)
SELECT (CAST(julianday(received_day) AS INTEGER) << 40) | (random() & 1099511627775),
       id, received_day, epoch_id, status, receipt_tag, receipt_order_free_tag,
       reply_public_key, receipt_box, ciphertext
FROM testimonies
WHERE id NOT IN (SELECT id FROM testimonies_by_place);

-- Every row moved, or nothing happens: a CHECK that fails aborts the whole migration.
CREATE TEMP TABLE moved_every_row (ok INTEGER NOT NULL CHECK (ok = 1));
INSERT INTO moved_every_row
SELECT (SELECT count(*) FROM testimonies) = (SELECT count(*) FROM testimonies_by_place);
DROP TABLE moved_every_row;

DROP TABLE testimonies;
ALTER TABLE testimonies_by_place RENAME TO testimonies;

CREATE INDEX testimonies_by_day ON testimonies (received_day, id);
CREATE INDEX testimonies_by_status ON testimonies (status, received_day, id);
CREATE UNIQUE INDEX testimonies_by_receipt ON testimonies (receipt_tag)
    WHERE receipt_tag IS NOT NULL;
CREATE INDEX testimonies_by_receipt_words ON testimonies (receipt_order_free_tag)
    WHERE receipt_order_free_tag IS NOT NULL;
