package se.planpuls.api.milestone;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import se.planpuls.domain.ItemShape;
import se.planpuls.domain.MilestoneView;

/**
 * An item's shape as the API shows it: its parent (for a sub-deliverable), whether it is ongoing
 * ({@code "ongoing"} in {@code schedule} instead of a due date), its count-based frequency, every
 * body it reports to, and the group that owns it in a person's place.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ItemShapeJson(Long parentId, boolean ongoing, String schedule, TimesJson timesPerYear,
                            List<String> reportTo, GroupRef ownerGroup) {

    record TimesJson(int min, Integer max) {
    }

    record GroupRef(long id, String name) {
    }

    static ItemShapeJson of(MilestoneView v) {
        ItemShape s = v.milestone().shape();
        return new ItemShapeJson(s.parentId(), s.ongoing(), s.ongoing() ? "ongoing" : "dated",
                s.timesPerYear() == null ? null : new TimesJson(s.timesPerYear().min(), s.timesPerYear().max()),
                s.reportTo(), s.ownerGroupId() == null ? null : new GroupRef(s.ownerGroupId(), v.ownerName()));
    }
}
