package se.planpuls.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parent's status from its children. Each child is written as its status (R reached, P in
 * progress, N not started, - unreported) followed by ! when at risk and L when overdue.
 */
class ParentStatusTest {

    @ParameterizedTest(name = "children {0}: {1}, at risk {2}")
    @CsvSource(nullValues = "none", textBlock = """
            # children,  parent status, at risk
              R R R,     REACHED,       false
              R,         REACHED,       false
              R P!,      IN_PROGRESS,   true
              R N!,      IN_PROGRESS,   true
              N NL,      IN_PROGRESS,   true
              - -L,      IN_PROGRESS,   true
              R P N,     IN_PROGRESS,   false
              R N,       IN_PROGRESS,   false
              R -,       IN_PROGRESS,   false
              P -,       IN_PROGRESS,   false
              N N,       NOT_STARTED,   false
              N -,       NOT_STARTED,   false
              - -,       none,          false
              R R!,      REACHED,       false
            """)
    void a_parent_is_summarised_from_its_children(String children, Status status, boolean atRisk) {
        List<ParentStatus.Child> list = new ArrayList<>();
        for (String c : children.split(" ")) {
            Status s = switch (c.charAt(0)) {
                case 'R' -> Status.REACHED;
                case 'P' -> Status.IN_PROGRESS;
                case 'N' -> Status.NOT_STARTED;
                default -> null;
            };
            list.add(new ParentStatus.Child(s, c.contains("!"), c.contains("L")));
        }

        var summary = ParentStatus.of(list);

        assertThat(summary.status()).isEqualTo(status);
        assertThat(summary.atRisk()).isEqualTo(atRisk);
        assertThat(summary.children()).isEqualTo(list.size());
    }
}
