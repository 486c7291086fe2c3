package se.planpuls.bot;

/** What the HTTP endpoint answers Teams: a status and, for invokes, a JSON body (else null). */
public record BotResponse(int status, String body) {
}
