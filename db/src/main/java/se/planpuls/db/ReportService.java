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
import se.planpuls.domain.Effect;
import se.planpuls.domain.ForbiddenException;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.MilestoneView;
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
        return report(input, null);
    }

    /**
     * Stores a report, or finds the one a repeated submission stored, and reads in the same
     * transaction what a receipt shows: the milestone after the report, the effects seen, and the
     * owner a substitute reported for. When {@code answeredIn} names a chat, what that chat waited
     * for the reporter to answer about the milestone is forgotten in the same transaction.
     */
    public Result report(NewReport input, String answeredIn) {
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
                        return receipt(handle, earlier.get(), false, input, answeredIn);
                    }
                }
                Milestone milestone = handle.attach(MilestoneDao.class).milestone(input.milestoneId())
                        .orElseThrow(() -> new NotFoundException("milestone", input.milestoneId()));
                if (milestone.kind() == se.planpuls.domain.ItemKind.INDICATOR) {
                    // An indicator is followed by its values; a colour beside them would say something else.
                    throw new InvalidInputException("milestone", "report.indicator",
                            milestone.code() + " is an indicator: report its value, not a status");
                }
                Long onBehalfOf = authorise(handle, milestone, input.reporter().ownerId());
                var known = new HashSet<>(handle.attach(MilestoneDao.class).effectRows(milestone.id()).stream()
                        .map(MilestoneDao.EffectRow::id).toList());
                for (Long effect : input.effectsSeen()) {
                    if (!known.contains(effect)) {
                        throw new InvalidInputException("effects", "effects.unknown",
                                "effect " + effect + " is not an effect of " + milestone.code());
                    }
                }
                Long forGroup = forGroup(handle, milestone, input.reporter().ownerId());
                long id = forGroup != null
                        ? handle.attach(GroupReportDao.class).insert(milestone.id(), input.status(), comment,
                                input.reporter().ownerId(), input.reporter().name(), input.source(),
                                input.idempotencyKey(), clock.instant(), input.atRisk(), expected, forGroup)
                        : reports.insert(milestone.id(), input.status(), comment, input.reporter().ownerId(),
                                input.reporter().name(), onBehalfOf, input.source(), input.idempotencyKey(),
                                clock.instant(), input.atRisk(), expected);
                new HashSet<>(input.effectsSeen()).forEach(effect -> reports.insertEffectSeen(id, effect));
                StatusReport stored = reports.byId(id).orElseThrow();
                AuditLog.record(handle, clock, new Actor(input.reporter().name(), input.source()), "report",
                        "milestone", milestone.id(), milestone.planId(), null, null, stored);
                return receipt(handle, stored, true, input, answeredIn);
            });
        } catch (UnableToExecuteStatementException e) {
            // Two identical submissions raced past the lookup; the unique key let exactly one in.
            if (input.idempotencyKey() != null) {
                var stored = jdbi.inTransaction(handle -> handle.attach(ReportDao.class)
                        .byIdempotencyKey(input.idempotencyKey())
                        .map(report -> receipt(handle, report, false, input, answeredIn)));
                if (stored.isPresent()) {
                    return stored.get();
                }
            }
            throw e;
        }
    }

    private static Result receipt(Handle handle, StatusReport report, boolean created, NewReport input,
                                  String answeredIn) {
        if (answeredIn != null && input.reporter().ownerId() != null) {
            handle.attach(PendingAnswerService.Dao.class).deleteFor(input.reporter().ownerId(), answeredIn,
                    input.milestoneId());
        }
        MilestoneDao milestones = handle.attach(MilestoneDao.class);
        MilestoneView after = milestones.view(report.milestoneId())
                .orElseThrow(() -> new NotFoundException("milestone", report.milestoneId()));
        List<Long> seenIds = handle.attach(ReportDao.class).effectsSeen(report.id());
        List<Effect> seen = seenIds.isEmpty() ? List.of() : MilestoneService.effects(milestones, report.milestoneId())
                .stream().filter(e -> seenIds.contains(e.id())).toList();
        String onBehalfOf = report.onBehalfOfId() == null ? null
                : handle.attach(OwnerDao.class).byId(report.onBehalfOfId()).map(Owner::name).orElse(null);
        return new Result(report, created, after, seen, onBehalfOf,
                handle.attach(GroupReportDao.class).groupOf(report.id()).orElse(null));
    }

    /**
     * The milestone as it stands and whether this owner may report on it (its owner, or the owner's
     * substitute), read together. Unknown: {@link NotFoundException}.
     */
    public Reportable reportable(long reporterId, long milestoneId) {
        return jdbi.withHandle(handle -> {
            MilestoneView view = handle.attach(MilestoneDao.class).view(milestoneId)
                    .orElseThrow(() -> new NotFoundException("milestone", milestoneId));
            Milestone milestone = view.milestone();
            return new Reportable(view, Objects.equals(milestone.ownerId(), reporterId)
                    || isSubstitute(handle, milestone, reporterId) || forGroup(handle, milestone, reporterId) != null);
        });
    }

    /** A milestone as a reporter is about to report on it, and whether they may. */
    public record Reportable(MilestoneView view, boolean allowed) {
    }

    /** Null when the reporter is the owner (or an admin through the API); the owner's id for a substitute. */
    static Long authorise(Handle handle, Milestone milestone, Long reporterId) {
        if (reporterId == null || Objects.equals(milestone.ownerId(), reporterId)) {
            return null;
        }
        if (isSubstitute(handle, milestone, reporterId)) {
            return milestone.ownerId();
        }
        if (forGroup(handle, milestone, reporterId) != null) {
            return null;
        }
        throw new ForbiddenException("report.notOwner",
                "only the owner of " + milestone.code() + " or the owner's substitute may report on it");
    }

    private static boolean isSubstitute(Handle handle, Milestone milestone, long reporterId) {
        return milestone.ownerId() != null && handle.attach(OwnerDao.class).byId(milestone.ownerId())
                .map(Owner::substituteId).filter(id -> id == reporterId).isPresent();
    }

    /**
     * The group a member reports for: the item's owning group when the reporter is one of its
     * members; null otherwise (and always when a person owns the item).
     */
    static Long forGroup(Handle handle, Milestone milestone, Long reporterId) {
        Long group = milestone.shape().ownerGroupId();
        return group != null && reporterId != null
                && handle.attach(GroupReportDao.class).isMember(group, reporterId) > 0 ? group : null;
    }

    /** Whether this owner may report on the milestone: its owner, the owner's substitute, or a member of its group. */
    public boolean mayReport(long reporterId, Milestone milestone) {
        return Objects.equals(milestone.ownerId(), reporterId)
                || jdbi.withHandle(handle -> isSubstitute(handle, milestone, reporterId)
                        || forGroup(handle, milestone, reporterId) != null);
    }

    public List<StatusReport> history(long milestoneId) {
        return jdbi.withExtension(ReportDao.class, dao -> dao.history(milestoneId));
    }

    public List<Long> effectsSeen(long reportId) {
        return jdbi.withExtension(ReportDao.class, dao -> dao.effectsSeen(reportId));
    }

    /**
     * The stored report, whether this call stored it (false for a repeated submission), and what its
     * receipt shows: the milestone after the report, the effects seen (with their texts) and the name
     * of the owner a substitute reported for (null when the owner reported), and the name of the group
     * a member answered for (null when a person owns the item).
     */
    public record Result(StatusReport report, boolean created, MilestoneView view, List<Effect> effectsSeen,
                         String onBehalfOfName, String forGroupName) {
        public Result(StatusReport report, boolean created, MilestoneView view, List<Effect> effectsSeen,
                      String onBehalfOfName) {
            this(report, created, view, effectsSeen, onBehalfOfName, null);
        }
    }
}
