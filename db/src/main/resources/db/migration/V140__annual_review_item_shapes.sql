-- A kept review shows each item's shape as it stood when the review was taken: the parent it is a
-- deliverable of (by code, as the review shows it), ongoing, the owner (a person or a group) and who
-- answered for the group, the report-to bodies (one a line), a count-based item's reports in the
-- year against its count with its pace, and a parent's deliverables reached of total.
ALTER TABLE annual_review_items ADD COLUMN parent_code VARCHAR(30);
ALTER TABLE annual_review_items ADD COLUMN ongoing BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE annual_review_items ADD COLUMN owner_name VARCHAR(200);
ALTER TABLE annual_review_items ADD COLUMN owner_is_group BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE annual_review_items ADD COLUMN answered_by VARCHAR(200);
ALTER TABLE annual_review_items ADD COLUMN report_to VARCHAR(4000);
ALTER TABLE annual_review_items ADD COLUMN count_reports INTEGER;
ALTER TABLE annual_review_items ADD COLUMN count_min INTEGER;
ALTER TABLE annual_review_items ADD COLUMN count_max INTEGER;
ALTER TABLE annual_review_items ADD COLUMN count_pace VARCHAR(20);
ALTER TABLE annual_review_items ADD COLUMN deliverables_reached INTEGER;
ALTER TABLE annual_review_items ADD COLUMN deliverables_total INTEGER;
ALTER TABLE annual_review_items ADD COLUMN deliverables_at_risk BOOLEAN;
