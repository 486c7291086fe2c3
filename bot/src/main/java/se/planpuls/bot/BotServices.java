package se.planpuls.bot;

import se.planpuls.db.ChannelService;
import se.planpuls.db.ConversationService;
import se.planpuls.db.IndicatorService;
import se.planpuls.db.MilestoneService;
import se.planpuls.db.OwnerService;
import se.planpuls.db.PendingAnswerService;
import se.planpuls.db.PlanService;
import se.planpuls.db.ReachService;
import se.planpuls.db.ReportService;

/**
 * The domain services the bot works with. {@code channels} and {@code plans} may be null (then the
 * {@code prenumerera} command is unavailable), and so may {@code pending} (then the question "how was
 * it judged reached?" is answered through its card only), and {@code reach} (then owners are not
 * reached through the teams' rosters), and {@code indicators} (then indicator values are not taken).
 */
public record BotServices(OwnerService owners, MilestoneService milestones, ReportService reports,
                          ConversationService conversations, ChannelService channels, PlanService plans,
                          PendingAnswerService pending, ReachService reach, IndicatorService indicators) {

    public BotServices(OwnerService owners, MilestoneService milestones, ReportService reports,
                       ConversationService conversations, ChannelService channels, PlanService plans,
                       PendingAnswerService pending, ReachService reach) {
        this(owners, milestones, reports, conversations, channels, plans, pending, reach, null);
    }

    public BotServices(OwnerService owners, MilestoneService milestones, ReportService reports,
                       ConversationService conversations, ChannelService channels, PlanService plans,
                       PendingAnswerService pending) {
        this(owners, milestones, reports, conversations, channels, plans, pending, null, null);
    }

    public BotServices(OwnerService owners, MilestoneService milestones, ReportService reports,
                       ConversationService conversations, ChannelService channels, PlanService plans) {
        this(owners, milestones, reports, conversations, channels, plans, null, null, null);
    }

    public BotServices(OwnerService owners, MilestoneService milestones, ReportService reports,
                       ConversationService conversations) {
        this(owners, milestones, reports, conversations, null, null, null, null, null);
    }
}
