package se.planpuls.bot;

/**
 * The bot's Azure registration. An empty app id turns authentication off both ways, for local use
 * with the Agents Playground. The password is a secret: never log this record.
 */
public record BotSettings(String appId, String appPassword, String tenantId) {

    public boolean authenticationEnabled() {
        return appId != null && !appId.isBlank();
    }

    @Override
    public String toString() {
        return "BotSettings[appId=" + appId + ", tenantId=" + tenantId + ", appPassword=***]";
    }
}
