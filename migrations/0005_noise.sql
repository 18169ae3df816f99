-- Differential privacy. `noise` keeps every noise value drawn for a released cell (drawn once,
-- never again: a restart or a re-publication shows the same figures) and the few figures a
-- release must remember. Noise is drawn independently of the data, so it reveals nothing.
CREATE TABLE noise (
    cell TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
-- The noised figures are built from blocks of what each tick folded, by the day of the tick
-- (`fold:YYYY-MM-DD`, statements; `pfold:…`, pledges) and from a category tally that counts a
-- statement in one of its categories (`dpcat:KEY`). Counts kept before this version become
-- blocks on the Monday of their week, pledges a block in last week, and the category tally
-- starts from the old per-category counts (which counted a statement in every category it
-- named: SECURITY.md says so).
INSERT INTO counters (cell, count)
SELECT 'fold:' || date(
           substr(cell, 6, 4) || '-01-04',
           '-' || ((CAST(strftime('%w', substr(cell, 6, 4) || '-01-04') AS INTEGER) + 6) % 7) || ' days',
           '+' || ((CAST(substr(cell, 12, 2) AS INTEGER) - 1) * 7) || ' days'),
       sum(count)
FROM counters WHERE cell LIKE 'week:____-W__' AND count > 0
GROUP BY 1;
INSERT INTO counters (cell, count)
SELECT 'dpcat:' || substr(cell, 10), count FROM counters WHERE cell LIKE 'category:%' AND count > 0;
INSERT INTO counters (cell, count)
SELECT 'pfold:' || date('now', '-7 days'), count FROM counters WHERE cell = 'pledge:total' AND count > 0;
