-- Each milestone's latest report (the one with the highest id), kept by a trigger in the same
-- transaction as the report's insert, so that reads of a whole plan find 10,000 rows here instead
-- of probing a million-row history. A copy, not history: status_reports stays append-only and is
-- the truth; this row is rebuilt from it. The H2 twin of this file does the same with a Java trigger.
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
SELECT DISTINCT ON (r.milestone_id) r.milestone_id, r.id, r.status, r.comment, r.reporter_owner_id,
       r.reporter_name, r.on_behalf_of_id, r.source, r.reported_at, r.at_risk, r.expected_date
FROM status_reports r
ORDER BY r.milestone_id, r.id DESC;

-- Two writers of one milestone may commit out of id order: the row only ever moves to a higher id
-- (or is refreshed from its own report), and ON CONFLICT settles two first reports racing.
CREATE FUNCTION latest_report_kept() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO latest_reports AS l (milestone_id, report_id, status, comment, reporter_owner_id, reporter_name,
                                     on_behalf_of_id, source, reported_at, at_risk, expected_date)
    VALUES (NEW.milestone_id, NEW.id, NEW.status, NEW.comment, NEW.reporter_owner_id, NEW.reporter_name,
            NEW.on_behalf_of_id, NEW.source, NEW.reported_at, NEW.at_risk, NEW.expected_date)
    ON CONFLICT (milestone_id) DO UPDATE SET
        report_id = EXCLUDED.report_id, status = EXCLUDED.status, comment = EXCLUDED.comment,
        reporter_owner_id = EXCLUDED.reporter_owner_id, reporter_name = EXCLUDED.reporter_name,
        on_behalf_of_id = EXCLUDED.on_behalf_of_id, source = EXCLUDED.source, reported_at = EXCLUDED.reported_at,
        at_risk = EXCLUDED.at_risk, expected_date = EXCLUDED.expected_date
    WHERE l.report_id <= EXCLUDED.report_id;
    RETURN NULL;
END
$$;

-- After an insert, and after the one update the history allows (a former owner's name put out of sight).
CREATE TRIGGER status_reports_latest AFTER INSERT OR UPDATE ON status_reports
    FOR EACH ROW EXECUTE FUNCTION latest_report_kept();
