-- A second value derived from a receipt code: HKDF of its words sorted, so a code typed with
-- the right words in another order can be told apart from a wrong code ("these are your
-- words, not in their order"). It opens nothing: replies and withdrawals need the code in
-- order. Codes issued before this have none; they get the plain "check each word".
ALTER TABLE testimonies ADD COLUMN receipt_order_free_tag BLOB;
CREATE INDEX testimonies_by_receipt_words ON testimonies (receipt_order_free_tag)
    WHERE receipt_order_free_tag IS NOT NULL;
