package se.planpuls.api.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaults_give_port_3978_and_an_h2_file_in_the_data_directory_with_the_bot_unauthenticated() {
        Config config = Config.fromEnvironment(Map.of());

        assertThat(config.port()).isEqualTo(3978);
        assertThat(config.databaseUrl()).startsWith("jdbc:h2:file:").contains("/data/planpuls");
        assertThat(config.bot().authenticationEnabled()).isFalse();
        assertThat(config.adminToken()).isNull();
    }

    @Test
    void every_bad_value_is_named_on_a_line_of_its_own() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of(
                "PORT", "eighty",
                "PLANPULS_DB_URL", "mysql://x",
                "PLANPULS_ADMIN_TOKEN", "short",
                "MicrosoftAppId", "not-a-guid",
                "MicrosoftAppTenantId", "nope")))
                .isInstanceOfSatisfying(Config.InvalidConfigException.class, e -> assertThat(e.problems())
                        .hasSize(6)
                        .anyMatch(p -> p.startsWith("PORT"))
                        .anyMatch(p -> p.startsWith("PLANPULS_DB_URL"))
                        .anyMatch(p -> p.startsWith("PLANPULS_ADMIN_TOKEN"))
                        .anyMatch(p -> p.startsWith("MicrosoftAppId"))
                        .anyMatch(p -> p.startsWith("MicrosoftAppPassword"))
                        .anyMatch(p -> p.startsWith("MicrosoftAppTenantId")));
    }

    @Test
    void secrets_never_appear_in_the_configs_text() {
        Config config = Config.fromEnvironment(Map.of(
                "PLANPULS_ADMIN_TOKEN", "super-secret-admin-token",
                "MicrosoftAppId", "00000000-0000-0000-0000-000000000001",
                "MicrosoftAppPassword", "app-password-secret",
                "MicrosoftAppTenantId", "00000000-0000-0000-0000-000000000002"));

        assertThat(config.toString()).doesNotContain("super-secret-admin-token").doesNotContain("app-password-secret");
        assertThat(config.bot().authenticationEnabled()).isTrue();
    }

    @Test
    void several_admin_tokens_and_read_only_tokens_come_from_comma_separated_lists() {
        Config config = Config.fromEnvironment(Map.of(
                "PLANPULS_ADMIN_TOKENS", "first-admin-token-000000, second-admin-token-00000",
                "PLANPULS_READONLY_TOKENS", "dashboard-token-0000000"));

        assertThat(config.adminToken()).isEqualTo("first-admin-token-000000");
        assertThat(config.moreAdminTokens()).containsExactly("second-admin-token-00000");
        assertThat(config.readOnlyTokens()).containsExactly("dashboard-token-0000000");
        assertThat(config.toString()).doesNotContain("first-admin").doesNotContain("dashboard-token");
    }

    @Test
    void a_short_token_in_a_list_is_named_by_position_without_showing_it() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of(
                "PLANPULS_ADMIN_TOKEN", "main-admin-token-0000000",
                "PLANPULS_READONLY_TOKENS", "long-enough-token-000000,tiny")))
                .isInstanceOfSatisfying(Config.InvalidConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("PLANPULS_READONLY_TOKENS: token 2 must be at least 16 characters long"));
    }

    @Test
    void the_public_url_is_checked_and_used_for_links() {
        var config = Config.fromEnvironment(Map.of("PLANPULS_PUBLIC_URL", "https://planpuls.region.se/"));
        assertThat(config.baseUrl(3978)).isEqualTo("https://planpuls.region.se");
        assertThat(Config.fromEnvironment(Map.of()).baseUrl(4000)).isEqualTo("http://localhost:4000");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PLANPULS_PUBLIC_URL", "planpuls.se")))
                .isInstanceOf(Config.InvalidConfigException.class).hasMessageContaining("PLANPULS_PUBLIC_URL");
    }

    static final Map<String, String> PRODUCTION = Map.of("MicrosoftAppId", "00000000-0000-0000-0000-000000000001",
            "MicrosoftAppPassword", "app-password-secret");

    @Test
    void without_an_app_id_the_service_listens_on_loopback_and_with_one_on_all_interfaces() {
        assertThat(Config.fromEnvironment(Map.of()).bindAddress()).isEqualTo("127.0.0.1");
        assertThat(Config.fromEnvironment(Map.of()).exposedWithoutAuthentication()).isFalse();
        assertThat(Config.fromEnvironment(PRODUCTION).bindAddress()).isEqualTo("0.0.0.0");
        assertThat(Config.fromEnvironment(PRODUCTION).exposedWithoutAuthentication()).isFalse();
    }

    @Test
    void a_bind_address_beyond_loopback_without_an_app_id_is_marked_as_exposed() {
        var open = Config.fromEnvironment(Map.of("PLANPULS_BIND_ADDRESS", "0.0.0.0"));
        assertThat(open.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(open.exposedWithoutAuthentication()).isTrue();
        assertThat(Config.fromEnvironment(Map.of("PLANPULS_BIND_ADDRESS", "::")).exposedWithoutAuthentication()).isTrue();
        assertThat(Config.fromEnvironment(Map.of("PLANPULS_BIND_ADDRESS", "::1")).exposedWithoutAuthentication()).isFalse();
        assertThat(Config.fromEnvironment(Map.of("PLANPULS_BIND_ADDRESS", " 127.0.0.1 ")).bindAddress())
                .isEqualTo("127.0.0.1");
    }

    @Test
    void a_bind_address_must_be_an_ip_address_and_a_refusal_does_not_echo_control_characters() {
        for (String bad : new String[] {"localhost", "planpuls.region.se", "256.1.1.1", "1.2.3", "0.0.0.0:80", "*",
            "127.0.0.1\u0000", "x".repeat(5000)}) {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PLANPULS_BIND_ADDRESS", bad))).as(bad)
                    .isInstanceOfSatisfying(Config.InvalidConfigException.class, e -> assertThat(e.problems())
                            .singleElement().satisfies(p -> {
                                assertThat(p).startsWith("PLANPULS_BIND_ADDRESS must be an IP address");
                                assertThat(p).doesNotContain("\u0000").hasSizeLessThan(200);
                            }));
        }
    }

    @Test
    void publisher_fields_are_checked_for_the_teams_app_package() {
        var config = Config.fromEnvironment(Map.of("PLANPULS_PUBLISHER_NAME", "Region Skåne",
                "PLANPULS_PUBLISHER_URL", "https://www.skane.se", "PLANPULS_PRIVACY_URL", "https://www.skane.se/integritet",
                "PLANPULS_TERMS_URL", "https://www.skane.se/villkor"));
        assertThat(config.deployment().publisherName()).isEqualTo("Region Skåne");
        assertThat(config.deployment().privacyUrl()).isEqualTo("https://www.skane.se/integritet");

        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PLANPULS_PUBLISHER_NAME", "x".repeat(33),
                "PLANPULS_PUBLISHER_URL", "http://insecure.example.se", "PLANPULS_PRIVACY_URL", "javascript:alert(1)",
                "PLANPULS_TERMS_URL", "https://")))
                .isInstanceOfSatisfying(Config.InvalidConfigException.class, e -> assertThat(e.problems()).hasSize(4));
    }

    @Test
    void the_test_clock_is_refused_outside_test_mode() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PLANPULS_TEST_CLOCK", "2026-11-23T07:30:00Z")))
                .hasMessageContaining("PLANPULS_TEST_CLOCK is for tests only");
        var config = Config.fromEnvironment(Map.of("PLANPULS_TEST_CLOCK", "2026-11-23T07:30:00Z",
                "PLANPULS_TEST_MODE", "true"));
        assertThat(Main.clock(config).instant()).isBetween(java.time.Instant.parse("2026-11-23T07:30:00Z"),
                java.time.Instant.parse("2026-11-23T07:31:00Z"));
    }
}
