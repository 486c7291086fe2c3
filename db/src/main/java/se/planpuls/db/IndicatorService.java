package se.planpuls.db;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import se.planpuls.domain.Actor;
import se.planpuls.domain.Indicator;
import se.planpuls.domain.IndicatorProgress;
import se.planpuls.domain.IndicatorValue;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.NewIndicatorValue;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.Owner;

/**
 * Indicators: their definitions (set with the item by an admin or an import) and their measured
 * values. A value is checked in full (the indicator's range, the comment) before anything is
 * written; only the indicator's owner or the owner's substitute may report one; the history is only
 * appended to, and a repeated submission returns the value already stored.
 */
public final class IndicatorService {
    private final Jdbi jdbi;
    private final Clock clock;

    public IndicatorService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public Optional<Indicator> definition(long milestoneId) {
        return jdbi.withExtension(IndicatorDao.class, dao -> dao.definition(milestoneId))
                .map(IndicatorDao.DefinitionRow::indicator);
    }

    public List<IndicatorValue> values(long milestoneId) {
        return jdbi.withExtension(IndicatorDao.class, dao -> dao.values(milestoneId));
    }

    /** The indicator's definition and values; empty for an item that is not an indicator. */
    public Optional<IndicatorProgress> progress(Milestone item) {
        if (item.kind() != ItemKind.INDICATOR) {
            return Optional.empty();
        }
        return jdbi.withHandle(handle -> handle.attach(IndicatorDao.class).definition(item.id())
                .map(row -> new IndicatorProgress(row.indicator(), item.frequency(),
                        handle.attach(IndicatorDao.class).values(item.id()))));
    }

    /** Every indicator of a plan with its values, by item id. */
    public Map<Long, IndicatorProgress> progressOfPlan(long planId) {
        return jdbi.withHandle(handle -> progressOfPlan(handle, planId));
    }

    static Map<Long, IndicatorProgress> progressOfPlan(Handle handle, long planId) {
        IndicatorDao dao = handle.attach(IndicatorDao.class);
        Map<Long, List<IndicatorValue>> values = dao.valuesOfPlan(planId).stream()
                .collect(Collectors.groupingBy(IndicatorValue::milestoneId));
        Map<Long, IndicatorProgress> progress = new LinkedHashMap<>();
        for (var row : dao.definitionsOfPlan(planId)) {
            progress.put(row.milestoneId(), new IndicatorProgress(row.indicator(), row.itemFrequency(),
                    values.getOrDefault(row.milestoneId(), List.of())));
        }
        return progress;
    }

    /**
     * Sets an indicator's definition in the caller's transaction, recording a change in the audit log;
     * true when it changed. The caller has checked it ({@link Indicator#check}).
     */
    static boolean define(Handle handle, Clock clock, Actor actor, Milestone item, Indicator indicator, String reason) {
        IndicatorDao dao = handle.attach(IndicatorDao.class);
        var before = dao.definition(item.id()).map(IndicatorDao.DefinitionRow::indicator);
        if (before.isPresent() && before.get().equals(indicator)) {
            return false;
        }
        String direction = indicator.direction().apiName();
        if (before.isPresent()) {
            dao.updateDefinition(item.id(), indicator.unit(), indicator.baselineValue(), indicator.baselineDate(),
                    indicator.targetValue(), indicator.targetDate(), direction);
        } else {
            dao.insertDefinition(item.id(), indicator.unit(), indicator.baselineValue(), indicator.baselineDate(),
                    indicator.targetValue(), indicator.targetDate(), direction);
        }
        AuditLog.record(handle, clock, actor, before.isPresent() ? "update-indicator" : "define-indicator",
                "milestone", item.id(), item.planId(), reason, before.orElse(null), indicator);
        return true;
    }

    static Optional<Indicator> definition(Handle handle, long milestoneId) {
        return handle.attach(IndicatorDao.class).definition(milestoneId).map(IndicatorDao.DefinitionRow::indicator);
    }

    /**
     * Stores a value, or finds the one a repeated submission stored, with what a receipt shows: the
     * indicator after it and the owner a substitute reported for.
     */
    public Result report(NewIndicatorValue input) {
        String comment = ReportService.checkComment(input.comment());
        try {
            return jdbi.inTransaction(handle -> {
                IndicatorDao dao = handle.attach(IndicatorDao.class);
                if (input.idempotencyKey() != null) {
                    var earlier = dao.valueByKey(input.idempotencyKey());
                    if (earlier.isPresent()) {
                        return receipt(handle, earlier.get(), false);
                    }
                }
                MilestoneView view = handle.attach(MilestoneDao.class).view(input.milestoneId())
                        .orElseThrow(() -> new NotFoundException("milestone", input.milestoneId()));
                Milestone item = view.milestone();
                Indicator indicator = item.kind() != ItemKind.INDICATOR ? null
                        : dao.definition(item.id()).map(IndicatorDao.DefinitionRow::indicator).orElse(null);
                if (indicator == null) {
                    throw new InvalidInputException("milestone", "indicator.notIndicator",
                            item.code() + " is not an indicator; report its status instead");
                }
                var value = indicator.checkValue(input.value());
                Long onBehalfOf = ReportService.authorise(handle, item, input.reporter().ownerId());
                long id = dao.insertValue(item.id(), value, comment, input.reporter().ownerId(), input.reporter().name(),
                        onBehalfOf, input.source(), input.idempotencyKey(), clock.instant());
                IndicatorValue stored = dao.value(id).orElseThrow();
                AuditLog.record(handle, clock, new Actor(input.reporter().name(), input.source()), "report-value",
                        "milestone", item.id(), item.planId(), null, null, stored);
                return receipt(handle, stored, true);
            });
        } catch (UnableToExecuteStatementException e) {
            // Two identical submissions raced past the lookup; the unique key let exactly one in.
            if (input.idempotencyKey() != null) {
                var stored = jdbi.inTransaction(handle -> handle.attach(IndicatorDao.class)
                        .valueByKey(input.idempotencyKey()).map(v -> receipt(handle, v, false)));
                if (stored.isPresent()) {
                    return stored.get();
                }
            }
            throw e;
        }
    }

    private static Result receipt(Handle handle, IndicatorValue value, boolean created) {
        MilestoneView view = handle.attach(MilestoneDao.class).view(value.milestoneId())
                .orElseThrow(() -> new NotFoundException("milestone", value.milestoneId()));
        IndicatorDao dao = handle.attach(IndicatorDao.class);
        var progress = new IndicatorProgress(dao.definition(value.milestoneId()).orElseThrow().indicator(),
                view.milestone().frequency(), dao.values(value.milestoneId()));
        String onBehalfOf = value.onBehalfOfId() == null ? null
                : handle.attach(OwnerDao.class).byId(value.onBehalfOfId()).map(Owner::name).orElse(null);
        // A member's value on a group's indicator is the group's answer, as a member's status report is.
        Long group = ReportService.forGroup(handle, view.milestone(), value.reporterOwnerId());
        String forGroup = group == null ? null
                : handle.attach(OwnerGroupDao.class).byId(group).map(OwnerGroupDao.GroupRow::name).orElse(null);
        return new Result(value, created, view, progress, onBehalfOf, forGroup);
    }

    /**
     * The stored value, whether this call stored it (false for a repeated submission), the item and its
     * indicator after it, the owner a substitute reported for (null when the owner reported), and the
     * group a member reported for (null unless a group owns the indicator and the reporter is a member).
     */
    public record Result(IndicatorValue value, boolean created, MilestoneView view, IndicatorProgress progress,
                         String onBehalfOfName, String forGroupName) {
    }
}
