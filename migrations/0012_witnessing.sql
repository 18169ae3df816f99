-- Witnessing (C2SP tlog-witness), both ways.
--
-- `witnessed`: as a witness for federation peers, the latest checkpoint of each peer's log
-- this deployment cosigned (its size and root hash). A checkpoint is cosigned only if it
-- extends this one, so a peer showing two histories is caught by whoever compares
-- cosigned checkpoints.
CREATE TABLE witnessed (
    origin TEXT PRIMARY KEY,
    size   INTEGER NOT NULL,
    root   BLOB NOT NULL
) WITHOUT ROWID;

-- `cosignatures`: for this deployment's own log, the latest cosignature each configured
-- witness returned, with the tree size it cosigned (the witness's `old` size next time).
CREATE TABLE cosignatures (
    witness TEXT PRIMARY KEY,
    size    INTEGER NOT NULL,
    line    TEXT NOT NULL
) WITHOUT ROWID;

-- As an aggregator with a witness quorum: the checkpoint of each member's log verified
-- last (its size and root), so the next one must extend it. Cleared when its key changes.
ALTER TABLE federation_seen ADD COLUMN log_size INTEGER;
ALTER TABLE federation_seen ADD COLUMN log_root BLOB;
