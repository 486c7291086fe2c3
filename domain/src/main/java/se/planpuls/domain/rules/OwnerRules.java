package se.planpuls.domain.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import se.planpuls.domain.ImportException.Problem;
import se.planpuls.domain.InvalidInputException;

/**
 * The rules an owner's own fields obey, wherever they come from (the admin API, the bot's
 * {@code ersättare}, a plan import) and the shape of an Entra id wherever one is configured. E-mail
 * addresses are kept lower-case and Entra object ids too, so that a lookup never depends on case.
 */
public final class OwnerRules {
    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 320;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$");
    private static final Pattern ENTRA_ID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private OwnerRules() {
    }

    /** An e-mail address as the rules take it: at most {@value #MAX_EMAIL} characters, one {@code @}, a dot after it. */
    public static boolean isEmail(String value) {
        return value != null && value.length() <= MAX_EMAIL && EMAIL.matcher(value).matches();
    }

    /** An Entra (Azure AD) id: an object, app or tenant id, all GUIDs, in either case. */
    public static boolean isEntraId(String value) {
        return value != null && ENTRA_ID.matcher(value).matches();
    }

    /** The owner's name as stored: trimmed, required, at most {@value #MAX_NAME} characters. */
    public static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "name.invalid",
                    "name is required and at most " + MAX_NAME + " characters");
        }
        return name;
    }

    /** The owner's e-mail as stored: trimmed and lower-case; required. */
    public static String email(String raw) {
        return email(raw, "email must be an e-mail address");
    }

    /** A substitute's e-mail as the owner names it in the bot; the same rule, told the owner's way. */
    public static String substituteEmail(String raw) {
        return email(raw, "the substitute must be given by e-mail address");
    }

    private static String email(String raw, String detail) {
        String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!isEmail(email)) {
            throw new InvalidInputException("email", "email.invalid", detail);
        }
        return email;
    }

    /** The owner's Entra object id as stored (lower-case), or null when none is given. */
    public static String aadObjectId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String aad = raw.strip();
        if (!isEntraId(aad)) {
            throw new InvalidInputException("aadObjectId", "aad.invalid", "aadObjectId must be an Entra object id (a GUID)");
        }
        return aad.toLowerCase(Locale.ROOT);
    }

    /** A leave date an admin sets: within the years the service plans for. */
    public static LocalDate leaveUntil(LocalDate until) {
        if (until != null && (until.getYear() < 2000 || until.getYear() > 2100)) {
            throw new InvalidInputException("leaveUntil", "leave.range", "leaveUntil must be between 2000 and 2100");
        }
        return until;
    }

    /**
     * The owner a plan file names for an item: optional, but when given an e-mail address, with a
     * name of at most {@value #MAX_NAME} characters. {@code at} prefixes each field name.
     */
    public static List<Problem> checkNamedOwner(String at, String email, String name) {
        List<Problem> problems = new ArrayList<>();
        if (email != null && (email.length() > MAX_EMAIL || !isEmail(email.strip()))) {
            problems.add(new Problem(at + "ownerEmail", "ownerEmail must be an e-mail address"));
        }
        if (name != null && name.length() > MAX_NAME) {
            problems.add(new Problem(at + "ownerName", "ownerName is at most " + MAX_NAME + " characters"));
        }
        return problems;
    }
}
