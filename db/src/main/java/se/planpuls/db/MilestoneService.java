package se.planpuls.db;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.Actor;
import se.planpuls.domain.Effect;
import se.planpuls.domain.EffectSeen;
import se.planpuls.domain.ImportException.Problem;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.ItemInput;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.MilestoneDetail;
import se.planpuls.domain.MilestoneFilter;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.ParentStatus;
import se.planpuls.domain.Status;
import se.planpuls.domain.StatusReport;
import se.planpuls.domain.VersionConflictException;
import se.planpuls.domain.rules.ItemRules;

/**
 * Plan items (milestones, assignments, recurring commitments): read as readers see them, and
 * changed by admins: create, update (including moving the due date with a reason), reassign and
 * soft delete. Each change is checked in full against {@link ItemRules}, guarded by the item's
 * version when the caller names one, and recorded in the audit log in the same transaction.
 */
public final class MilestoneService {
    private final Jdbi jdbi;
    private final Clock clock;

    public MilestoneService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /**
     * What an owner's next prompt about this milestone should point out of its last report: stale (by the
     * plan's reminder policy), an expected date passed, not started near the due date.
     */
    public List<se.planpuls.domain.QualityFlag> ownerFlags(MilestoneView view, java.time.LocalDate today) {
        return jdbi.withHandle(handle -> promptRules(handle, view.milestone().planId()).check(view, today));
    }

    /** The owner-prompt rules of a plan, by its reminder policy. */
    private static se.planpuls.domain.rules.OwnerPromptRules promptRules(Handle handle, long planId) {
        return new se.planpuls.domain.rules.OwnerPromptRules(TurnQueries.policyJson(handle, planId)
                .map(MilestoneService::policy).orElse(se.planpuls.domain.reminder.ReminderPolicy.DEFAULT)
                .staleAfterDays());
    }

    /** Policies as read from their stored text, which every card of a plan reads alike; a few plans' worth. */
    private static final Map<String, se.planpuls.domain.reminder.ReminderPolicy> POLICIES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static se.planpuls.domain.reminder.ReminderPolicy policy(String json) {
        var known = POLICIES.get(json);
        if (known != null) {
            return known;
        }
        if (POLICIES.size() >= 64) {
            POLICIES.clear();
        }
        var read = ReminderPolicyJson.fromJson(json);
        POLICIES.put(json, read);
        return read;
    }

    /**
     * What a prompt shows on a milestone's row: the effects to tick, what to put right in the last report,
     * and an indicator's definition (null for another kind), whose unit labels the row's number field.
     */
    public record PromptDetail(List<Effect> effects, List<se.planpuls.domain.QualityFlag> flags,
                               se.planpuls.domain.Indicator indicator) {
        public PromptDetail(List<Effect> effects, List<se.planpuls.domain.QualityFlag> flags) {
            this(effects, flags, null);
        }
    }

    /**
     * {@link PromptDetail} of each milestone, by id, read together: one statement for all their effects and
     * one reminder policy per plan, so a card of many rows costs what a card of one does; the indicators among
     * them add one statement for all their definitions, and none when there is no indicator.
     */
    public Map<Long, PromptDetail> prompts(Collection<MilestoneView> views, java.time.LocalDate today) {
        if (views.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(handle -> prompts(handle, views, today));
    }

    /**
     * What {@code mina milstolpar} shows, read on one connection: the items a person may report on
     * ({@link #reportableBy}), the prompt of each one not yet reached ({@link #prompts}) and the
     * sub-deliverables of each top-level one ({@link #childrenOf}).
     */
    public OwnCard ownCard(long ownerId, java.time.LocalDate today) {
        return jdbi.inTransaction(handle -> {
            List<MilestoneView> items = reportableBy(handle, ownerId);
            List<MilestoneView> open = items.stream().filter(v -> !v.reached()).toList();
            List<Long> tops = items.stream().filter(v -> v.milestone().shape().parentId() == null)
                    .map(v -> v.milestone().id()).distinct().toList();
            return new OwnCard(items, open.isEmpty() ? Map.of() : prompts(handle, open, today),
                    tops.isEmpty() ? Map.of() : childrenOf(handle, tops));
        });
    }

    /** See {@link #ownCard}: the items, each open one's prompt by id, and each parent's sub-deliverables by id. */
    public record OwnCard(List<MilestoneView> items, Map<Long, PromptDetail> prompts,
                          Map<Long, List<MilestoneView>> children) {
    }

    private static Map<Long, PromptDetail> prompts(Handle handle, Collection<MilestoneView> views,
                                                   java.time.LocalDate today) {
        List<Long> ids = views.stream().map(v -> v.milestone().id()).distinct().toList();
        Map<Long, List<Effect>> effects = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            effects.putAll(effects(TurnQueries.effectRowsOf(handle, ids.subList(from, Math.min(ids.size(), from + 500)))));
        }
        List<Long> indicatorIds = views.stream().filter(v -> v.milestone().kind() == ItemKind.INDICATOR)
                .map(v -> v.milestone().id()).distinct().toList();
        Map<Long, se.planpuls.domain.Indicator> indicators = new LinkedHashMap<>();
        for (int from = 0; from < indicatorIds.size(); from += 500) {
            indicators.putAll(TurnQueries.indicatorsOf(handle,
                    indicatorIds.subList(from, Math.min(indicatorIds.size(), from + 500))));
        }
        Map<Long, se.planpuls.domain.rules.OwnerPromptRules> rules = new java.util.HashMap<>();
        Map<Long, PromptDetail> details = new LinkedHashMap<>();
        for (MilestoneView view : views) {
            var rule = rules.computeIfAbsent(view.milestone().planId(), plan -> promptRules(handle, plan));
            long id = view.milestone().id();
            details.put(id, new PromptDetail(effects.getOrDefault(id, List.of()), rule.check(view, today),
                    indicators.get(id)));
        }
        return details;
    }

    public MilestoneView view(long id) {
        return jdbi.withExtension(MilestoneDao.class, dao -> dao.view(id))
                .orElseThrow(() -> new NotFoundException("milestone", id));
    }

    public MilestoneDetail detail(long id) {
        return jdbi.inTransaction(handle -> {
            MilestoneDao dao = handle.attach(MilestoneDao.class);
            MilestoneView view = dao.view(id).orElseThrow(() -> new NotFoundException("milestone", id));
            var history = handle.attach(ReportDao.class).history(id);
            return new MilestoneDetail(view, effects(dao, id), dao.dependsOn(id), dao.dependents(id), history,
                    effectsSeen(handle, history.stream().map(StatusReport::id).toList()));
        });
    }

    /**
     * The effects each of the given status reports ticked as seen, by report id; a report that
     * ticked none is left out.
     */
    public Map<Long, List<EffectSeen>> effectsSeen(Collection<Long> reportIds) {
        return jdbi.withHandle(handle -> effectsSeen(handle, reportIds));
    }

    static Map<Long, List<EffectSeen>> effectsSeen(Handle handle, Collection<Long> reportIds) {
        Map<Long, List<EffectSeen>> seen = new LinkedHashMap<>();
        ReportDao dao = handle.attach(ReportDao.class);
        // In chunks, so that a whole plan's reports stay within any database's limit on bound values.
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(reportIds));
        for (int from = 0; from < ids.size(); from += 500) {
            dao.effectsSeenOf(ids.subList(from, Math.min(ids.size(), from + 500))).forEach(row -> seen
                    .computeIfAbsent(row.reportId(), id -> new ArrayList<>())
                    .add(new EffectSeen(row.effectId(), row.text())));
        }
        return seen;
    }

    /** {@link #effectsSeen(Collection)} of the latest report of each item. */
    public Map<Long, List<EffectSeen>> effectsSeenOfLatest(Collection<MilestoneView> views) {
        return effectsSeen(views.stream().flatMap(v -> v.latestReport().stream()).map(StatusReport::id).toList());
    }

    public List<Effect> effects(long milestoneId) {
        return jdbi.withExtension(MilestoneDao.class, dao -> effects(dao, milestoneId));
    }

    static List<Effect> effects(MilestoneDao dao, long milestoneId) {
        return effects(dao.effectRows(milestoneId)).getOrDefault(milestoneId, List.of());
    }

    /** Folds effect rows (one per audience, in position order) into each milestone's effects. */
    static Map<Long, List<Effect>> effects(List<MilestoneDao.EffectRow> rows) {
        Map<Long, List<String>> audiences = new LinkedHashMap<>();
        Map<Long, MilestoneDao.EffectRow> first = new LinkedHashMap<>();
        for (var row : rows) {
            first.putIfAbsent(row.id(), row);
            var tags = audiences.computeIfAbsent(row.id(), k -> new ArrayList<>());
            if (row.audience() != null) {
                tags.add(row.audience());
            }
        }
        Map<Long, List<Effect>> byMilestone = new LinkedHashMap<>();
        for (var r : first.values()) {
            byMilestone.computeIfAbsent(r.milestoneId(), k -> new ArrayList<>())
                    .add(new Effect(r.id(), r.milestoneId(), r.position(), r.text(), audiences.get(r.id())));
        }
        byMilestone.replaceAll((id, list) -> List.copyOf(list));
        return byMilestone;
    }

    public List<MilestoneView> ofOwner(long ownerId) {
        return jdbi.withExtension(MilestoneDao.class, dao -> dao.viewsOfOwner(ownerId));
    }

    public List<MilestoneView> search(MilestoneFilter filter) {
        String status = null;
        if (filter.status() != null) {
            status = "unreported".equalsIgnoreCase(filter.status().trim()) ? "UNREPORTED"
                    : Status.parse(filter.status()).map(Status::name).orElseThrow(() -> new InvalidInputException(
                            "status", "status.unknown",
                            "status must be one of reached, in_progress, not_started, unreported"));
        }
        String q = filter.query() == null || filter.query().isBlank() ? null
                : "%" + escapeLike(filter.query().trim().toLowerCase(Locale.ROOT)) + "%";
        String finalStatus = status;
        return jdbi.withExtension(MilestoneDao.class,
                dao -> dao.search(q, blankToNull(filter.areaCode()), filter.ownerId(), finalStatus));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The milestones a person may report on: their own, those of the owners they substitute for, and their groups'. */
    public List<MilestoneView> reportableBy(long ownerId) {
        return jdbi.inTransaction(handle -> reportableBy(handle, ownerId));
    }

    private static List<MilestoneView> reportableBy(Handle handle, long ownerId) {
        List<MilestoneView> result = new ArrayList<>(TurnQueries.viewsOfOwner(handle, ownerId));
        for (var principal : TurnQueries.principalsOf(handle, ownerId)) {
            result.addAll(TurnQueries.viewsOfOwner(handle, principal.id()));
        }
        // A member reports for each group they are in, so its items are theirs to report on too.
        result.addAll(TurnQueries.viewsOfMember(handle, ownerId));
        return result;
    }

    /**
     * Finds one milestone by its short id (e.g. {@code MED-1}) or a part of its title that only one
     * milestone has. Unknown: {@link NotFoundException}; more than one: {@link AmbiguousException}.
     */
    public MilestoneView find(String reference) {
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty()) {
            throw new InvalidInputException("milestone", "milestone.missing", "name a milestone by id or title");
        }
        List<MilestoneView> all = search(new MilestoneFilter(null, null, null, null));
        var byCode = all.stream().filter(v -> v.milestone().code().equalsIgnoreCase(ref)).toList();
        if (byCode.size() == 1) {
            return byCode.get(0);
        }
        String needle = ref.toLowerCase(Locale.ROOT);
        var byTitle = all.stream().filter(v -> v.milestone().title().toLowerCase(Locale.ROOT).contains(needle)).toList();
        var exact = byTitle.stream().filter(v -> v.milestone().title().equalsIgnoreCase(ref)).toList();
        if (exact.size() == 1) {
            return exact.get(0);
        }
        if (byTitle.size() == 1) {
            return byTitle.get(0);
        }
        if (byTitle.isEmpty()) {
            throw new NotFoundException("milestone", ref);
        }
        throw new AmbiguousException(ref, byTitle);
    }

    /** A reference that fits more than one milestone. */
    public static final class AmbiguousException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<MilestoneView> candidates;

        AmbiguousException(String reference, List<MilestoneView> candidates) {
            super("'" + reference + "' fits " + candidates.size() + " milestones");
            this.candidates = List.copyOf(candidates);
        }

        public List<MilestoneView> candidates() {
            return candidates;
        }
    }

    public Milestone create(long planId, ItemInput input, Actor actor) {
        return create(planId, input, null, actor);
    }

    /** Creates an item; an indicator with its definition, written in the same transaction. */
    public Milestone create(long planId, ItemInput input, se.planpuls.domain.Indicator indicator, Actor actor) {
        ItemKind kind = input.kind() == null ? ItemKind.MILESTONE : input.kind();
        checkIndicator(kind, indicator, false);
        String code = ItemRules.blankToNull(input.code());
        Integer dueYear = input.dueYear() != null ? input.dueYear()
                : input.dueDate() != null ? Integer.valueOf(input.dueDate().getYear()) : null;
        throwFirst(ItemRules.check("", code, kind, ItemRules.blankToNull(input.title()), input.description(),
                input.reachedWhen(), dueYear, input.dueDate(), input.reportTo(), input.frequency(), input.startsOn()));
        if (input.areaCode() == null || input.areaCode().isBlank()) {
            throw new InvalidInputException("areaCode", "area.missing", "areaCode is required");
        }
        return Conflicts.guard("code", () -> jdbi.inTransaction(handle -> {
            handle.attach(PlanDao.class).plan(planId).orElseThrow(() -> new NotFoundException("plan", planId));
            var area = handle.attach(PlanDao.class).areas(planId).stream()
                    .filter(a -> a.code().equalsIgnoreCase(input.areaCode().strip())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("areaCode", "area.unknown",
                            "the plan has no area " + input.areaCode()));
            MilestoneDao dao = handle.attach(MilestoneDao.class);
            if (dao.anyByCode(planId, code).isPresent()) {
                throw new InvalidInputException("code", "code.taken", "the plan already has an item " + code);
            }
            checkOwner(handle, input.ownerId());
            String description = input.description() == null ? "" : input.description().strip();
            long id = dao.insertItem(planId, area.id(), dao.lastPosition(area.id()) + 1, code, input.title().strip(),
                    // No criterion given: none is stored, and readers are shown the description as such.
                    description, input.reachedWhen() == null ? "" : input.reachedWhen().strip(), dueYear,
                    input.dueDate(), Boolean.TRUE.equals(input.dateUncertain()), input.ownerId(), kind.apiName(),
                    ItemRules.blankToNull(input.reportTo()),
                    input.frequency() == null ? null : input.frequency().apiName(), input.startsOn());
            Milestone created = dao.milestone(id).orElseThrow();
            AuditLog.record(handle, clock, actor, "create", "milestone", id, planId, input.reason(), null, created);
            if (indicator != null) {
                IndicatorService.define(handle, clock, actor, created, indicator, input.reason());
            }
            return created;
        }));
    }

    /** Applies the non-null fields of {@code change}; {@code expectedVersion} null skips the version check. */
    public Milestone update(long id, ItemInput change, Integer expectedVersion, Actor actor) {
        return update(id, change, null, expectedVersion, actor);
    }

    /** As {@link #update(long, ItemInput, Integer, Actor)}; a non-null {@code indicator} replaces the definition. */
    public Milestone update(long id, ItemInput change, se.planpuls.domain.Indicator indicator, Integer expectedVersion,
                            Actor actor) {
        return jdbi.inTransaction(handle -> {
            MilestoneDao dao = handle.attach(MilestoneDao.class);
            Milestone before = dao.milestone(id).orElseThrow(() -> new NotFoundException("milestone", id));
            checkVersion(before, expectedVersion);
            if (change.code() != null && !change.code().strip().equals(before.code())) {
                throw new InvalidInputException("code", "code.fixed", "an item's code cannot be changed");
            }
            long areaId = before.areaId();
            int position = before.position();
            if (change.areaCode() != null) {
                var area = handle.attach(PlanDao.class).areas(before.planId()).stream()
                        .filter(a -> a.code().equalsIgnoreCase(change.areaCode().strip())).findFirst()
                        .orElseThrow(() -> new InvalidInputException("areaCode", "area.unknown",
                                "the plan has no area " + change.areaCode()));
                if (area.id() != areaId) {
                    areaId = area.id();
                    position = dao.lastPosition(areaId) + 1;
                }
            }
            ItemKind kind = change.kind() != null ? change.kind() : before.kind();
            checkIndicator(kind, indicator, kind == ItemKind.INDICATOR
                    && IndicatorService.definition(handle, id).isPresent());
            var dueDate = change.dueDate() != null ? change.dueDate()
                    : change.dueYear() != null ? null : before.dueDate();
            int dueYear = change.dueYear() != null ? change.dueYear()
                    : change.dueDate() != null ? change.dueDate().getYear() : before.dueYear();
            var frequency = !kind.periodic() ? null
                    : change.frequency() != null ? change.frequency() : before.frequency();
            var startsOn = !kind.periodic() ? null
                    : change.startsOn() != null ? change.startsOn() : before.startsOn();
            String title = change.title() != null ? change.title().strip() : before.title();
            String description = change.description() != null ? change.description().strip() : before.description();
            String reachedWhen = change.reachedWhen() != null ? change.reachedWhen().strip() : before.reachedWhen();
            String reportTo = change.reportTo() != null ? ItemRules.blankToNull(change.reportTo()) : before.reportTo();
            // Judged with the item's shape: a count-based commitment has no frequency, an ongoing item no date.
            throwFirst(ItemRules.check("", before.code(), kind, title, description, reachedWhen, dueYear, dueDate,
                    reportTo, frequency, startsOn, before.shape().ongoing(), before.shape().timesPerYear()));
            Long ownerId = change.clearOwner() ? null : change.ownerId() != null ? change.ownerId() : before.ownerId();
            if (!Objects.equals(ownerId, before.ownerId())) {
                checkOwner(handle, ownerId);
            }
            boolean uncertain = change.dateUncertain() != null ? change.dateUncertain() : before.dateUncertain();
            dao.updateItem(id, areaId, position, title, description, reachedWhen, dueYear, dueDate, uncertain, ownerId,
                    kind.apiName(), reportTo, frequency == null ? null : frequency.apiName(), startsOn);
            Milestone after = dao.milestone(id).orElseThrow();
            String action = !Objects.equals(before.effectiveDueDate(), after.effectiveDueDate()) ? "move-due"
                    : !Objects.equals(before.ownerId(), after.ownerId()) ? "reassign" : "update";
            AuditLog.record(handle, clock, actor, action, "milestone", id, before.planId(),
                    ItemRules.blankToNull(change.reason()), before, after);
            if (indicator != null) {
                IndicatorService.define(handle, clock, actor, after, indicator, ItemRules.blankToNull(change.reason()));
            }
            return after;
        });
    }

    /** Soft delete: the item leaves every list, but its row, reports and history stay. */
    public void delete(long id, Integer expectedVersion, String reason, Actor actor) {
        jdbi.useTransaction(handle -> {
            MilestoneDao dao = handle.attach(MilestoneDao.class);
            Milestone before = dao.milestone(id).orElseThrow(() -> new NotFoundException("milestone", id));
            checkVersion(before, expectedVersion);
            dao.softDelete(id, clock.instant());
            AuditLog.record(handle, clock, actor, "delete", "milestone", id, before.planId(),
                    ItemRules.blankToNull(reason), before, null);
        });
    }

    public Milestone get(long id) {
        return jdbi.withExtension(MilestoneDao.class, dao -> dao.milestone(id))
                .orElseThrow(() -> new NotFoundException("milestone", id));
    }

    private static void checkVersion(Milestone current, Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new VersionConflictException("milestone", current.id(), current.version());
        }
    }

    private static void checkOwner(Handle handle, Long ownerId) {
        if (ownerId != null && !handle.attach(OwnerDao.class).active(ownerId)) {
            throw new InvalidInputException("ownerId", "owner.unknown", "no owner has id " + ownerId);
        }
    }

    /** An indicator needs a valid definition (unless it has one already); another kind may not have one. */
    private static void checkIndicator(ItemKind kind, se.planpuls.domain.Indicator indicator, boolean defined) {
        if (kind != ItemKind.INDICATOR && indicator != null) {
            throw new InvalidInputException("indicator", "item.invalid", "only an item of kind indicator has an indicator");
        }
        if (kind == ItemKind.INDICATOR && indicator == null && !defined) {
            throw new InvalidInputException("indicator", "item.invalid",
                    "an indicator needs indicator: unit, direction and a target (baseline optional)");
        }
        if (indicator != null) {
            throwFirst(indicator.check("indicator."));
        }
    }

    private static void throwFirst(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).field(), "item.invalid", problems.get(0).message());
        }
    }

    /** A parent item's sub-deliverables, each with its latest report, in plan order; empty for any other item. */
    public List<MilestoneView> children(long parentId) {
        return childrenOf(List.of(parentId)).getOrDefault(parentId, List.of());
    }

    /**
     * The sub-deliverables of each given item that has any, by parent id, each list in plan order;
     * one read for a whole card.
     */
    private Map<Long, List<MilestoneView>> childrenOf(Collection<Long> parentIds) {
        if (parentIds.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(handle -> childrenOf(handle, parentIds));
    }

    private static Map<Long, List<MilestoneView>> childrenOf(Handle handle, Collection<Long> parentIds) {
        var byParent = new LinkedHashMap<Long, List<MilestoneView>>();
        TurnQueries.childrenOf(handle, List.copyOf(parentIds)).forEach(child ->
                byParent.computeIfAbsent(child.milestone().shape().parentId(), id -> new ArrayList<>()).add(child));
        return byParent;
    }

    /** A parent's status summarised from its sub-deliverables as of {@code today} ({@link ParentStatus}). */
    public static ParentStatus summary(List<MilestoneView> children, java.time.LocalDate today) {
        return ParentStatus.of(children.stream()
                .map(v -> ParentStatus.Child.of(se.planpuls.domain.PlanItem.of(v), today)).toList());
    }

    /** A parent's status summarised from its sub-deliverables as of today. */
    public ParentStatus summary(List<MilestoneView> children) {
        return summary(children, java.time.LocalDate.now(clock.withZone(se.planpuls.domain.calendar.WorkingCalendar.ZONE)));
    }
}
