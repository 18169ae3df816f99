-- Signed, hash-chained snapshots. `signed` is the envelope `/api/v1/counts.signed` serves
-- (the exact payload bytes, their Ed25519 signature and the public key); `hash` is the
-- payload's SHA-256, which the next snapshot names as `previous`. Snapshots from before
-- signing have neither: the chain starts at the first signed one.
ALTER TABLE snapshots ADD COLUMN hash TEXT;
ALTER TABLE snapshots ADD COLUMN signed TEXT;

-- What this deployment last verified of each federation member: the chain goes on from
-- here after a restart, so a member cannot rewrite its past or replay an old snapshot
-- by waiting for one. `conflict` keeps a signed snapshot that contradicted the chain (the
-- evidence of a rewritten history): the member stays failed until an operator runs
-- `chorus federation forget NAME`. Only what the member itself published is kept.
CREATE TABLE federation_seen (
    name        TEXT PRIMARY KEY,
    public_key  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    hash        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    verified_at TEXT NOT NULL,
    conflict    TEXT
) WITHOUT ROWID;
