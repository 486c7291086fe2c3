-- Each milestone's latest report (the one with the highest id), kept by a trigger in the same
-- transaction as the report's insert, so that reads of a whole plan find 10,000 rows here instead
-- of probing a million-row history. A copy, not history: status_reports stays append-only and is
-- the truth; this row is rebuilt from it. The PostgreSQL twin of this file does the same with a
-- PL/pgSQL trigger.
CREATE TABLE latest_reports (
    milestone_id        BIGINT        PRIMARY KEY,
    report_id           BIGINT        NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    comment             VARCHAR(2000),
    reporter_owner_id   BIGINT,
    reporter_name       VARCHAR(200)  NOT NULL,
    on_behalf_of_id     BIGINT,
    source              VARCHAR(20)   NOT NULL,
    reported_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    at_risk             BOOLEAN       NOT NULL,
    expected_date       DATE
);

INSERT INTO latest_reports (milestone_id, report_id, status, comment, reporter_owner_id, reporter_name,
                            on_behalf_of_id, source, reported_at, at_risk, expected_date)
SELECT r.milestone_id, r.id, r.status, r.comment, r.reporter_owner_id, r.reporter_name, r.on_behalf_of_id,
       r.source, r.reported_at, r.at_risk, r.expected_date
FROM status_reports r
WHERE r.id IN (SELECT MAX(id) FROM status_reports GROUP BY milestone_id);

-- After an insert, and after the one update the history allows (a former owner's name put out of sight).
CREATE TRIGGER status_reports_latest AFTER INSERT, UPDATE ON status_reports FOR EACH ROW
    CALL 'se.planpuls.db.LatestReportTrigger';
