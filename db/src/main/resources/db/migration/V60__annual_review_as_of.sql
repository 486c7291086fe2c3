-- The day whose end a review's status stands at (the review date, or the day it was taken when that
-- came first). Snapshots taken before this column existed were taken as of the moment they were taken.
ALTER TABLE annual_reviews ADD COLUMN as_of DATE;

CREATE INDEX status_reports_milestone_reported_idx ON status_reports (milestone_id, reported_at);
