package se.planpuls.domain.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.ImportException.Problem;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.TimesPerYear;

/** The rules every item obeys, whether it comes from an import or from the API; problems name the field. */
public final class ItemRules {
    public static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$");
    public static final int MAX_TITLE = 500;
    public static final int MAX_TEXT = 20000;

    private ItemRules() {
    }

    /** Checks an item's complete state; {@code at} prefixes each field name (empty for the API). */
    public static List<Problem> check(String at, String code, ItemKind kind, String title, String description,
                               String reachedWhen, Integer dueYear, LocalDate dueDate, String reportTo,
                               Frequency frequency, LocalDate startsOn) {
        return check(at, code, kind, title, description, reachedWhen, dueYear, dueDate, reportTo, frequency, startsOn,
                false, null);
    }

    /**
     * As the plain check, for an item that may be ongoing (an assignment then needs no report-back
     * date) or count-based (a recurring commitment then needs no period-based frequency).
     */
    public static List<Problem> check(String at, String code, ItemKind kind, String title, String description,
                               String reachedWhen, Integer dueYear, LocalDate dueDate, String reportTo,
                               Frequency frequency, LocalDate startsOn, boolean ongoing, TimesPerYear timesPerYear) {
        List<Problem> problems = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(new Problem(at + "code",
                    "code is required: 1-30 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        if (kind == null) {
            problems.add(new Problem(at + "kind", "kind must be milestone, assignment, recurring or indicator"));
        }
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            problems.add(new Problem(at + "title", "title is required and at most " + MAX_TITLE + " characters"));
        }
        if (description != null && description.length() > MAX_TEXT) {
            problems.add(new Problem(at + "description", "description is at most " + MAX_TEXT + " characters"));
        }
        if (reachedWhen != null && reachedWhen.length() > MAX_TEXT) {
            problems.add(new Problem(at + "reachedWhen", "reachedWhen is at most " + MAX_TEXT + " characters"));
        }
        if (dueYear != null && (dueYear < 2000 || dueYear > 2100)) {
            problems.add(new Problem(at + "dueYear", "dueYear must be between 2000 and 2100"));
        }
        if (dueDate != null && (dueDate.getYear() < 2000 || dueDate.getYear() > 2100)) {
            problems.add(new Problem(at + "dueDate", "dueDate must be between 2000 and 2100"));
        }
        if (dueYear != null && dueDate != null && dueDate.getYear() != dueYear) {
            problems.add(new Problem(at + "dueDate", "dueDate " + dueDate + " is not in dueYear " + dueYear));
        }
        if (dueYear == null && dueDate == null && !ongoing) {
            problems.add(new Problem(at + "dueYear", "a due year or a due date is required"));
        }
        if (kind == ItemKind.ASSIGNMENT && dueDate == null && !ongoing) {
            problems.add(new Problem(at + "dueDate", "an assignment needs its report-back date as dueDate"));
        }
        if (kind == ItemKind.RECURRING && frequency == null && timesPerYear == null) {
            problems.add(new Problem(at + "frequency",
                    "a recurring commitment needs a frequency (monthly, quarterly, half_yearly or yearly)"
                            + " or timesPerYear"));
        }
        // An indicator's value belongs to a calendar period, so it has no count-based form.
        if (kind == ItemKind.INDICATOR && frequency == null) {
            problems.add(new Problem(at + "frequency",
                    "an indicator needs a frequency: monthly, quarterly, half_yearly or yearly"));
        }
        if (kind != null && !kind.periodic() && frequency != null) {
            problems.add(new Problem(at + "frequency", "only a recurring commitment or an indicator has a frequency"));
        }
        if (kind != null && !kind.periodic() && startsOn != null) {
            problems.add(new Problem(at + "startsOn", "only a recurring commitment or an indicator has a start date"));
        }
        if (startsOn != null && (dueDate != null ? startsOn.isAfter(dueDate)
                : dueYear != null && startsOn.getYear() > dueYear)) {
            problems.add(new Problem(at + "startsOn", "startsOn must not be after the due date"));
        }
        if (reportTo != null && reportTo.length() > 200) {
            problems.add(new Problem(at + "reportTo", "reportTo is at most 200 characters"));
        }
        return problems;
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
