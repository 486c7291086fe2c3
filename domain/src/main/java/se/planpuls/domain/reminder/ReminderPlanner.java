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
        List<DueReminder> due = new ArrayList<>();
        if (!calendar.isWorkingDay(today)) {
            return due;
        }
        for (MilestoneFacts facts : milestones) {
            Milestone m = facts.milestone();
            if (facts.reached()) {
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
        // A recurring commitment's own periods are its check-ins: no monthly check-in on top.
        return (recurring ? recurring(today, policy, facts) : deadline(today, policy, m)).filter(open)
                .or(() -> review(today, policy, m).filter(open))
                .or(() -> recurring || snoozed ? Optional.empty() : checkIn(today, policy, facts).filter(open))
                .map(key -> new DueReminder(key, m.ownerId(), plannedFor(key, policy)));
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
