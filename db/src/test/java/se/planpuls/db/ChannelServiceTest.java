package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.ChannelSubscription;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.NotFoundException;

class ChannelServiceTest {
    static final String TEAM = "19:general_x@thread.tacv2";
    static final String CHANNEL = "19:ledning_x@thread.tacv2";

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_channel_the_bot_has_seen_is_subscribed_listed_and_removed(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            f.conversations.save(CHANNEL + ";messageid=1700000000000", ConversationKind.channel, null, null, null,
                    "https://smba.example/emea/", "tenant-1", "{}");
            var channels = new ChannelService(f.database, f.clock);

            ChannelSubscription sub = channels.subscribe(f.planId, TEAM, CHANNEL, null, "admin");

            assertThat(sub.serviceUrl()).isEqualTo("https://smba.example/emea/");
            assertThat(sub.tenantId()).isEqualTo("tenant-1");
            assertThat(sub.schedule()).isEqualTo("MON 08:00");
            assertThat(sub.language()).isEqualTo("sv");
            assertThat(channels.all()).containsExactly(sub);
            assertThatThrownBy(() -> channels.subscribe(f.planId, TEAM, CHANNEL, null, "admin"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.code()).isEqualTo("subscription.taken"));
            channels.recordDigest(sub.id(), null);
            assertThat(channels.lastDigest(sub.id())).contains(f.clock.instant());
            channels.unsubscribe(sub.id());
            assertThat(channels.all()).isEmpty();
            assertThatThrownBy(() -> channels.unsubscribe(sub.id())).isInstanceOf(NotFoundException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_channel_in_a_team_without_the_bot_or_a_bad_schedule_is_refused(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var channels = new ChannelService(f.database, f.clock);

            assertThatThrownBy(() -> channels.subscribe(f.planId, TEAM, CHANNEL, null, "admin"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("channelId"));
            // The bot added to the team: its General channel (id = team id) is known, so any channel of it works.
            f.conversations.save(TEAM, ConversationKind.channel, null, null, null, "https://smba.example/", null, "{}");
            assertThatThrownBy(() -> channels.subscribe(f.planId, TEAM, CHANNEL, "daily", "admin"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("schedule"));
            assertThatThrownBy(() -> channels.subscribe(f.planId, TEAM, CHANNEL, null, "fi", "admin"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("language"));
            assertThat(channels.subscribe(f.planId, TEAM, CHANNEL, "mon 08:00", "admin").serviceUrl())
                    .isEqualTo("https://smba.example/");
            assertThat(channels.subscribe(f.planId, TEAM, "19:english@thread.tacv2", null, "en", "admin").language())
                    .isEqualTo("en");
            assertThat(channels.all()).hasSize(2);
        }
    }
}
