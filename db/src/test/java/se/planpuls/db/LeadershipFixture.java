package se.planpuls.db;

import java.time.Instant;
import java.time.LocalDate;
import se.planpuls.domain.Owner;
import se.planpuls.domain.Status;

/** Writes reports exactly as stored (time, at-risk flag, expected date) for the leadership tests. */
final class LeadershipFixture {
    private final Fixtures f;

    LeadershipFixture(Fixtures f) {
        this.f = f;
    }

    long id(String code) {
        return f.milestone(code).milestone().id();
    }

    void report(String code, Owner by, Status status, String comment, String at) {
        report(code, by, status, comment, at, false, null);
    }

    void report(String code, Owner by, Status status, String comment, String at, boolean atRisk, LocalDate expected) {
        long milestone = id(code);
        f.database.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO status_reports (milestone_id, status, comment, reporter_owner_id, reporter_name,
                                                    source, reported_at, at_risk, expected_date)
                        VALUES (:m, :status, :comment, :owner, :name, 'bot', :at, :risk, :expected)""")
                .bind("m", milestone).bind("status", status.name()).bind("comment", comment)
                .bind("owner", by.id()).bind("name", by.name()).bind("at", Instant.parse(at))
                .bind("risk", atRisk).bind("expected", expected).execute());
    }
}
