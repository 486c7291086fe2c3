package se.planpuls.db;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.planpuls.domain.Actor;
import se.planpuls.domain.AnnualReview;
import se.planpuls.domain.AnnualReview.Changes;
import se.planpuls.domain.AuditEntry;
import se.planpuls.domain.PlanRevision;
import se.planpuls.domain.Area;
import se.planpuls.domain.AreaGroup;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.ParentStatus;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.PlanSummary;
import se.planpuls.domain.Status;
import se.planpuls.domain.ReviewNotes;
import se.planpuls.domain.VersionConflictException;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.domain.reminder.ReminderPolicy;

/**
 * The annual review (årlig uppföljning) as {@code 003_*.txt} shows it: per area, the milestones
 * due in each year up to the review year, with status colour, last comment and effects expected
 * and seen, beside the region's summary and assessments and each area's målbild. A review can be
 * taken (kept as a snapshot, notes included) and is then read back as it was, even after
 * milestones move, notes change or new reports arrive.
 */
public final class AnnualReviewService {
    static final String EFFECT_SEPARATOR = "\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final PlanService plans;
    private final Clock clock;
    private final WorkingCalendar calendar;

    public AnnualReviewService(Database database, Clock clock, WorkingCalendar calendar) {
        this.jdbi = database.jdbi();
        this.plans = new PlanService(database);
        this.clock = clock;
        this.calendar = calendar;
    }

    /** The latest snapshot taken for the year, else the review as of the year's review date. */
    public AnnualReview review(long planId, int year) {
        return review(planId, year, null);
    }

    /**
     * The review of a year as of the end of {@code asOf} (Stockholm), computed from the append-only
     * history; without {@code asOf}, the year's snapshot when one was taken, else the review as of
     * its review date. A date still ahead stands for today: the history holds nothing later.
     */
    public AnnualReview review(long planId, int year, LocalDate asOf) {
        checkYear(year);
        return jdbi.inTransaction(handle -> {
            PlanSummary plan = plan(handle, planId);
            LeadershipDao dao = handle.attach(LeadershipDao.class);
            var head = asOf == null ? dao.latestReview(planId, year) : Optional.<LeadershipDao.ReviewHead>empty();
            if (head.isEmpty()) {
                LocalDate day = notAfterToday(asOf == null ? reviewDate(handle, planId, year) : asOf);
                ReviewNotes notes = notes(handle, planId, year);
                return new AnnualReview(planId, plan.name(), plan.organisation(), year, false, null, clock.instant(),
                        day, notes, areas(handle, planId, notes), compute(handle, planId, year, day),
                        changes(handle, planId, year, day)).withIndicators(indicators(handle, planId, day));
            }
            return kept(handle, plan, year, head.get());
        });
    }

    /**
     * The plan's own history between the review before this one and this one's day, from the
     * append-only audit log: items added, removed, or given another due date (with the reason the
     * admin gave), and the revisions a board adopted in that period.
     */
    private Changes changes(Handle handle, long planId, int year, LocalDate asOf) {
        LocalDate from = reviewDate(handle, planId, year - 1);
        Instant after = from.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant until = asOf.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        List<AnnualReview.Change> items = new ArrayList<>();
        for (AuditEntry e : handle.attach(AuditDao.class).find("milestone", null, planId, after, Integer.MAX_VALUE, 0)) {
            if (!e.at().isBefore(until)) {
                continue;
            }
            JsonNode before = tree(e.beforeJson());
            JsonNode now = tree(e.afterJson());
            if (e.action().equals("create") && now != null) {
                items.add(new AnnualReview.Change("added", now.path("code").asText(), now.path("title").asText(),
                        null, due(now), e.reason(), e.at()));
            } else if (e.action().equals("delete") && before != null) {
                items.add(new AnnualReview.Change("removed", before.path("code").asText(),
                        before.path("title").asText(), due(before), null, e.reason(), e.at()));
            } else if (before != null && now != null && !due(before).equals(due(now))) {
                items.add(new AnnualReview.Change("moved", now.path("code").asText(), now.path("title").asText(),
                        due(before), due(now), e.reason(), e.at()));
            }
        }
        List<PlanRevision> revisions = handle.attach(RevisionDao.class).revisions(planId).stream()
                .filter(r -> r.adoptedOn().isAfter(from) && !r.adoptedOn().isAfter(asOf))
                .toList();
        return new Changes(from, asOf, items, revisions);
    }

    /** An item's due date as the review shows it: the date, else the year. */
    private static String due(JsonNode item) {
        JsonNode date = item.path("dueDate");
        return date.isTextual() ? date.asText() : item.path("dueYear").asText();
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an audit entry is not JSON", e);
        }
    }

    /**
     * Takes the review as of its review date (or today, when that is still ahead) with the year's
     * notes, and keeps it; later reads of this year return it unchanged.
     */
    public AnnualReview take(long planId, int year) {
        checkYear(year);
        return jdbi.inTransaction(handle -> {
            PlanSummary plan = plan(handle, planId);
            LocalDate asOf = notAfterToday(reviewDate(handle, planId, year));
            List<AnnualReview.Entry> entries = compute(handle, planId, year, asOf);
            ReviewNotes notes = notes(handle, planId, year);
            List<AnnualReview.AreaPart> areas = areas(handle, planId, notes);
            LeadershipDao dao = handle.attach(LeadershipDao.class);
            ReviewNotesDao kept = handle.attach(ReviewNotesDao.class);
            var takenAt = clock.instant();
            long id = dao.insertReview(planId, year, takenAt, asOf);
            kept.keepSummary(id, notes.summary());
            int position = 0;
            for (AnnualReview.AreaPart a : areas) {
                kept.keepArea(id, position++, a.groupName(), a.code(), a.name(), a.goalImage(), a.note());
            }
            position = 0;
            for (AnnualReview.Entry e : entries) {
                dao.insertReviewItem(id, position++, e.groupName(), e.areaCode(), e.areaName(), e.milestoneCode(),
                        e.title(), e.dueYear(), e.dateUncertain(), e.status(), e.lastComment(), e.reportedAt(),
                        String.join(EFFECT_SEPARATOR, e.effectsSeen()),
                        String.join(EFFECT_SEPARATOR, e.effectsExpected()));
                keepShape(handle.attach(ReviewShapeDao.class), id, position - 1, e.shape());
            }
            return new AnnualReview(planId, plan.name(), plan.organisation(), year, true, id, takenAt, asOf, notes,
                    areas, entries, changes(handle, planId, year, asOf)).withIndicators(indicators(handle, planId, asOf));
        });
    }

    /**
     * Every report made in the year the review covers, up to the end of its as-of day, oldest first:
     * what the review's statuses were made of.
     */
    public List<AnnualReview.Report> reportsBetween(AnnualReview review) {
        Instant from = LocalDate.of(review.year(), 1, 1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant to = review.asOf().plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant().minusNanos(1000);
        return jdbi.inTransaction(handle -> {
            LeadershipDao dao = handle.attach(LeadershipDao.class);
            Map<Long, Area> areas = new HashMap<>();
            handle.attach(PlanDao.class).areas(review.planId()).forEach(a -> areas.put(a.id(), a));
            Map<Long, PlanItem> items = new HashMap<>();
            dao.items(review.planId()).forEach(i -> items.put(i.id(), i));
            return dao.reportsBetween(review.planId(), from.minusNanos(1000), to).stream()
                    .filter(r -> items.containsKey(r.milestoneId()))
                    .map(r -> {
                        PlanItem item = items.get(r.milestoneId());
                        return new AnnualReview.Report(areas.get(item.areaId()).code(), item.code(), item.title(),
                                r.status(), r.comment(), r.reporterName(), r.reportedAt());
                    })
                    .toList();
        });
    }

    /** The year's summary and area assessments as last saved ({@link ReviewNotes#NONE} before any). */
    public ReviewNotes notes(long planId, int year) {
        checkYear(year);
        return jdbi.inTransaction(handle -> {
            plan(handle, planId);
            return notes(handle, planId, year);
        });
    }

    /**
     * Replaces the year's summary and area assessments, audited; {@code expectedVersion} null skips
     * the version check. An area code the plan does not have is refused, naming it.
     */
    public ReviewNotes saveNotes(long planId, int year, ReviewNotes input, Integer expectedVersion, Actor actor) {
        checkYear(year);
        ReviewNotes wanted = input.checked();
        return jdbi.inTransaction(handle -> {
            plan(handle, planId);
            var codes = handle.attach(PlanDao.class).areas(planId).stream().map(Area::code).toList();
            for (String code : wanted.areas().keySet()) {
                if (!codes.contains(code)) {
                    throw new InvalidInputException("areas." + code, "area.unknown",
                            "areas." + code + " is not an area of the plan (" + String.join(", ", codes) + ")");
                }
            }
            ReviewNotesDao dao = handle.attach(ReviewNotesDao.class);
            ReviewNotes before = notes(handle, planId, year);
            if (expectedVersion != null && expectedVersion != before.version()) {
                throw new VersionConflictException("annual_review_notes", year, before.version());
            }
            Instant now = clock.instant();
            if (before.version() == 0) {
                dao.insertHead(planId, year, wanted.summary(), now);
            } else if (dao.updateHead(planId, year, wanted.summary(), before.version(), now) == 0) {
                throw new VersionConflictException("annual_review_notes", year, before.version());
            }
            dao.deleteAreaNotes(planId, year);
            wanted.areas().forEach((code, note) -> dao.insertAreaNote(planId, year, code, note));
            ReviewNotes after = notes(handle, planId, year);
            AuditLog.record(handle, clock, actor, before.version() == 0 ? "create" : "update", "annual_review_notes",
                    (long) year, planId, null, before.version() == 0 ? null : before, after);
            return after;
        });
    }

    private static ReviewNotes notes(Handle handle, long planId, int year) {
        ReviewNotesDao dao = handle.attach(ReviewNotesDao.class);
        var head = dao.head(planId, year);
        if (head.isEmpty()) {
            return ReviewNotes.NONE;
        }
        Map<String, String> areas = new LinkedHashMap<>();
        dao.areaNotes(planId, year).forEach(n -> areas.put(n.areaCode(), n.note()));
        return new ReviewNotes(head.get().summary(), areas, head.get().version());
    }

    private static List<AnnualReview.AreaPart> areas(Handle handle, long planId, ReviewNotes notes) {
        PlanDao plans = handle.attach(PlanDao.class);
        Map<Long, String> groupNames = new HashMap<>();
        plans.groups(planId).forEach(g -> groupNames.put(g.id(), g.name()));
        return plans.areas(planId).stream()
                .map(a -> new AnnualReview.AreaPart(groupNames.get(a.groupId()), a.code(), a.name(), a.goalImage(),
                        notes.area(a.code())))
                .toList();
    }

    private AnnualReview kept(Handle handle, PlanSummary plan, int year, LeadershipDao.ReviewHead head) {
        ReviewNotesDao notesDao = handle.attach(ReviewNotesDao.class);
        List<LeadershipDao.ReviewItemRow> rows = handle.attach(LeadershipDao.class).reviewItems(head.id());
        List<ReviewShapeDao.KeptShape> shapes = handle.attach(ReviewShapeDao.class).keptShapes(head.id());
        List<AnnualReview.Entry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i);
            entries.add(new AnnualReview.Entry(r.groupName(), r.areaCode(), r.areaName(), r.milestoneCode(),
                    r.title(), r.dueYear(), r.dateUncertain(), r.status(), r.lastComment(), r.reportedAt(),
                    lines(r.effectsSeen()), lines(r.effectsExpected()), shape(shapes.get(i))));
        }
        List<AnnualReview.AreaPart> areas = notesDao.keptAreas(head.id()).stream()
                .map(a -> new AnnualReview.AreaPart(a.groupName(), a.areaCode(), a.areaName(), a.goalImage(),
                        a.note()))
                .toList();
        if (areas.isEmpty()) {
            // Taken before snapshots kept their areas: the plan's areas as they are now, without assessments.
            areas = areas(handle, plan.id(), ReviewNotes.NONE);
        }
        Map<String, String> areaNotes = new LinkedHashMap<>();
        areas.stream().filter(a -> a.note() != null).forEach(a -> areaNotes.put(a.code(), a.note()));
        ReviewNotes notes = new ReviewNotes(notesDao.keptSummary(head.id()).orElse(null), areaNotes, 0);
        LocalDate asOf = head.asOf() != null ? head.asOf() : head.takenAt().atZone(WorkingCalendar.ZONE).toLocalDate();
        return new AnnualReview(plan.id(), plan.name(), plan.organisation(), year, true, head.id(), head.takenAt(), asOf,
                notes, areas, entries, changes(handle, plan.id(), year, asOf))
                .withIndicators(indicators(handle, plan.id(), asOf));
    }

    private static void keepShape(ReviewShapeDao dao, long reviewId, int position, AnnualReview.EntryShape s) {
        var c = s.count();
        var d = s.deliverables();
        dao.keepShape(reviewId, position, s.parentCode(), s.ongoing(), s.ownerName(), s.groupOwner(), s.answeredBy(),
                s.reportTo().isEmpty() ? null : String.join(EFFECT_SEPARATOR, s.reportTo()),
                c == null ? null : c.reports(), c == null ? null : c.min(), c == null ? null : c.max(),
                c == null ? null : c.pace().name(), d == null ? null : d.reached(), d == null ? null : d.total(),
                d == null ? null : d.atRisk());
    }

    private static AnnualReview.EntryShape shape(ReviewShapeDao.KeptShape k) {
        AnnualReview.Count count = k.countMin() == null ? null : new AnnualReview.Count(k.countReports(), k.countMin(),
                k.countMax(), AnnualReview.Pace.valueOf(k.countPace()));
        AnnualReview.Deliverables deliverables = k.deliverablesTotal() == null ? null
                : new AnnualReview.Deliverables(k.deliverablesReached(), k.deliverablesTotal(),
                Boolean.TRUE.equals(k.deliverablesAtRisk()));
        return new AnnualReview.EntryShape(k.parentCode(), k.ongoing(), k.ownerName(), k.ownerIsGroup(),
                k.answeredBy(), lines(k.reportTo()), count, deliverables);
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(EFFECT_SEPARATOR));
    }

    private LocalDate reviewDate(Handle handle, long planId, int year) {
        ReminderPolicy policy = handle.attach(ReminderDao.class).policyJson(planId)
                .map(ReminderPolicyJson::fromJson).orElse(ReminderPolicy.DEFAULT);
        return policy.reviewDateOf(year, calendar);
    }

    /** The plan as it reads now: the review shows its goals and how each milestone is judged reached. */
    public se.planpuls.domain.PlanDetail plan(long planId) {
        return plans.plan(planId);
    }

    /**
     * Each item's status at the end of {@code asOf} (Stockholm), by its code; an item not yet reported
     * on is left out. What the review's strategic map shows, whatever has been reported since.
     */
    public Map<String, Status> statusesAsOf(long planId, LocalDate asOf) {
        Instant before = asOf.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        return jdbi.withHandle(handle -> {
            plan(handle, planId);
            Map<String, Status> out = new HashMap<>();
            for (PlanItem item : handle.attach(LeadershipDao.class).itemsBefore(planId, before)) {
                if (item.status() != null) {
                    out.put(item.code(), item.status());
                }
            }
            return out;
        });
    }

    private LocalDate notAfterToday(LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        return day.isAfter(today) ? today : day;
    }

    /**
     * The status table's entries as of the end of {@code asOf}: the items due in the review's year or
     * before, an ongoing item in every year from its start, a count-based item in every year from its
     * start to its end; each deliverable right after its parent, whose status is summarised from its
     * deliverables ({@link ParentStatus}).
     */
    private static List<AnnualReview.Entry> compute(Handle handle, long planId, int year, LocalDate asOf) {
        Instant before = asOf.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        PlanDao plans = handle.attach(PlanDao.class);
        LeadershipDao dao = handle.attach(LeadershipDao.class);
        Map<Long, String> groupNames = new HashMap<>();
        for (AreaGroup g : plans.groups(planId)) {
            groupNames.put(g.id(), g.name());
        }
        Map<Long, Area> areas = new HashMap<>();
        plans.areas(planId).forEach(a -> areas.put(a.id(), a));
        Map<Long, List<String>> seen = byMilestone(dao.effectsSeenBefore(planId, before));
        Map<Long, List<String>> expected = byMilestone(handle.attach(ReviewNotesDao.class).effectsExpected(planId));
        List<PlanItem> items = dao.itemsBefore(planId, before);
        Map<Long, PlanItem> byId = new HashMap<>();
        Map<Long, List<PlanItem>> children = new HashMap<>();
        for (PlanItem item : items) {
            byId.put(item.id(), item);
            if (item.shape().parentId() != null) {
                children.computeIfAbsent(item.shape().parentId(), k -> new ArrayList<>()).add(item);
            }
        }
        ReviewShapes shapes = ReviewShapes.read(handle, plan(handle, planId), year, asOf, before);
        List<PlanItem> shown = items.stream().filter(item -> shapes.inYear(item, year)).toList();
        List<AnnualReview.Entry> entries = new ArrayList<>();
        for (PlanItem item : ReviewShapes.nested(shown)) {
            Area area = areas.get(item.areaId());
            PlanItem parent = item.shape().parentId() == null ? null : byId.get(item.shape().parentId());
            AnnualReview.Deliverables deliverables = null;
            Status status = item.status();
            List<PlanItem> own = children.getOrDefault(item.id(), List.of());
            if (!own.isEmpty()) {
                ParentStatus summary = ParentStatus.of(own.stream().map(c -> ParentStatus.Child.of(c, asOf)).toList());
                status = summary.status();
                deliverables = new AnnualReview.Deliverables(summary.reached(), summary.children(), summary.atRisk());
            }
            var shape = new AnnualReview.EntryShape(parent == null ? null : parent.code(), item.shape().ongoing(),
                    item.ownerName(), item.shape().ownerGroupId() != null, shapes.answeredBy(item),
                    shapes.reportTo(item), shapes.count(item, planId), deliverables);
            entries.add(new AnnualReview.Entry(groupNames.get(area.groupId()), area.code(), area.name(), item.code(),
                    item.title(), item.dueYear(), item.dateUncertain(), status, item.comment(),
                    item.reportedAt(), List.copyOf(seen.getOrDefault(item.id(), List.of())),
                    List.copyOf(expected.getOrDefault(item.id(), List.of())), shape));
        }
        return entries;
    }

    /**
     * The plan's indicators with their values up to the end of {@code asOf}: the values are an
     * append-only history with their times, so a kept review reads them as they stood on its day.
     */
    private static List<AnnualReview.IndicatorRow> indicators(Handle handle, long planId, LocalDate asOf) {
        Instant before = asOf.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        PlanDao plans = handle.attach(PlanDao.class);
        IndicatorDao dao = handle.attach(IndicatorDao.class);
        Map<Long, String> groupNames = new HashMap<>();
        plans.groups(planId).forEach(g -> groupNames.put(g.id(), g.name()));
        Map<Long, Area> areas = new HashMap<>();
        plans.areas(planId).forEach(a -> areas.put(a.id(), a));
        Map<Long, se.planpuls.domain.Indicator> definitions = new HashMap<>();
        dao.definitionsOfPlan(planId).forEach(d -> definitions.put(d.milestoneId(), d.indicator()));
        Map<Long, List<se.planpuls.domain.IndicatorValue>> values = new HashMap<>();
        dao.valuesOfPlanBefore(planId, before)
                .forEach(v -> values.computeIfAbsent(v.milestoneId(), k -> new ArrayList<>()).add(v));
        List<AnnualReview.IndicatorRow> rows = new ArrayList<>();
        for (PlanItem item : handle.attach(LeadershipDao.class).itemsBefore(planId, before)) {
            var definition = definitions.get(item.id());
            if (definition == null) {
                continue;
            }
            Area area = areas.get(item.areaId());
            rows.add(new AnnualReview.IndicatorRow(item.id(), groupNames.get(area.groupId()), area.code(), area.name(),
                    item.code(), item.title(), new se.planpuls.domain.IndicatorProgress(definition, item.frequency(),
                    values.getOrDefault(item.id(), List.of()))));
        }
        return rows;
    }

    private static Map<Long, List<String>> byMilestone(List<LeadershipDao.EffectSeen> effects) {
        Map<Long, List<String>> out = new HashMap<>();
        effects.forEach(e -> out.computeIfAbsent(e.milestoneId(), k -> new ArrayList<>()).add(e.text()));
        return out;
    }

    private static PlanSummary plan(Handle handle, long planId) {
        return handle.attach(PlanDao.class).plan(planId).orElseThrow(() -> new NotFoundException("plan", planId));
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "year.range", "year must be between 2000 and 2100");
        }
    }
}
