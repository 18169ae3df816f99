-- Casework: who is waiting for an answer, who is on a statement, sealed labels, and an
-- audit log that names statements in a side table so a bulk action stays one short entry.
-- Every table here is keyed by random ids (WITHOUT ROWID): neither rowid nor scan order
-- follows arrival.

-- Statements whose author wrote last: a follow-up came and no reply since. A follow-up
-- adds the row, a reply removes it.
CREATE TABLE awaiting_reply (
    id BLOB PRIMARY KEY REFERENCES testimonies (id) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO awaiting_reply (id)
SELECT t.id FROM testimonies t
WHERE EXISTS (
    SELECT 1 FROM messages f
    WHERE f.testimony_id = t.id AND f.kind = 'follow_up'
      AND f.seq > coalesce(
          (SELECT max(r.seq) FROM messages r WHERE r.testimony_id = t.id AND r.kind = 'reply'), 0)
);

-- Statements a follow-up moved from resolved back to in progress, kept until their day has
-- closed: only then is the reopening written to the audit log, one entry per day, so the
-- log never times a survivor more finely than the thread's own day does.
CREATE TABLE reopened (
    testimony_id BLOB NOT NULL REFERENCES testimonies (id) ON DELETE CASCADE,
    day          TEXT NOT NULL,
    PRIMARY KEY (testimony_id, day)
) WITHOUT ROWID;

-- What a receipt code's page shows must never change because the survivor wrote: someone
-- else holding the code (an abuser) would learn that they came back. A statement a
-- follow-up reopened keeps showing "resolved" there until staff change its status or reply.
CREATE TABLE shown_resolved (
    id BLOB PRIMARY KEY REFERENCES testimonies (id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Who is on a statement ("assigned to").
CREATE TABLE assignments (
    testimony_id BLOB PRIMARY KEY REFERENCES testimonies (id) ON DELETE CASCADE,
    staff_id     BLOB NOT NULL REFERENCES staff (id)
) WITHOUT ROWID;
CREATE INDEX assignments_by_staff ON assignments (staff_id, testimony_id);

-- Labels. A statement's set is sealed (XChaCha20-Poly1305 under a key derived from an epoch
-- private key, so it opens only in an unlocked staff session); `label_index` holds one
-- keyed tag per label (HMAC under another key derived from the same epoch key), so
-- `?label=` is a lookup, not a decryption of every set. `label_vocabulary` keeps each tag
-- in use with its label's text, sealed, for the inbox's choices; a tag no statement carries
-- any more is deleted with its text (by label changes, deletions, withdrawals and purges:
-- no key is needed to forget).
CREATE TABLE label_sets (
    testimony_id BLOB PRIMARY KEY REFERENCES testimonies (id) ON DELETE CASCADE,
    sealed       BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE label_index (
    tag          BLOB NOT NULL,
    testimony_id BLOB NOT NULL REFERENCES testimonies (id) ON DELETE CASCADE,
    PRIMARY KEY (tag, testimony_id)
) WITHOUT ROWID;
CREATE INDEX label_index_by_testimony ON label_index (testimony_id, tag);
CREATE TABLE label_vocabulary (
    tag    BLOB PRIMARY KEY,
    sealed BLOB NOT NULL
) WITHOUT ROWID;

-- The statements an audit entry names. A bulk action over 1,000 statements is one short
-- entry whose detail carries the SHA-256 of its ids (so the chain still covers them); the
-- ids themselves live here, one click away, and `?testimony=` finds the entries naming one.
-- No foreign keys: the record outlives a deletion, and `chorus audit verify` (not a
-- constraint) is what catches an edited log.
CREATE TABLE audit_subjects (
    testimony_id BLOB NOT NULL,
    seq          INTEGER NOT NULL,
    PRIMARY KEY (testimony_id, seq)
) WITHOUT ROWID;
CREATE INDEX audit_subjects_by_seq ON audit_subjects (seq, testimony_id);
-- Entries written before this version name their statements in the detail text: every
-- 32-hex-digit word there is an id.
INSERT OR IGNORE INTO audit_subjects (testimony_id, seq)
WITH RECURSIVE words (seq, word, rest) AS (
    SELECT seq, '', detail || ' ' FROM audit_log
    WHERE action LIKE 'testimony.%' OR action IN ('inbox.view', 'export')
    UNION ALL
    SELECT seq, rtrim(substr(rest, 1, instr(rest, ' ') - 1), ';:,'), substr(rest, instr(rest, ' ') + 1)
    FROM words WHERE rest <> ''
)
SELECT unhex(word), seq FROM words
WHERE length(word) = 32 AND unhex(word) IS NOT NULL;
