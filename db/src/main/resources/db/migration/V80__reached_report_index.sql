-- Whether a milestone was ever reported reached (the digest's reopened check) is one index probe per
-- milestone, not a read of every report it has.
CREATE INDEX status_reports_milestone_status_idx ON status_reports (milestone_id, status);
