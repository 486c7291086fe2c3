package se.planpuls.db;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
        // The database keeps microseconds; the receipt is built from what is written, so it says the same.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            return jdbi.inTransaction(handle -> {
                if (input.idempotencyKey() != null) {
                    var earlier = TurnQueries.reportByIdempotencyKey(handle, input.idempotencyKey());
                    if (earlier.isPresent()) {
                        return repeated(handle, earlier.get(), input, answeredIn);
                    }
                }
                MilestoneView view = TurnQueries.view(handle, input.milestoneId())
                        .orElseThrow(() -> new NotFoundException("milestone", input.milestoneId()));
                Milestone milestone = view.milestone();
                if (milestone.kind() == se.planpuls.domain.ItemKind.INDICATOR) {
                    // An indicator is followed by its values; a colour beside them would say something else.
                    throw new InvalidInputException("milestone", "report.indicator",
                            milestone.code() + " is an indicator: report its value, not a status");
                }
                Long reporterId = input.reporter().ownerId();
                Standing standing = standing(handle, milestone, reporterId);
                Long onBehalfOf = authorise(standing, milestone);
                List<Effect> seen = List.of();
                var ticked = new LinkedHashSet<>(input.effectsSeen());
                if (!ticked.isEmpty()) {
                    List<Effect> known = MilestoneService.effects(TurnQueries.effectRowsOf(handle, List.of(milestone.id())))
                            .getOrDefault(milestone.id(), List.of());
                    var knownIds = known.stream().map(Effect::id).collect(Collectors.toSet());
                    for (Long effect : ticked) {
                        if (!knownIds.contains(effect)) {
                            throw new InvalidInputException("effects", "effects.unknown",
                                    "effect " + effect + " is not an effect of " + milestone.code());
                        }
                    }
                    seen = known.stream().filter(e -> ticked.contains(e.id())).toList();
                }
                Long forGroup = standing == Standing.MEMBER ? milestone.shape().ownerGroupId() : null;
                StatusReport stored = TurnQueries.insertReport(handle, new StatusReport(0, milestone.id(),
                        input.status(), comment, reporterId, input.reporter().name(), onBehalfOf, input.source(), at,
                        input.atRisk(), expected), input.idempotencyKey(), forGroup);
                TurnQueries.insertEffectsSeen(handle, stored.id(), ticked);
                AuditLog.record(handle, clock, new Actor(input.reporter().name(), input.source()), "report",
                        "milestone", milestone.id(), milestone.planId(), null, null, stored);
                forgetQuestion(handle, input, answeredIn);
                // The item's owner is the one a substitute reported for; the view names the owner already.
                return new Result(stored, true, new MilestoneView(milestone, view.areaCode(), view.areaName(),
                        view.ownerName(), stored), seen, onBehalfOf == null ? null : view.ownerName(),
                        forGroup == null ? null : TurnQueries.groupName(handle, forGroup).orElse(null));
            });
        } catch (UnableToExecuteStatementException e) {
            // Two identical submissions raced past the lookup; the unique key let exactly one in.
            if (input.idempotencyKey() != null) {
                var stored = jdbi.inTransaction(handle -> TurnQueries.reportByIdempotencyKey(handle,
                                input.idempotencyKey()).map(report -> repeated(handle, report, input, answeredIn)));
                if (stored.isPresent()) {
                    return stored.get();
                }
            }
            throw e;
        }
    }

    private static void forgetQuestion(Handle handle, NewReport input, String answeredIn) {
        if (answeredIn != null && input.reporter().ownerId() != null) {
            TurnQueries.forgetPendingAnswer(handle, input.reporter().ownerId(), answeredIn, input.milestoneId());
        }
    }

    /** The receipt of a submission stored before: what it stored, read back. */
    private static Result repeated(Handle handle, StatusReport report, NewReport input, String answeredIn) {
        forgetQuestion(handle, input, answeredIn);
        MilestoneView after = TurnQueries.view(handle, report.milestoneId())
                .orElseThrow(() -> new NotFoundException("milestone", report.milestoneId()));
        List<Long> seenIds = TurnQueries.effectsSeen(handle, report.id());
        List<Effect> seen = seenIds.isEmpty() ? List.of()
                : MilestoneService.effects(TurnQueries.effectRowsOf(handle, List.of(report.milestoneId())))
                        .getOrDefault(report.milestoneId(), List.of()).stream()
                        .filter(e -> seenIds.contains(e.id())).toList();
        String onBehalfOf = report.onBehalfOfId() == null ? null
                : TurnQueries.ownerById(handle, report.onBehalfOfId()).map(Owner::name).orElse(null);
        return new Result(report, false, after, seen, onBehalfOf,
                TurnQueries.groupOfReport(handle, report.id()).orElse(null));
    }

    /**
     * The milestone as it stands and whether this owner may report on it (its owner, or the owner's
     * substitute), read together. Unknown: {@link NotFoundException}.
     */
    public Reportable reportable(long reporterId, long milestoneId) {
        return jdbi.withHandle(handle -> {
            MilestoneView view = TurnQueries.view(handle, milestoneId)
                    .orElseThrow(() -> new NotFoundException("milestone", milestoneId));
            return new Reportable(view, standing(handle, view.milestone(), reporterId) != Standing.NONE);
        });
    }

    /** A milestone as a reporter is about to report on it, and whether they may. */
    public record Reportable(MilestoneView view, boolean allowed) {
    }

    /** Who a reporter is to an item: the one rule of who may report, for the bot, the API and the receipt. */
    private enum Standing {
        /** The owner, or an admin through the API (no reporter). */
        OWNER,
        /** The owner's substitute, who reports on the owner's behalf. */
        SUBSTITUTE,
        /** A member of the group that owns the item, who reports for the group. */
        MEMBER,
        NONE
    }

    /** Null when the reporter is the owner, an admin or a member of the owning group; the owner's id for a substitute. */
    static Long authorise(Handle handle, Milestone milestone, Long reporterId) {
        return authorise(standing(handle, milestone, reporterId), milestone);
    }

    private static Long authorise(Standing standing, Milestone milestone) {
        return switch (standing) {
            case OWNER, MEMBER -> null;
            case SUBSTITUTE -> milestone.ownerId();
            case NONE -> throw new ForbiddenException("report.notOwner",
                    "only the owner of " + milestone.code() + " or the owner's substitute may report on it");
        };
    }

    private static Standing standing(Handle handle, Milestone milestone, Long reporterId) {
        if (reporterId == null || Objects.equals(milestone.ownerId(), reporterId)) {
            return Standing.OWNER;
        }
        if (milestone.ownerId() != null && TurnQueries.ownerById(handle, milestone.ownerId())
                .map(Owner::substituteId).filter(id -> id.longValue() == reporterId).isPresent()) {
            return Standing.SUBSTITUTE;
        }
        return forGroup(handle, milestone, reporterId) != null ? Standing.MEMBER : Standing.NONE;
    }

    /**
     * The group a member reports for: the item's owning group when the reporter is one of its
     * members; null otherwise (and always when a person owns the item).
     */
    static Long forGroup(Handle handle, Milestone milestone, Long reporterId) {
        Long group = milestone.shape().ownerGroupId();
        return group != null && reporterId != null && TurnQueries.isMember(handle, group, reporterId) ? group : null;
    }

    /** Whether this owner may report on the milestone: its owner, the owner's substitute, or a member of its group. */
    public boolean mayReport(long reporterId, Milestone milestone) {
        return Objects.equals(milestone.ownerId(), reporterId)
                || jdbi.withHandle(handle -> standing(handle, milestone, reporterId)) != Standing.NONE;
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
