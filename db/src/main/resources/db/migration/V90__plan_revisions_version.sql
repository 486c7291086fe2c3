-- The list of a plan's adopted revisions is written as a whole, so it carries one version, the
-- ETag a PUT must name in If-Match; it goes up by one with each write.
ALTER TABLE plans ADD COLUMN revisions_version INTEGER NOT NULL DEFAULT 0;
