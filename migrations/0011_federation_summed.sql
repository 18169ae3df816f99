-- The payload of each member's snapshot last added to the sum: the baseline its next
-- figures' growth is measured against (`federation_max_daily_growth`). A member whose
-- figures were refused as implausible keeps being measured from here, so a jump is not
-- accepted merely by being seen twice. Cleared with the rest when its key changes.
-- `summed_at` is when it became the baseline, by this deployment's clock (never the
-- member's): the baseline moves at most once a day.
ALTER TABLE federation_seen ADD COLUMN summed TEXT;
ALTER TABLE federation_seen ADD COLUMN summed_at TEXT;
