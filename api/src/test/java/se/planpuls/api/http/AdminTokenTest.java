package se.planpuls.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planpuls.api.app.Config;

class AdminTokenTest {

    @Test
    void without_the_variable_a_token_is_generated_once_and_kept_in_the_data_directory(@TempDir Path dir)
            throws Exception {
        Config config = Config.fromEnvironment(Map.of("PLANPULS_DATA_DIR", dir.toString()));

        AdminToken first = AdminToken.resolve(config.adminToken(), config.dataDir());
        String stored = Files.readString(dir.resolve("admin-token")).strip();
        AdminToken second = AdminToken.resolve(config.adminToken(), config.dataDir());

        assertThat(first.file()).isEqualTo(dir.resolve("admin-token"));
        assertThat(stored).hasSizeGreaterThanOrEqualTo(40);
        assertThat(first.matches(stored)).isTrue();
        assertThat(second.matches(stored)).isTrue();
        assertThat(first.matches(stored + "x")).isFalse();
        assertThat(first.matches(null)).isFalse();
    }

    @Test
    void the_variable_wins_and_nothing_is_written(@TempDir Path dir) {
        Config config = Config.fromEnvironment(Map.of("PLANPULS_DATA_DIR", dir.toString(),
                "PLANPULS_ADMIN_TOKEN", "from-the-environment-123"));

        AdminToken token = AdminToken.resolve(config.adminToken(), config.dataDir());

        assertThat(token.file()).isNull();
        assertThat(token.matches("from-the-environment-123")).isTrue();
        assertThat(Files.exists(dir.resolve("admin-token"))).isFalse();
    }
}
