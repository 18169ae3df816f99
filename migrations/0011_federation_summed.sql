-- The payload of each member's snapshot last added to the sum: the baseline its next
-- figures' growth is measured against (`federation_max_daily_growth`). A member whose
-- figures were refused as implausible keeps being measured from here, so a jump is not
-- accepted merely by being seen twice. Cleared with the rest when its key changes.
ALTER TABLE federation_seen ADD COLUMN summed TEXT;
