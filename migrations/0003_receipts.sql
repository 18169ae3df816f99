-- Receipt codes: a survivor who asked for one can come back. Only values derived from the
-- code are stored: a lookup tag, the public half of a key pair derived from it (replies are
-- sealed to it), and a small box sealed to that key holding the categories and day, so a
-- withdrawal can take the testimony out of the counts without any staff key.
ALTER TABLE testimonies ADD COLUMN receipt_tag BLOB;
ALTER TABLE testimonies ADD COLUMN reply_public_key BLOB;
ALTER TABLE testimonies ADD COLUMN receipt_box BLOB;
CREATE UNIQUE INDEX testimonies_by_receipt ON testimonies (receipt_tag) WHERE receipt_tag IS NOT NULL;

-- A staff reply is sealed twice: to the epoch (staff keep the thread) and to the survivor's
-- code-derived key (what /return opens).
ALTER TABLE messages ADD COLUMN survivor_ciphertext BLOB;
