package se.planpuls.bot;

/**
 * What the HTTP endpoint answers Teams: a status and, for invokes, a JSON body (else null). A
 * refused request (400) names the field of the activity that was wrong and why.
 */
public record BotResponse(int status, String body, String field, String detail) {
    public BotResponse(int status, String body) {
        this(status, body, null, null);
    }

    static BotResponse refused(String field, String detail) {
        return new BotResponse(400, null, field, detail);
    }
}
