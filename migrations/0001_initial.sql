-- Chorus schema, version 1.
-- Every survivor-facing table is keyed by a random id and declared WITHOUT ROWID, so the
-- file keeps no arrival order. Category and setting never appear on a row: they live only
-- inside the ciphertext and, aggregated, in `counters`.

-- Deployment-wide values (the receipt-code salt, schema facts). No secrets that open anything.
CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE staff (
    id                  BLOB PRIMARY KEY,
    username            TEXT NOT NULL UNIQUE,
    role                TEXT NOT NULL CHECK (role IN ('admin', 'reviewer')),
    active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    salt                BLOB NOT NULL,
    verifier            BLOB NOT NULL,
    public_key          BLOB NOT NULL,
    wrapped_private_key BLOB NOT NULL,
    sealed_totp_secret  BLOB NOT NULL,
    totp_last_step      INTEGER,
    failed_logins       INTEGER NOT NULL DEFAULT 0,
    locked_until        INTEGER,
    created_at          TEXT NOT NULL
) WITHOUT ROWID;

-- The public half of the offline recovery key; its private half is never stored.
CREATE TABLE recovery_keys (
    id         BLOB PRIMARY KEY,
    public_key BLOB NOT NULL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;

-- One HPKE key pair per epoch. The private half exists here only inside key_grants.
CREATE TABLE epoch_keys (
    id         BLOB PRIMARY KEY,
    generation INTEGER NOT NULL UNIQUE,
    public_key BLOB NOT NULL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;

-- An epoch private key sealed to one recipient (a staff member or the recovery key).
CREATE TABLE key_grants (
    epoch_id     BLOB NOT NULL REFERENCES epoch_keys (id),
    recipient_id BLOB NOT NULL,
    sealed_key   BLOB NOT NULL,
    PRIMARY KEY (epoch_id, recipient_id)
) WITHOUT ROWID;

CREATE TABLE testimonies (
    id           BLOB PRIMARY KEY,
    received_day TEXT NOT NULL,
    epoch_id     BLOB NOT NULL REFERENCES epoch_keys (id),
    status       TEXT NOT NULL DEFAULT 'new'
                 CHECK (status IN ('new', 'read', 'in_progress', 'resolved', 'spam')),
    uncounted    INTEGER NOT NULL CHECK (uncounted IN (0, 1)),
    ciphertext   BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX testimonies_by_day ON testimonies (received_day, id);

-- Pledges waiting for the next publication tick; folded into counters and deleted then.
CREATE TABLE pledges (
    id         BLOB PRIMARY KEY,
    pledge_key TEXT NOT NULL
) WITHOUT ROWID;

-- True aggregate counts, changed only at publication ticks.
CREATE TABLE counters (
    cell  TEXT PRIMARY KEY,
    count INTEGER NOT NULL CHECK (count >= 0)
) WITHOUT ROWID;

-- What the public sees: one rounded snapshot per tick.
-- `generation` orders them (two ticks can share a second when publishing at every change).
CREATE TABLE snapshots (
    id           TEXT PRIMARY KEY,
    generation   INTEGER NOT NULL UNIQUE,
    published_at TEXT NOT NULL,
    body         TEXT NOT NULL
) WITHOUT ROWID;

-- One-time set-up and invitation tokens, stored only as SHA-256 hashes.
CREATE TABLE setup_tokens (
    token_hash BLOB PRIMARY KEY,
    purpose    TEXT NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Staff actions, hash-chained. Survivor actions are never written here.
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    detail    TEXT NOT NULL,
    prev_hash BLOB NOT NULL,
    hash      BLOB NOT NULL
);
