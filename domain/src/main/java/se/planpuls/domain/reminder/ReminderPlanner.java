package se.planpuls.domain.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.Owner;
import se.planpuls.domain.ReportDue;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * Decides which reminders are due on a given day under a plan's policy. Pure: no clock, no
 * database. A reminder is due from its planned day on, so a run that was missed (downtime, an owner
 * on leave) catches up with the latest step only, and the sent-log keeps each key to one send.
 */
public final class ReminderPlanner {

    private final WorkingCalendar calendar;

    public ReminderPlanner(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The reminders due on {@code today}; none on a day that is not a working day. */
    public List<DueReminder> due(LocalDate today, ReminderPolicy policy, List<MilestoneFacts> milestones,
                                 Map<Long, Owner> owners) {
        return due(today, policy, milestones, owners, Map.of());
    }

    /**
     * As {@link #due(LocalDate, ReminderPolicy, List, Map)}, with the members of the group that owns
     * each group-owned item ({@code groupMembers}, by item id): see {@link #groupPrompts}.
     */
    public List<DueReminder> due(LocalDate today, ReminderPolicy policy, List<MilestoneFacts> milestones,
                                 Map<Long, Owner> owners, Map<Long, List<Long>> groupMembers) {
        List<DueReminder> due = new ArrayList<>();
        if (!calendar.isWorkingDay(today)) {
            return due;
        }
        for (MilestoneFacts facts : milestones) {
            Milestone m = facts.milestone();
            if (facts.reached()) {
                continue;
            }
            if (m.shape().ownerGroupId() != null) {
                due.addAll(groupPrompts(today, policy, facts, groupMembers.getOrDefault(m.id(), List.of()), owners));
                continue;
            }
            Long owner = m.ownerId();
            boolean ownerAvailable = owner != null && available(owners.get(owner), today);
            boolean snoozed = owner != null && snoozed(owners.get(owner), today);
            Optional<DueReminder> prompt = ownerAvailable ? prompt(today, policy, facts, snoozed) : Optional.empty();
            prompt.ifPresent(due::add);
            if (ownerAvailable) {
                // Nobody is expected to answer while away: the escalation waits until the owner is back.
                escalation(today, policy, facts, owners, prompt.isEmpty())
                        .filter(r -> !done(facts, r.key())).ifPresent(due::add);
            }
        }
        return due;
    }

    /**
     * An item a group owns: the prompt is planned once for the group, from every member's sent-log
     * taken together, and goes to every member who is not away, each on their own key. Once a member
     * answers after the round's latest prompt, the round (same kind and date) is answered for all:
     * nobody else is prompted for it. Follow-ups and escalations are the group's, planned once.
     */
    private List<DueReminder> groupPrompts(LocalDate today, ReminderPolicy policy, MilestoneFacts facts,
                                           List<Long> members, Map<Long, Owner> owners) {
        var asGroup = new MilestoneFacts(facts.milestone(), facts.reached(), facts.lastReportAt(), facts.areaLeadId(),
                facts.sent().stream().map(s -> new SentReminder(s.key().forGroup(), s.sentAt())).toList(),
                facts.reportedAt());
        List<DueReminder> due = new ArrayList<>();
        var prompt = prompt(today, policy, asGroup, false).filter(r -> !answered(asGroup, r.key()));
        for (long member : members) {
            if (available(owners.get(member), today)) {
                prompt.ifPresent(p -> due.add(new DueReminder(p.key().forMember(member), member, p.plannedFor())));
            }
        }
        escalation(today, policy, asGroup, owners, prompt.isEmpty()).filter(r -> !done(asGroup, r.key()))
                .ifPresent(due::add);
        return due;
    }

    /**
     * A member answered after the latest prompt of this round (same kind and date): the others are
     * spared. A count prompt's round is its number still needed too: a later shortfall is a new round.
     */
    private static boolean answered(MilestoneFacts facts, ReminderKey key) {
        var latest = facts.sent().stream().filter(s -> s.key().kind() == key.kind()
                && s.key().dueDate().equals(key.dueDate())
                && (key.kind() != ReminderKind.COUNT || s.key().step() == key.step()))
                .map(SentReminder::sentAt).max(Comparator.naturalOrder());
        // A report at the very instant of the prompt (one clock tick) answers it too.
        return latest.isPresent() && facts.lastReportAt() != null && !facts.lastReportAt().isBefore(latest.get());
    }

    private static boolean done(MilestoneFacts facts, ReminderKey key) {
        return facts.sent().stream().anyMatch(s -> s.key().equals(key));
    }

    /**
     * The one prompt a milestone's owner gets today: the most pressing kind that is due and not yet
     * sent (deadline or overdue, then the review, then the check-in). A kind whose latest step is
     * done gives way to the next kind, so an overdue milestone still gets its review prompts and
     * check-ins; within a kind only the latest step counts, so an older step is not sent late. A
     * snooze pauses the regular check-in only; deadlines, the review and follow-ups still come.
     */
    private Optional<DueReminder> prompt(LocalDate today, ReminderPolicy policy, MilestoneFacts facts,
                                         boolean snoozed) {
        if (promptedOn(today, facts)) {
            // One prompt a day per milestone, also when the job runs again later in the day.
            return Optional.empty();
        }
        Milestone m = facts.milestone();
        Predicate<ReminderKey> open = key -> !done(facts, key);
        // An indicator expects a value each period just as a recurring commitment expects a report.
        boolean recurring = m.kind().periodic() && m.frequency() != null;
        boolean counted = !recurring && !m.shape().ongoing() && m.shape().timesPerYear() != null;
        // A recurring commitment's own periods are its check-ins, and a count-based one's count prompts
        // are: no monthly check-in on top. An ongoing item has no date to be reminded of: the check-in
        // and the review ask after it.
        return (recurring ? recurring(today, policy, facts)
                : counted ? count(today, policy, facts)
                : m.shape().ongoing() ? Optional.<ReminderKey>empty() : deadline(today, policy, m)).filter(open)
                .or(() -> review(today, policy, m).filter(open))
                .or(() -> recurring || counted || snoozed ? Optional.empty() : checkIn(today, policy, facts).filter(open))
                .map(key -> new DueReminder(key, m.ownerId(), key.kind() == ReminderKind.COUNT ? today
                        : plannedFor(key, policy)));
    }

    /**
     * A count-based commitment ("minst fyra gånger per år") is judged by {@link ReportDue} on this
     * year's reports: while it is behind or late for the time gone, and in the year's last deadline
     * window (its first deadline step before the end of the year or of the item) while the minimum is
     * not met, the owner is told how many reports the year still needs. One prompt for each number
     * still needed: a report that leaves the item behind brings the next one; none once the minimum is
     * met or after the item's end. The quiet period holds it back like any prompt that is not urgent.
     */
    private Optional<ReminderKey> count(LocalDate today, ReminderPolicy policy, MilestoneFacts facts) {
        Milestone m = facts.milestone();
        if (today.isAfter(m.effectiveDueDate())
                || policy.quietPeriod() != null && policy.quietPeriod().postpone(today, calendar).isAfter(today)) {
            return Optional.empty();
        }
        var assessment = ReportDue.assess(m, facts.reached(), facts.reportedAt(), null, today);
        if (assessment.remaining() == 0 || assessment.state() == ReportDue.State.NOT_YET) {
            return Optional.empty();
        }
        LocalDate end = assessment.dueBy().isAfter(m.effectiveDueDate()) ? m.effectiveDueDate() : assessment.dueBy();
        int window = policy.deadlineDays().stream().mapToInt(Integer::intValue).max().orElse(0);
        boolean lastWindow = !today.isBefore(calendar.minusWorkingDays(end, window));
        return assessment.reportExpected() || lastWindow
                ? Optional.of(new ReminderKey(m.id(), ReminderKind.COUNT, end, assessment.remaining()))
                : Optional.empty();
    }

    private static boolean promptedOn(LocalDate day, MilestoneFacts facts) {
        return facts.sent().stream().anyMatch(s -> s.key().kind().prompt()
                && s.sentAt().atZone(WorkingCalendar.ZONE).toLocalDate().equals(day));
    }

    private Optional<ReminderKey> deadline(LocalDate today, ReminderPolicy policy, Milestone m) {
        if (m.dateUncertain()) {
            return Optional.empty();
        }
        LocalDate due = m.effectiveDueDate();
        if (today.isAfter(due)) {
            if (policy.overdue() && !today.isBefore(calendar.plusWorkingDays(due, 1))) {
                return Optional.of(new ReminderKey(m.id(), ReminderKind.OVERDUE, due, 0));
            }
            return Optional.empty();
        }
        return latestStep(today, policy, m.id(), ReminderKind.DEADLINE, due, policy.deadlineDays());
    }

    /**
     * A recurring commitment expects a report in every period of its frequency from its start to the
     * end of its due year: one overdue reminder on the first working day after a period that passed
     * without a report (while none has come since), and deadline reminders before the end of the
     * current period while it has none.
     */
    private Optional<ReminderKey> recurring(LocalDate today, ReminderPolicy policy, MilestoneFacts facts) {
        Milestone m = facts.milestone();
        Frequency frequency = m.frequency();
        LocalDate start = m.startsOn();
        if (today.isAfter(m.effectiveDueDate()) || start != null && today.isBefore(frequency.periodStart(start))) {
            return Optional.empty();
        }
        LocalDate periodStart = frequency.periodStart(today);
        LocalDate lastReport = facts.lastReportAt() == null ? null : LocalDate.ofInstant(facts.lastReportAt(), WorkingCalendar.ZONE);
        if (lastReport != null && !lastReport.isBefore(periodStart)) {
            return Optional.empty();
        }
        LocalDate previousEnd = periodStart.minusDays(1);
        LocalDate previousStart = frequency.periodStart(previousEnd);
        boolean previousExpected = start == null || !previousStart.isBefore(frequency.periodStart(start));
        if (policy.overdue() && previousExpected && (lastReport == null || lastReport.isBefore(previousStart))) {
            var overdue = new ReminderKey(m.id(), ReminderKind.OVERDUE, previousEnd, 0);
            if (!today.isBefore(plannedFor(overdue, policy)) && !done(facts, overdue)) {
                return Optional.of(overdue);
            }
        }
        return latestStep(today, policy, m.id(), ReminderKind.DEADLINE, frequency.periodEnd(today),
                policy.deadlineDays());
    }

    private Optional<ReminderKey> review(LocalDate today, ReminderPolicy policy, Milestone m) {
        for (int year : new int[] {today.getYear(), today.getYear() + 1}) {
            LocalDate review = policy.reviewDate(year, calendar);
            if (!today.isAfter(review)) {
                var step = latestStep(today, policy, m.id(), ReminderKind.REVIEW, review, policy.reviewDays());
                if (step.isPresent()) {
                    return step;
                }
            }
        }
        return Optional.empty();
    }

    /** Of the steps whose planned day has come, the one closest to the date. */
    private Optional<ReminderKey> latestStep(LocalDate today, ReminderPolicy policy, long milestoneId,
                                             ReminderKind kind, LocalDate date, List<Integer> steps) {
        return steps.stream()
                .map(step -> new ReminderKey(milestoneId, kind, date, step))
                .filter(key -> !plannedFor(key, policy).isAfter(today))
                .min(Comparator.comparingInt(ReminderKey::step));
    }

    private Optional<ReminderKey> checkIn(LocalDate today, ReminderPolicy policy, MilestoneFacts facts) {
        int every = policy.checkInMonths();
        if (every == 0 || (today.getMonthValue() - 1) % every != 0) {
            return Optional.empty();
        }
        var key = new ReminderKey(facts.milestone().id(), ReminderKind.CHECK_IN,
                LocalDate.of(today.getYear(), today.getMonth(), 1), 0);
        LocalDate planned = plannedFor(key, policy);
        if (planned.isAfter(today)) {
            return Optional.empty();
        }
        // Judged from the planned day, so a check-in skipped then is not sent later in the month.
        var recent = planned.minusDays(policy.checkInSkipDays()).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        boolean reportedRecently = facts.lastReportAt() != null && facts.lastReportAt().isAfter(recent);
        boolean promptedRecently = facts.sent().stream()
                .anyMatch(s -> s.key().kind().prompt() && s.sentAt().isAfter(recent));
        return reportedRecently || promptedRecently ? Optional.empty() : Optional.of(key);
    }

    /** The day a prompt is planned for: its step counted back in working days, the quiet period applied. */
    LocalDate plannedFor(ReminderKey key, ReminderPolicy policy) {
        LocalDate day = switch (key.kind()) {
            case DEADLINE, REVIEW -> calendar.minusWorkingDays(key.dueDate(), key.step());
            case OVERDUE -> calendar.plusWorkingDays(key.dueDate(), 1);
            case CHECK_IN -> calendar.firstWorkingDayOfMonth(key.dueDate().getYear(), key.dueDate().getMonth());
            case FOLLOW_UP, ESCALATION -> calendar.plusWorkingDays(key.dueDate(), key.step());
            // Not asked: a count prompt is planned for the day the item is found short (see count()).
            case COUNT -> key.dueDate();
        };
        return urgent(key) || policy.quietPeriod() == null ? day : policy.quietPeriod().postpone(day, calendar);
    }

    private static boolean urgent(ReminderKey key) {
        return key.kind() == ReminderKind.OVERDUE || key.kind() == ReminderKind.ESCALATION
                || key.kind() == ReminderKind.DEADLINE && key.step() <= ReminderPolicy.URGENT_WITHIN;
    }

    /**
     * The escalation of the oldest prompt nobody answered: a follow-up to the owner after
     * {@code followUpAfter} working days, then after {@code missingAfter} the report is missing and the
     * area lead is told (noted only, when there is no lead or the lead is away).
     */
    private Optional<DueReminder> escalation(LocalDate today, ReminderPolicy policy, MilestoneFacts facts,
                                             Map<Long, Owner> owners, boolean mayFollowUp) {
        var unanswered = facts.sent().stream()
                .filter(s -> s.key().kind().prompt())
                .filter(s -> facts.lastReportAt() == null || s.sentAt().isAfter(facts.lastReportAt()))
                .min(Comparator.comparing(SentReminder::sentAt));
        if (unanswered.isEmpty()) {
            return Optional.empty();
        }
        LocalDate promptDay = unanswered.get().sentAt().atZone(WorkingCalendar.ZONE).toLocalDate();
        long id = facts.milestone().id();
        var missing = new ReminderKey(id, ReminderKind.ESCALATION, promptDay, policy.missingAfter());
        LocalDate missingDay = plannedFor(missing, policy);
        if (!today.isBefore(missingDay)) {
            Long lead = facts.areaLeadId();
            Long recipient = lead != null && available(owners.get(lead), today) ? lead : null;
            return Optional.of(new DueReminder(missing, recipient, missingDay));
        }
        var followUp = new ReminderKey(id, ReminderKind.FOLLOW_UP, promptDay, policy.followUpAfter());
        LocalDate followUpDay = plannedFor(followUp, policy);
        if (mayFollowUp && !today.isBefore(followUpDay)) {
            return Optional.of(new DueReminder(followUp, facts.milestone().ownerId(), followUpDay));
        }
        return Optional.empty();
    }

    /** Not on leave today (leave pauses every prompt until and including its date). */
    static boolean available(Owner owner, LocalDate today) {
        return owner != null && (owner.leaveUntil() == null || today.isAfter(owner.leaveUntil()));
    }

    /** Check-ins snoozed today (until and including the snooze date). */
    static boolean snoozed(Owner owner, LocalDate today) {
        return owner != null && owner.snoozeUntil() != null && !today.isAfter(owner.snoozeUntil());
    }
}
