package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A statement that fails says what failed, never the personal data it was given (its message is what gets logged). */
class FailedStatementTest {
    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_failed_statement_does_not_carry_its_arguments_into_the_message(TestDatabases.Kind kind) {
        Database database = kind.open();
        try {
            Throwable failure = null;
            try {
                TestDatabases.execute(database, "INSERT INTO owners (name, email, created_at) VALUES (?, ?, ?)",
                        "Anna Hemlig", null, java.time.OffsetDateTime.now());
            } catch (RuntimeException e) {
                failure = e;
            }

            assertThat(failure).isNotNull();
            String logged = messages(failure);
            assertThat(logged).doesNotContain("Anna Hemlig").doesNotContainIgnoringCase("arguments");
        } finally {
            TestDatabases.dispose(database);
        }
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            all.append(Arrays.stream(t.getSuppressed()).map(String::valueOf).collect(Collectors.joining("\n")));
        }
        return all.toString();
    }
}
