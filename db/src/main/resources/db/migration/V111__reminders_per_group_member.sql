-- A prompt about an item a group owns goes to every member, each once: the member is part of the
-- reminder's natural key (0 for a prompt to a person who owns the item, as before).
ALTER TABLE reminders ADD COLUMN member_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reminders DROP CONSTRAINT reminders_natural_key;
ALTER TABLE reminders ADD CONSTRAINT reminders_natural_key UNIQUE (milestone_id, kind, due_date, step, member_id);
