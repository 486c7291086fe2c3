package se.planpuls.db;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.db.ReminderPolicyJson;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.Owner;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.domain.reminder.Delivery;
import se.planpuls.domain.reminder.DueReminder;
import se.planpuls.domain.reminder.MilestoneFacts;
import se.planpuls.domain.reminder.ReminderKey;
import se.planpuls.domain.reminder.ReminderPlanner;
import se.planpuls.domain.reminder.ReminderPolicy;
import se.planpuls.domain.reminder.ReminderRecord;
import se.planpuls.domain.reminder.SendOutcome;
import se.planpuls.domain.reminder.SentReminder;

/**
 * The reminders' persistent side: each plan's policy, the facts the planner reads, and the
 * sent-log. {@link #sendOnce} is the only way a reminder goes out: it holds the natural key's row
 * for the length of the send, so a second run or instance cannot send it again, and a crash before
 * the send commits leaves no row, so the next run sends it.
 */
public final class ReminderService {
    public static final int MAX_LIST = 1000;
    private static final Set<String> STATUSES = Set.of("SENT", "FAILED", "NOTED");

    private final Jdbi jdbi;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final ReminderPlanner planner;

    public ReminderService(Database database, Clock clock, WorkingCalendar calendar) {
        this.jdbi = database.jdbi();
        this.clock = clock;
        this.calendar = calendar;
        this.planner = new ReminderPlanner(calendar);
    }

    /** Today in Stockholm, by the injected clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public List<Long> planIds() {
        return jdbi.withExtension(ReminderDao.class, ReminderDao::planIds);
    }

    public ReminderPolicy policy(long planId) {
        return jdbi.withExtension(ReminderDao.class, dao -> {
            if (!dao.planIds().contains(planId)) {
                throw new NotFoundException("plan", planId);
            }
            return dao.policyJson(planId).map(ReminderPolicyJson::fromJson).orElse(ReminderPolicy.DEFAULT);
        });
    }

    public ReminderPolicy savePolicy(long planId, ReminderPolicy policy) {
        String json = ReminderPolicyJson.toJson(policy);
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            ReminderDao dao = handle.attach(ReminderDao.class);
            if (!dao.planIds().contains(planId)) {
                throw new NotFoundException("plan", planId);
            }
            ReminderPolicy before = policy(planId);
            Upsert.updateOrInsert(handle, () -> dao.updatePolicy(planId, json, now),
                    () -> dao.insertPolicy(planId, json, now));
            AuditLog.record(handle, clock, se.planpuls.domain.Actor.api("admin"), "update", "reminder-policy", planId,
                    planId, null, before, policy);
        });
        return policy;
    }

    /**
     * Takes the cluster's turn to send reminders for {@code hold} from {@code nowMillis}, or renews it
     * for its holder; false while another instance holds a turn that has not expired. Wall-clock
     * milliseconds, not the business clock: a turn measures real time between instances.
     */
    public boolean takeSendingTurn(String holder, long nowMillis, java.time.Duration hold) {
        return jdbi.withExtension(ReminderDao.class,
                dao -> dao.takeTurn(holder, nowMillis, nowMillis + hold.toMillis())) == 1;
    }

    /** Gives the turn back so another instance need not wait for it to expire. */
    public void giveBackSendingTurn(String holder) {
        jdbi.useExtension(ReminderDao.class, dao -> dao.giveBackTurn(holder));
    }

    /** The reminders of every plan that are due on {@code day} and not yet done. */
    public List<DueReminder> due(LocalDate day) {
        List<DueReminder> due = new ArrayList<>();
        Map<Long, Owner> owners = jdbi.withExtension(OwnerDao.class, OwnerDao::all).stream()
                .collect(Collectors.toMap(Owner::id, o -> o));
        for (long planId : planIds()) {
            due.addAll(planner.due(day, policy(planId), facts(planId, day), owners, groupMembers(planId)));
        }
        return due;
    }

    /**
     * What is scheduled: for each reminder not yet done, the first of the next {@code workingDays}
     * working days on which it falls due, as things stand today (answers and leave may change it).
     */
    public List<DueReminder> upcoming(int workingDays) {
        Map<ReminderKey, DueReminder> first = new LinkedHashMap<>();
        LocalDate day = calendar.onOrAfter(today());
        for (int i = 0; i < workingDays; i++) {
            for (DueReminder r : due(day)) {
                first.putIfAbsent(r.key(), new DueReminder(r.key(), r.recipientOwnerId(),
                        r.plannedFor().isBefore(day) ? day : r.plannedFor()));
            }
            day = calendar.plusWorkingDays(day, 1);
        }
        return List.copyOf(first.values());
    }

    /** The members of the group that owns each of the plan's group-owned items, by item. */
    Map<Long, List<Long>> groupMembers(long planId) {
        return jdbi.withExtension(GroupReportDao.class, dao -> dao.membersOfPlan(planId)).stream()
                .collect(Collectors.groupingBy(GroupReportDao.ItemMember::milestoneId, LinkedHashMap::new,
                        Collectors.mapping(GroupReportDao.ItemMember::ownerId, Collectors.toList())));
    }

    /** What the planner reads of each item of the plan, a count-based item's reports counted in {@code day}'s year. */
    List<MilestoneFacts> facts(long planId, LocalDate day) {
        return jdbi.inTransaction(handle -> {
            ReminderDao dao = handle.attach(ReminderDao.class);
            Map<Long, Long> leads = new LinkedHashMap<>();
            dao.areaLeads(planId).forEach(a -> leads.put(a.areaId(), a.leadOwnerId()));
            Map<Long, List<SentReminder>> done = dao.doneOfPlan(planId).stream().collect(Collectors.groupingBy(
                    ReminderRecord::milestoneId,
                    Collectors.mapping(r -> new SentReminder(new ReminderKey(r.milestoneId(), r.kind(), r.dueDate(),
                            r.step(), r.memberId()), r.sentAt()), Collectors.toList())));
            List<MilestoneFacts> facts = new ArrayList<>();
            // An indicator's reports are its values: the latest one answers the period's reminder.
            Map<Long, java.time.Instant> lastValues = new LinkedHashMap<>();
            handle.attach(IndicatorDao.class).lastValuesOfPlan(planId)
                    .forEach(v -> lastValues.put(v.milestoneId(), v.lastAt()));
            var counted = ItemShapeDao.countedThisYear(handle.attach(ItemShapeDao.class), planId, day);
            for (MilestoneView view : handle.attach(MilestoneDao.class).viewsOfPlan(planId)) {
                var m = view.milestone();
                var lastReport = view.latest() == null ? null : view.latest().reportedAt();
                var lastValue = lastValues.get(m.id());
                facts.add(new MilestoneFacts(m, view.reached(),
                        lastValue != null && (lastReport == null || lastValue.isAfter(lastReport)) ? lastValue
                                : lastReport, leads.get(m.areaId()),
                        done.getOrDefault(m.id(), List.of()), counted.getOrDefault(m.id(), List.of())));
            }
            return facts;
        });
    }

    /**
     * Sends one due reminder at most once: {@link #sendOnce(List, Function)} with a message of one.
     */
    public SendOutcome sendOnce(DueReminder reminder, Function<DueReminder, Delivery> deliver) {
        return sendOnce(List.of(reminder), batch -> deliver.apply(batch.get(0))).get(reminder.key());
    }

    /**
     * Sends the reminders due to one recipient as one message, each at most once. Holds each natural
     * key's row (inserting it when new), in key order so that two runs cannot deadlock, while
     * {@code deliver} sends the ones still to go, and records the outcome for each key in the same
     * transaction: the sent-log keeps every reminder's own row, so exactly-once and the escalation
     * ladder work per milestone although the owner gets one card. A reminder that is done, failed and
     * not yet due for a retry is left out of the message; when another run or instance holds any of
     * the rows, all of them are left to it. A reminder without a recipient is noted, not sent.
     *
     * @return each reminder's outcome by its key
     */
    public Map<ReminderKey, SendOutcome> sendOnce(List<DueReminder> reminders,
                                                  Function<List<DueReminder>, Delivery> deliver) {
        List<DueReminder> ordered = reminders.stream().sorted(KEY_ORDER).toList();
        try {
            return jdbi.inTransaction(handle -> {
                Map<ReminderKey, SendOutcome> outcomes = new LinkedHashMap<>();
                ReminderDao dao = handle.attach(ReminderDao.class);
                Instant now = clock.instant();
                List<DueReminder> toSend = new ArrayList<>();
                for (DueReminder reminder : ordered) {
                    ReminderKey key = reminder.key();
                    var existing = dao.lockByKey(key.milestoneId(), key.kind(), key.dueDate(), key.step(),
                            key.memberId());
                    if (existing.isPresent()) {
                        var row = existing.get();
                        if (!"FAILED".equals(row.status()) || row.nextAttemptAt() == null
                                || row.nextAttemptAt().isAfter(now)) {
                            outcomes.put(key, SendOutcome.SKIPPED);
                            continue;
                        }
                    } else {
                        dao.insert(key.milestoneId(), key.kind(), key.dueDate(), key.step(),
                                reminder.recipientOwnerId(), reminder.plannedFor(), now, key.memberId());
                    }
                    if (reminder.recipientOwnerId() == null) {
                        dao.record(key.milestoneId(), key.kind(), key.dueDate(), key.step(), key.memberId(), "NOTED", 0, null, null,
                                null, now);
                        outcomes.put(key, SendOutcome.NOTED);
                    } else {
                        toSend.add(reminder);
                    }
                }
                if (toSend.isEmpty()) {
                    return outcomes;
                }
                Delivery delivery = deliver.apply(List.copyOf(toSend));
                Instant after = clock.instant();
                String error = delivery.error() == null ? null
                        : delivery.error().length() > 500 ? delivery.error().substring(0, 500) : delivery.error();
                for (DueReminder reminder : toSend) {
                    ReminderKey key = reminder.key();
                    if (delivery.sent()) {
                        dao.record(key.milestoneId(), key.kind(), key.dueDate(), key.step(), key.memberId(), "SENT", 1, null, null,
                                null, after);
                        outcomes.put(key, SendOutcome.SENT);
                    } else {
                        dao.record(key.milestoneId(), key.kind(), key.dueDate(), key.step(), key.memberId(), "FAILED", 1,
                                delivery.httpStatus(), error, delivery.retryAt(), after);
                        outcomes.put(key, SendOutcome.FAILED);
                    }
                }
                return outcomes;
            });
        } catch (RuntimeException e) {
            if (Conflicts.heldElsewhere(e)) {
                Map<ReminderKey, SendOutcome> skipped = new LinkedHashMap<>();
                ordered.forEach(r -> skipped.put(r.key(), SendOutcome.SKIPPED));
                return skipped;
            }
            throw e;
        }
    }

    private static final java.util.Comparator<DueReminder> KEY_ORDER = java.util.Comparator
            .<DueReminder>comparingLong(r -> r.key().milestoneId())
            .thenComparing(r -> r.key().kind())
            .thenComparing(r -> r.key().dueDate())
            .thenComparingInt(r -> r.key().step());

    /** The sent-log, newest first; {@code status} is SENT, FAILED or NOTED (any case), or null for all. */
    public List<ReminderRecord> log(String status, Long ownerId) {
        String s = status == null ? null : status.strip().toUpperCase(java.util.Locale.ROOT);
        if (s != null && !STATUSES.contains(s)) {
            throw new InvalidInputException("status", "status.unknown",
                    "status must be one of scheduled, sent, failed, noted");
        }
        return jdbi.withExtension(ReminderDao.class, dao -> dao.list(s, ownerId, MAX_LIST));
    }

    /** Milestones marked "report missing": escalated and not reported on since. */
    public List<Long> reportMissing() {
        return jdbi.withExtension(ReminderDao.class, ReminderDao::reportMissing);
    }

    /** Owners the bot cannot reach: no personal chat is stored for them. */
    public List<Owner> unreachableOwners() {
        return jdbi.withExtension(ReminderDao.class, ReminderDao::unreachableOwners);
    }
}
