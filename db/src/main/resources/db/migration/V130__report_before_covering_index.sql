-- "The report before this one" in the digest's week of changes reads its status from the index
-- itself: one entry of (milestone_id, id DESC) carrying the status, instead of an entry and then a
-- read of the row by key.
CREATE INDEX status_reports_milestone_newest_status_idx ON status_reports (milestone_id, id DESC, status);
