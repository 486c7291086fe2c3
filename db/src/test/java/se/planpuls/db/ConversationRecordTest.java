package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.db.OwnerService.TeamsIdentity;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.ConversationRef;

/** The conversation someone spoke in is recorded with the lookup of who they are, and only when it changed. */
class ConversationRecordTest {
    private static final String AAD = "00000000-0000-0000-0000-0000000000a1";

    private static ConversationRef personal(String serviceUrl) {
        return new ConversationRef("a:anna", ConversationKind.personal, "29:anna", AAD, null, serviceUrl, "t",
                "{\"serviceUrl\":\"" + serviceUrl + "\"}", null);
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_recognised_owners_personal_chat_is_stored_as_theirs_in_the_same_step(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);

            var found = f.owners.recognise(new TeamsIdentity("29:anna", AAD, "anna@example.com", null),
                    personal("https://smba.example/"));

            assertThat(found).isPresent();
            assertThat(f.conversations.personalOf(anna.id())).hasValueSatisfying(c -> {
                assertThat(c.conversationId()).isEqualTo("a:anna");
                assertThat(c.serviceUrl()).isEqualTo("https://smba.example/");
                assertThat(c.updatedAt()).isEqualTo(Fixtures.NOW);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void an_unchanged_chat_is_not_written_again_and_a_changed_one_is(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            f.owners.recognise(new TeamsIdentity("29:anna", AAD, "anna@example.com", null), personal("https://a/"));
            var later = new OwnerService(f.database, Clock.offset(f.clock, Duration.ofHours(1)));

            try (var trips = RoundTrips.count(f.database)) {
                assertThat(later.byTeamsUser("29:anna", AAD, personal("https://a/"))).isPresent();
                assertThat(trips.handles()).isEqualTo(1);
                assertThat(trips.sql()).noneMatch(sql -> sql.startsWith("UPDATE") || sql.startsWith("INSERT"));
            }
            assertThat(f.conversations.byId("a:anna").orElseThrow().updatedAt()).isEqualTo(Fixtures.NOW);

            later.byTeamsUser("29:anna", AAD, personal("https://b/"));

            assertThat(f.conversations.byId("a:anna")).hasValueSatisfying(c -> {
                assertThat(c.serviceUrl()).isEqualTo("https://b/");
                assertThat(c.ownerId()).isEqualTo(anna.id());
                assertThat(c.updatedAt()).isEqualTo(Fixtures.NOW.plus(Duration.ofHours(1)));
            });
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_stranger_is_not_recognised_from_the_cache_and_their_chat_waits_for_the_full_lookup(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            f.owner("Anna Berg", "anna@example.com", null);
            var stranger = new ConversationRef("a:x", ConversationKind.personal, "29:x", null, null, "https://a/", "t",
                    "{}", null);

            assertThat(f.owners.byTeamsUser("29:x", null, stranger)).isEmpty();
            assertThat(f.conversations.byId("a:x")).isEmpty();

            assertThat(f.owners.recognise(new TeamsIdentity("29:x", null, "x@example.com", null), stranger)).isEmpty();
            assertThat(f.conversations.byId("a:x")).hasValueSatisfying(c -> assertThat(c.ownerId()).isNull());
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_group_chat_belongs_to_nobody_even_when_an_owner_speaks_in_it(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            f.owner("Anna Berg", "anna@example.com", null);
            var group = new ConversationRef("19:group", ConversationKind.groupChat, null, AAD, null, "https://a/", "t",
                    "{}", null);

            f.owners.recognise(new TeamsIdentity("29:anna", AAD, "anna@example.com", null), group);

            assertThat(f.conversations.byId("19:group")).hasValueSatisfying(c -> assertThat(c.ownerId()).isNull());
        }
    }
}
