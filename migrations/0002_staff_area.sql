-- Staff area: invitations, known devices, TOTP recovery codes, sealed messages.

-- Invitations carry no key; the invitee chooses a passphrase and an admin grants access.
CREATE TABLE invitations (
    token_hash BLOB PRIMARY KEY,
    username   TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('admin', 'reviewer')),
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Browsers that logged in successfully: exempt from the lockout for that account, so an
-- attacker guessing passwords cannot lock staff out. Only a hash of the cookie is stored.
CREATE TABLE devices (
    token_hash BLOB NOT NULL,
    staff_id   BLOB NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    PRIMARY KEY (token_hash, staff_id)
) WITHOUT ROWID;

-- One-time codes usable instead of a TOTP code (lost phone). Stored hashed.
CREATE TABLE totp_recovery_codes (
    staff_id  BLOB NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    code_hash BLOB NOT NULL,
    PRIMARY KEY (staff_id, code_hash)
) WITHOUT ROWID;

-- Notes (and, later, follow-ups and replies), each sealed like a testimony. `seq` orders a
-- thread; `created_day` is all the time kept.
CREATE TABLE messages (
    id           BLOB PRIMARY KEY,
    testimony_id BLOB NOT NULL REFERENCES testimonies (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('note', 'follow_up', 'reply')),
    author       TEXT,
    created_day  TEXT NOT NULL,
    ciphertext   BLOB NOT NULL,
    UNIQUE (testimony_id, seq)
) WITHOUT ROWID;

CREATE INDEX testimonies_by_status ON testimonies (status, received_day, id);
