package se.planpuls.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.Area;
import se.planpuls.domain.Digest;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.PlanSummary;
import se.planpuls.domain.Status;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.domain.reminder.ReminderPolicy;
import se.planpuls.domain.rules.DependencyRiskRule;
import se.planpuls.domain.rules.ExpectedDatePassedRule;
import se.planpuls.domain.rules.NotStartedNearDueRule;
import se.planpuls.domain.QualityFlag;
import se.planpuls.domain.rules.ReopenedRule;
import se.planpuls.domain.rules.StaleReportRule;
import se.planpuls.domain.rules.MissingReportRule;

/**
 * Computes the weekly digest of a plan: a handful of plan-wide queries, then plain Java. A digest
 * is computed (and posted) even when no owner has answered.
 */
public final class DigestService {
    public static final int DUE_SOON_DAYS = 30;

    private final Jdbi jdbi;
    private final Clock clock;
    private final MissingReportRule missingReports;
    private final DependencyRiskRule dependencyRisk;

    public DigestService(Database database, Clock clock, MissingReportRule missingReports,
                         DependencyRiskRule dependencyRisk) {
        this.jdbi = database.jdbi();
        this.clock = clock;
        this.missingReports = missingReports;
        this.dependencyRisk = dependencyRisk;
    }

    public DigestService(Database database, Clock clock) {
        this(database, clock, MissingReportRule.noReportWithin(MissingReportRule.WEEK),
                new DependencyRiskRule(DependencyRiskRule.DEFAULT_HORIZON_DAYS));
    }

    /** Each item's report-quality flags, by the rules in order: stale, expected date passed, not started near due, reopened. */
    private static List<QualityFlag> quality(List<PlanItem> items, java.util.Set<Long> everReached, LocalDate today,
                                             int staleAfterDays) {
        var stale = new StaleReportRule(staleAfterDays);
        var expected = new ExpectedDatePassedRule();
        var notStarted = new NotStartedNearDueRule(NotStartedNearDueRule.DEFAULT_DAYS);
        var reopened = new ReopenedRule(everReached);
        List<QualityFlag> flags = new ArrayList<>();
        for (PlanItem item : items) {
            stale.check(item, today).ifPresent(flags::add);
            expected.check(item, today).ifPresent(flags::add);
            notStarted.check(item, today).ifPresent(flags::add);
            reopened.check(item).ifPresent(flags::add);
        }
        return flags;
    }

    /** The digest of a plan covering the changes after {@code since} (a week ago when null). */
    public Digest digest(long planId, Instant since) {
        Instant now = clock.instant();
        Instant from = since != null ? since : now.minus(Duration.ofDays(7));
        LocalDate today = LocalDate.ofInstant(now, WorkingCalendar.ZONE);
        return jdbi.inTransaction(handle -> {
            PlanDao plans = handle.attach(PlanDao.class);
            PlanSummary plan = plans.plan(planId).orElseThrow(() -> new NotFoundException("plan", planId));
            LeadershipDao dao = handle.attach(LeadershipDao.class);
            List<PlanItem> all = dao.items(planId);
            // An indicator is followed by its values, not by a status: it has a section of its own.
            List<PlanItem> items = all.stream().filter(i -> i.kind() != se.planpuls.domain.ItemKind.INDICATOR)
                    .toList();
            Map<Long, PlanItem> byId = new HashMap<>();
            all.forEach(i -> byId.put(i.id(), i));

            List<Digest.AreaCounts> areas = new ArrayList<>();
            List<Area> planAreas = plans.areas(planId);
            Map<Long, String> areaNames = new HashMap<>();
            planAreas.forEach(a -> areaNames.put(a.id(), a.name()));
            java.util.function.Function<PlanItem, Digest.Item> of = i -> Digest.Item.of(i, areaNames.get(i.areaId()));
            Map<Long, int[]> counts = new HashMap<>();
            List<Digest.Item> missing = new ArrayList<>();
            for (PlanItem item : items) {
                int[] c = counts.computeIfAbsent(item.areaId(), k -> new int[5]);
                c[item.status() == null ? 3 : item.status().ordinal()]++;
                if (missingReports.missing(item, now)) {
                    c[4]++;
                    missing.add(of.apply(item));
                }
            }
            // A value missing for an indicator is a report missing too, though it has no colour to count.
            all.stream().filter(i -> i.kind() == se.planpuls.domain.ItemKind.INDICATOR && missingReports.missing(i, now))
                    .forEach(i -> missing.add(of.apply(i)));
            for (Area area : planAreas) {
                int[] c = counts.getOrDefault(area.id(), new int[5]);
                areas.add(new Digest.AreaCounts(area.code(), area.name(), c[Status.REACHED.ordinal()],
                        c[Status.IN_PROGRESS.ordinal()], c[Status.NOT_STARTED.ordinal()], c[3], c[4]));
            }

            List<Digest.Change> changes = dao.reportsBetween(planId, from, now).stream()
                    .filter(r -> !Objects.equals(r.status(), r.previousStatus()))
                    .map(r -> {
                        PlanItem item = byId.get(r.milestoneId());
                        return new Digest.Change(item.code(), item.title(), r.previousStatus(), r.status(),
                                r.reporterName(), item.ownerName(), r.comment(), r.reportedAt());
                    })
                    .toList();

            Comparator<Digest.Item> byDue = Comparator.comparing(Digest.Item::due).thenComparing(Digest.Item::code);
            // A count-based commitment is judged by its year's reports, the rule its reminders follow.
            var counted = ItemShapeDao.countedThisYear(handle.attach(ItemShapeDao.class), planId, today);
            List<Digest.Item> overdue = items.stream()
                    .filter(i -> i.overdue(today, counted.getOrDefault(i.id(), List.of()))).map(of)
                    .sorted(byDue).toList();
            List<Digest.Item> atRisk = items.stream().filter(PlanItem::reportedAtRisk).map(of)
                    .sorted(byDue).toList();
            LocalDate horizon = today.plusDays(DUE_SOON_DAYS);
            List<Digest.Item> dueSoon = items.stream()
                    .filter(i -> i.dueBy(today, horizon, counted.getOrDefault(i.id(), List.of())))
                    .map(of).sorted(byDue).toList();
            var risks = dependencyRisk.evaluate(items, dao.edges(planId), today);
            List<Digest.Item> withoutOwner = all.stream().filter(i -> i.ownerId() == null && !i.reached())
                    .map(of).sorted(byDue).toList();
            var progress = IndicatorService.progressOfPlan(handle, planId);
            List<Digest.IndicatorLine> indicators = all.stream().filter(i -> progress.containsKey(i.id()))
                    .map(i -> new Digest.IndicatorLine(i.id(), i.code(), i.title(), areaNames.get(i.areaId()),
                            i.ownerName(), progress.get(i.id()), null)).toList();
            return new Digest(planId, plan.name(), today, from, areas, changes, overdue, atRisk, risks,
                    missing, dao.unreachableOwners(planId), dueSoon, quality(items, dao.everReached(planId), today,
                            handle.attach(ReminderDao.class).policyJson(planId).map(ReminderPolicyJson::fromJson)
                                    .orElse(ReminderPolicy.DEFAULT).staleAfterDays()), withoutOwner, indicators);
        });
    }
}
