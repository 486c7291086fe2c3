-- (milestone_id, id DESC) is the first two columns of the covering index that also carries the
-- status, which answers every read this one did; each index is one more tree every report insert
-- writes to the file.
DROP INDEX IF EXISTS status_reports_milestone_newest_idx;
