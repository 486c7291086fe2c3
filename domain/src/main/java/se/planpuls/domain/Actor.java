package se.planpuls.domain;

/**
 * Who makes a change, for the audit log: a name (an owner's name, or "admin:<token label>") and
 * where the change came from ({@code api}, {@code bot}, {@code import}, {@code system}).
 */
public record Actor(String name, String source) {
    public static final Actor SYSTEM = new Actor("system", "system");

    public Actor {
        name = name == null || name.isBlank() ? "unknown" : name.strip();
        source = source == null || source.isBlank() ? "system" : source.strip();
    }

    public static Actor api(String name) {
        return new Actor(name, "api");
    }
}
