package se.planpuls.api.reminder;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.planpuls.api.http.JsonBody;
import se.planpuls.api.http.Params;
import se.planpuls.api.milestone.MilestoneJson;
import se.planpuls.db.MilestoneService;
import se.planpuls.db.OwnerService;
import se.planpuls.db.ReminderService;
import se.planpuls.domain.reminder.DueReminder;
import se.planpuls.domain.reminder.ReminderPolicy;
import se.planpuls.db.ReminderPolicyJson;

/**
 * Reminders: the schedule and the sent-log ({@code GET /api/v1/reminders}), a plan's policy
 * ({@code GET/PUT /api/v1/plans/{id}/reminder-policy}) and the milestones whose report is missing.
 */
final class ReminderController {
    /** How far ahead {@code status=scheduled} looks. */
    static final int SCHEDULE_WORKING_DAYS = 20;
    private static final List<String> STATUSES = List.of("scheduled", "sent", "failed", "noted");

    private final ReminderService reminders;
    private final MilestoneService milestones;
    private final OwnerService owners;

    ReminderController(ReminderService reminders, MilestoneService milestones, OwnerService owners) {
        this.reminders = reminders;
        this.milestones = milestones;
        this.owners = owners;
    }

    void list(Context ctx) {
        String status = ctx.queryParamAsClass("status", String.class).allowNullable()
                .check(v -> v == null || v.isBlank() || STATUSES.contains(v.strip().toLowerCase(Locale.ROOT)),
                        "status must be one of " + String.join(", ", STATUSES)).get();
        String wanted = status == null || status.isBlank() ? null : status.strip().toLowerCase(Locale.ROOT);
        Long owner = Params.optionalId(ctx, "owner");
        if (owner != null) {
            owners.byId(owner);
        }
        List<ReminderJson> result = new ArrayList<>();
        if (wanted == null || wanted.equals("scheduled")) {
            Map<Long, String> codes = new HashMap<>();
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
        var missing = reminders.reportMissing().stream().map(milestones::view).toList();
        var seen = milestones.effectsSeenOfLatest(missing);
        ctx.json(missing.stream().map(v -> MilestoneJson.of(v, seen)).toList());
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
