package se.planpuls.bot;

/**
 * The bot's Azure registration. An empty app id turns authentication off both ways, for local use
 * with the Agents Playground. The password is a secret: never log this record.
 *
 * @param openIdMetadataUrl where the Bot Framework describes its token signing keys; null or empty
 *                          for Microsoft's public cloud (the SDK's {@code BotOpenIdMetadata})
 */
public record BotSettings(String appId, String appPassword, String tenantId, String openIdMetadataUrl) {

    public BotSettings(String appId, String appPassword, String tenantId) {
        this(appId, appPassword, tenantId, null);
    }

    public boolean authenticationEnabled() {
        return appId != null && !appId.isBlank();
    }

    @Override
    public String toString() {
        return "BotSettings[appId=" + appId + ", tenantId=" + tenantId + ", appPassword=***]";
    }
}
