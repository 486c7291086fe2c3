package se.planpuls.bot;

import se.planpuls.db.ConversationService;
import se.planpuls.db.MilestoneService;
import se.planpuls.db.OwnerService;
import se.planpuls.db.ReportService;

/** The domain services the bot works with. */
public record BotServices(OwnerService owners, MilestoneService milestones, ReportService reports,
                          ConversationService conversations) {
}
