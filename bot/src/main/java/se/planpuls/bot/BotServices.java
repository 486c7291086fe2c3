package se.planpuls.bot;

import se.planpuls.db.ChannelService;
import se.planpuls.db.ConversationService;
import se.planpuls.db.MilestoneService;
import se.planpuls.db.OwnerService;
import se.planpuls.db.PlanService;
import se.planpuls.db.ReportService;

/** The domain services the bot works with. */
public record BotServices(OwnerService owners, MilestoneService milestones, ReportService reports,
                          ConversationService conversations, ChannelService channels, PlanService plans) {

    /** Without leadership channels (issue 5): the {@code prenumerera} command is then unavailable. */
    public BotServices(OwnerService owners, MilestoneService milestones, ReportService reports,
                       ConversationService conversations) {
        this(owners, milestones, reports, conversations, null, null);
    }
}
