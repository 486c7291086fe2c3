-- The report before a given one is the first entry of this index at or after (milestone, id): H2
-- walks an index only forwards, so the newest-first order is the index's own.
CREATE INDEX status_reports_milestone_newest_idx ON status_reports (milestone_id, id DESC);
