package se.planpuls.api;

import se.planpuls.api.http.JsonBody;
import se.planpuls.api.milestone.MilestoneJson;
import se.planpuls.api.http.Params;
import se.planpuls.api.http.BadRequest;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.planpuls.db.MilestoneService;
import se.planpuls.db.OwnerService;
import se.planpuls.db.ReminderService;
import se.planpuls.reminder.DueReminder;
import se.planpuls.reminder.ReminderPolicy;
import se.planpuls.reminder.ReminderPolicyJson;
import se.planpuls.reminder.ReminderRecord;

/**
 * Reminders: the schedule and the sent-log ({@code GET /api/v1/reminders}), a plan's policy
 * ({@code GET/PUT /api/v1/plans/{id}/reminder-policy}), the milestones whose report is missing, and
 * the owners the bot cannot reach ({@code GET /api/v1/owners?reachable=false}).
 */
final class ReminderController {
    /** How far ahead {@code status=scheduled} looks. */
    static final int SCHEDULE_WORKING_DAYS = 20;
    private static final Set<String> STATUSES = Set.of("scheduled", "sent", "failed", "noted");

    private final ReminderService reminders;
    private final MilestoneService milestones;
    private final OwnerService owners;

    ReminderController(ReminderService reminders, MilestoneService milestones, OwnerService owners) {
        this.reminders = reminders;
        this.milestones = milestones;
        this.owners = owners;
    }

    record ReminderJson(Long id, String status, long milestoneId, String milestoneCode, String kind, LocalDate dueDate,
                        int step, Long recipientOwnerId, LocalDate plannedFor, Integer attempts, Integer httpStatus,
                        String lastError, Instant nextAttemptAt, Instant sentAt) {
        static ReminderJson of(ReminderRecord r) {
            return new ReminderJson(r.id(), r.status().toLowerCase(Locale.ROOT), r.milestoneId(), r.milestoneCode(),
                    r.kind().name().toLowerCase(Locale.ROOT), r.dueDate(), r.step(), r.recipientOwnerId(),
                    r.plannedFor(), r.attempts(), r.httpStatus(), r.lastError(), r.nextAttemptAt(), r.sentAt());
        }

        static ReminderJson scheduled(DueReminder r, String code) {
            var k = r.key();
            return new ReminderJson(null, "scheduled", k.milestoneId(), code, k.kind().name().toLowerCase(Locale.ROOT),
                    k.dueDate(), k.step(), r.recipientOwnerId(), r.plannedFor(), null, null, null, null, null);
        }
    }

    void list(Context ctx) {
        String status = ctx.queryParam("status");
        String wanted = status == null || status.isBlank() ? null : status.strip().toLowerCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw new BadRequest("status", "status must be one of scheduled, sent, failed, noted");
        }
        Long owner = Params.optionalId(ctx, "owner");
        if (owner != null) {
            owners.byId(owner);
        }
        List<ReminderJson> result = new ArrayList<>();
        if (wanted == null || wanted.equals("scheduled")) {
            Map<Long, String> codes = new java.util.HashMap<>();
            for (DueReminder r : reminders.upcoming(SCHEDULE_WORKING_DAYS)) {
                if (owner == null || owner.equals(r.recipientOwnerId())) {
                    long id = r.key().milestoneId();
                    result.add(ReminderJson.scheduled(r, codes.computeIfAbsent(id,
                            m -> milestones.view(m).milestone().code())));
                }
            }
        }
        if (wanted == null || !wanted.equals("scheduled")) {
            reminders.log(wanted, owner).stream().map(ReminderJson::of).forEach(result::add);
        }
        ctx.json(result);
    }

    void reportMissing(Context ctx) {
        ctx.json(reminders.reportMissing().stream().map(milestones::view).map(MilestoneJson::of).toList());
    }

    void policy(Context ctx) {
        ctx.json(ReminderPolicyJson.write(reminders.policy(Params.id(ctx, "id"))));
    }

    /** Replaces the policy; a field left out takes its default. */
    void putPolicy(Context ctx) {
        long planId = Params.id(ctx, "id");
        reminders.policy(planId);
        ReminderPolicy policy = ReminderPolicyJson.read(JsonBody.object(ctx), ReminderPolicy.DEFAULT);
        ctx.json(ReminderPolicyJson.write(reminders.savePolicy(planId, policy)));
    }
}
