-- A count-based commitment short of its year's minimum gets a reminder of its own kind: its date is
-- the end of the year, its step the reports still needed.
ALTER TABLE reminders DROP CONSTRAINT reminders_kind_known;
ALTER TABLE reminders ADD CONSTRAINT reminders_kind_known CHECK (kind IN ('DEADLINE', 'OVERDUE', 'REVIEW', 'CHECK_IN',
                                                                          'FOLLOW_UP', 'ESCALATION', 'COUNT'));
