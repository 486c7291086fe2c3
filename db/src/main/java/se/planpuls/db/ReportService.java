package se.planpuls.db;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import se.planpuls.domain.Actor;
import se.planpuls.domain.ForbiddenException;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.NewReport;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.StatusReport;

/**
 * Stores status reports. Every report is checked in full before anything is written, and the
 * history is only ever appended to. A repeated submission (same idempotency key) returns the
 * report already stored instead of storing a second one.
 */
public final class ReportService {
    public static final int MAX_COMMENT = 2000;

    private final Jdbi jdbi;
    private final Clock clock;

    public ReportService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public Result report(NewReport input) {
        if (input.status() == null) {
            throw new InvalidInputException("status", "status.missing", "status is required");
        }
        String comment = input.comment() == null ? null : input.comment().strip();
        if (comment != null && comment.isEmpty()) {
            comment = null;
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "comment.tooLong",
                    "comment is " + comment.length() + " characters; at most " + MAX_COMMENT + " are allowed");
        }
        String finalComment = comment;
        try {
            return jdbi.inTransaction(handle -> {
                ReportDao reports = handle.attach(ReportDao.class);
                if (input.idempotencyKey() != null) {
                    var earlier = reports.byIdempotencyKey(input.idempotencyKey());
                    if (earlier.isPresent()) {
                        return new Result(earlier.get(), false);
                    }
                }
                Milestone milestone = handle.attach(MilestoneDao.class).milestone(input.milestoneId())
                        .orElseThrow(() -> new NotFoundException("milestone", input.milestoneId()));
                Long reporterId = input.reporter().ownerId();
                if (reporterId != null && !Objects.equals(milestone.ownerId(), reporterId)) {
                    throw new ForbiddenException("report.notOwner",
                            "only the milestone's owner may report on " + milestone.code());
                }
                long id = reports.insert(milestone.id(), input.status(), finalComment, reporterId,
                        input.reporter().name(), null, input.source(), input.idempotencyKey(), clock.instant());
                StatusReport stored = reports.byId(id).orElseThrow();
                AuditLog.record(handle, clock, new Actor(input.reporter().name(), input.source()), "report",
                        "milestone", milestone.id(), milestone.planId(), null, null, stored);
                return new Result(stored, true);
            });
        } catch (UnableToExecuteStatementException e) {
            // Two identical submissions raced past the lookup; the unique key let exactly one in.
            if (input.idempotencyKey() != null) {
                var stored = jdbi.withExtension(ReportDao.class, dao -> dao.byIdempotencyKey(input.idempotencyKey()));
                if (stored.isPresent()) {
                    return new Result(stored.get(), false);
                }
            }
            throw e;
        }
    }

    public List<StatusReport> history(long milestoneId) {
        return jdbi.withExtension(ReportDao.class, dao -> dao.history(milestoneId));
    }

    /** The stored report, and whether this call stored it (false for a repeated submission). */
    public record Result(StatusReport report, boolean created) {
    }
}
