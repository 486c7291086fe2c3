package se.planpuls.db;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import se.planpuls.domain.Actor;
import se.planpuls.domain.ForbiddenException;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.NewReport;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.Owner;
import se.planpuls.domain.StatusReport;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * Stores status reports. Every report is checked in full before anything is written, and the
 * history is only ever appended to. Only a milestone's owner, or the owner's substitute (recorded
 * as reporting on the owner's behalf), may report. A repeated submission (same idempotency key)
 * returns the report already stored instead of storing a second one.
 */
public final class ReportService {
    public static final int MAX_COMMENT = 2000;
    private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^>]*>");

    private final Jdbi jdbi;
    private final Clock clock;

    public ReportService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Checks a comment as reports and answers take it: trimmed, at most 2,000 characters, no markup. */
    public static String checkComment(String raw) {
        String comment = raw == null ? null : raw.strip();
        if (comment == null || comment.isEmpty()) {
            return null;
        }
        if (comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "comment.tooLong",
                    "comment is " + comment.length() + " characters; at most " + MAX_COMMENT + " are allowed");
        }
        if (MARKUP.matcher(comment).find()) {
            throw new InvalidInputException("comment", "comment.markup",
                    "comment contains markup (HTML tags); write plain text");
        }
        return comment;
    }

    public Result report(NewReport input) {
        if (input.status() == null) {
            throw new InvalidInputException("status", "status.missing", "status is required");
        }
        String comment = checkComment(input.comment());
        LocalDate expected = input.atRisk() ? input.expectedDate() : null;
        if (input.atRisk() && expected == null) {
            throw new InvalidInputException("expectedDate", "expectedDate.missing",
                    "a report at risk needs the date now expected");
        }
        if (expected != null && expected.isBefore(LocalDate.now(clock.withZone(WorkingCalendar.ZONE)))) {
            throw new InvalidInputException("expectedDate", "expectedDate.past",
                    "expectedDate " + expected + " is in the past");
        }
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
                Long onBehalfOf = authorise(handle, milestone, input.reporter().ownerId());
                var known = new HashSet<>(handle.attach(MilestoneDao.class).effectRows(milestone.id()).stream()
                        .map(MilestoneDao.EffectRow::id).toList());
                for (Long effect : input.effectsSeen()) {
                    if (!known.contains(effect)) {
                        throw new InvalidInputException("effects", "effects.unknown",
                                "effect " + effect + " is not an effect of " + milestone.code());
                    }
                }
                long id = reports.insert(milestone.id(), input.status(), comment, input.reporter().ownerId(),
                        input.reporter().name(), onBehalfOf, input.source(), input.idempotencyKey(), clock.instant(),
                        input.atRisk(), expected);
                new HashSet<>(input.effectsSeen()).forEach(effect -> reports.insertEffectSeen(id, effect));
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

    /** Null when the reporter is the owner (or an admin through the API); the owner's id for a substitute. */
    private static Long authorise(Handle handle, Milestone milestone, Long reporterId) {
        if (reporterId == null || Objects.equals(milestone.ownerId(), reporterId)) {
            return null;
        }
        if (isSubstitute(handle, milestone, reporterId)) {
            return milestone.ownerId();
        }
        throw new ForbiddenException("report.notOwner",
                "only the owner of " + milestone.code() + " or the owner's substitute may report on it");
    }

    private static boolean isSubstitute(Handle handle, Milestone milestone, long reporterId) {
        return milestone.ownerId() != null && handle.attach(OwnerDao.class).byId(milestone.ownerId())
                .map(Owner::substituteId).filter(id -> id == reporterId).isPresent();
    }

    /** Whether this owner may report on the milestone: its owner, or the owner's substitute. */
    public boolean mayReport(long reporterId, Milestone milestone) {
        return Objects.equals(milestone.ownerId(), reporterId)
                || jdbi.withHandle(handle -> isSubstitute(handle, milestone, reporterId));
    }

    public List<StatusReport> history(long milestoneId) {
        return jdbi.withExtension(ReportDao.class, dao -> dao.history(milestoneId));
    }

    public List<Long> effectsSeen(long reportId) {
        return jdbi.withExtension(ReportDao.class, dao -> dao.effectsSeen(reportId));
    }

    /** The stored report, and whether this call stored it (false for a repeated submission). */
    public record Result(StatusReport report, boolean created) {
    }
}
