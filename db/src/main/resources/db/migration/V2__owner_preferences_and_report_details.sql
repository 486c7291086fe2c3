-- Owner preferences the bot keeps (language, substitute, leave, snooze) and the richer status
-- report of the check-in card (at risk with an expected date, effects seen).

ALTER TABLE owners ADD COLUMN locale VARCHAR(10);
ALTER TABLE owners ADD COLUMN substitute_id BIGINT;
ALTER TABLE owners ADD CONSTRAINT owners_substitute_fk FOREIGN KEY (substitute_id) REFERENCES owners (id);
ALTER TABLE owners ADD CONSTRAINT owners_substitute_not_self CHECK (substitute_id IS NULL OR substitute_id <> id);
-- Prompts pause until and including these dates.
ALTER TABLE owners ADD COLUMN leave_until DATE;
ALTER TABLE owners ADD COLUMN snooze_until DATE;

ALTER TABLE status_reports ADD COLUMN at_risk BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE status_reports ADD COLUMN expected_date DATE;

CREATE TABLE report_effects (
    report_id   BIGINT NOT NULL REFERENCES status_reports (id),
    effect_id   BIGINT NOT NULL REFERENCES milestone_effects (id),
    CONSTRAINT report_effects_pk PRIMARY KEY (report_id, effect_id)
);
