package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.db.OwnerService.TeamsIdentity;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.NewOwner;
import se.planpuls.domain.OwnerChange;
import se.planpuls.domain.Actor;

class OwnerServiceTest {
    private static final String AAD = "00000000-0000-0000-0000-0000000000a1";

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_teams_user_is_recognised_by_entra_object_id_first(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", AAD);
            f.owner("Other", "other@example.com", null);

            var found = f.owners.recognise(new TeamsIdentity("29:anna", AAD.toUpperCase(), "other@example.com", null));

            assertThat(found).hasValueSatisfying(o -> {
                assertThat(o.id()).isEqualTo(anna.id());
                assertThat(o.teamsUserId()).isEqualTo("29:anna");
            });
            assertThat(f.owners.byTeamsUser("29:anna", null)).map(o -> o.id()).contains(anna.id());
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_teams_user_is_recognised_by_email_or_upn_and_the_stored_conversation_is_linked(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "Anna@Example.com", null);
            f.conversations.save("a:1", ConversationKind.personal, "29:anna", AAD, null, "http://x", "t", "{}");

            var found = f.owners.recognise(new TeamsIdentity("29:anna", AAD, null, "ANNA@example.com"));

            assertThat(found).map(o -> o.id()).contains(anna.id());
            assertThat(found.get().aadObjectId()).isEqualTo(AAD);
            assertThat(f.conversations.personalOf(anna.id())).map(c -> c.conversationId()).contains("a:1");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_substitute_named_by_email_gets_their_real_name_when_first_seen_in_teams_and_keeps_it(
            TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var alex = f.owner("Alex Wilber", "alexw@example.com", null);
            var megan = f.owners.nameSubstitute(alex.id(), "meganb@example.com");
            assertThat(megan.name()).isEqualTo("meganb");

            var seen = f.owners.recognise(new TeamsIdentity("29:megan", null, "meganb@example.com", null,
                    "  Megan Bowen "));
            f.owners.recognise(new TeamsIdentity("29:megan", null, "meganb@example.com", null, "Someone Else"));

            assertThat(seen).map(o -> o.name()).contains("Megan Bowen");
            assertThat(f.owners.byId(megan.id()).name()).isEqualTo("Megan Bowen");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void messages_planpuls_starts_follow_the_chosen_language_else_the_client_the_owner_last_wrote_from(
            TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            var bo = f.owner("Bo Ek", "bo@example.com", null);
            assertThat(f.owners.proactiveLocale(anna.id())).isNull();

            f.owners.clientLocaleSeen(anna.id(), "en-US");
            f.owners.clientLocaleSeen(anna.id(), "not a locale; DROP TABLE owners");
            f.owners.clientLocaleSeen(anna.id(), null);
            f.owners.clientLocaleSeen(bo.id(), "en-GB");
            f.owners.setLocale(bo.id(), "sv");

            assertThat(f.owners.proactiveLocale(anna.id())).isEqualTo("en-US");
            assertThat(f.owners.proactiveLocale(bo.id())).isEqualTo("sv");
            f.owners.clientLocaleSeen(anna.id(), "sv-SE");
            assertThat(f.owners.proactiveLocale(anna.id())).isEqualTo("sv-SE");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_name_an_admin_gave_is_never_replaced_by_the_one_teams_shows(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            var alex = f.owner("Alex Wilber", "alexw@example.com", null);
            var bo = f.owners.nameSubstitute(alex.id(), "bo.ek@example.com");
            f.owners.update(bo.id(), new OwnerChange("Bo Ek", null, null, null, null, false, null, false), null,
                    Actor.api("admin"));

            f.owners.recognise(new TeamsIdentity("29:anna", null, "anna@example.com", null, "Anna B."));
            f.owners.recognise(new TeamsIdentity("29:bo", null, "bo.ek@example.com", null, "Bosse"));
            var blank = f.owners.nameSubstitute(anna.id(), "cleo@example.com");
            f.owners.recognise(new TeamsIdentity("29:cleo", null, "cleo@example.com", null, "   "));

            assertThat(f.owners.byId(anna.id()).name()).isEqualTo("Anna Berg");
            assertThat(f.owners.byId(bo.id()).name()).isEqualTo("Bo Ek");
            assertThat(f.owners.byId(blank.id()).name()).isEqualTo("cleo");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_teams_user_who_is_no_owner_is_not_recognised(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            f.owner("Anna Berg", "anna@example.com", null);

            assertThat(f.owners.recognise(new TeamsIdentity("29:x", AAD, "nobody@example.com", null))).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void creating_an_owner_checks_every_field(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            f.owner("Anna Berg", "anna@example.com", null);

            assertField(() -> f.owners.create(new NewOwner(" ", "x@example.com", null, false)), "name");
            assertField(() -> f.owners.create(new NewOwner("X", "not-an-email", null, false)), "email");
            assertField(() -> f.owners.create(new NewOwner("X", "ANNA@example.com", null, false)), "email");
            assertField(() -> f.owners.create(new NewOwner("X", "x@example.com", "nope", false)), "aadObjectId");
            assertThat(f.owners.all()).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void an_owners_own_changes_from_the_bot_are_audited_with_before_and_after(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);

            f.owners.setLocale(anna.id(), "en");
            f.owners.nameSubstitute(anna.id(), "bo@example.com");
            f.owners.leave(anna.id(), java.time.LocalDate.of(2026, 12, 31));

            var entries = new AuditService(f.database).find("owner", anna.id(), null, null, 100, 0).entries();
            assertThat(entries).filteredOn(e -> "bot".equals(e.source())).hasSize(3)
                    .allSatisfy(e -> assertThat(e.actor()).isEqualTo("Anna Berg"));
            assertThat(entries.get(entries.size() - 1).afterJson()).contains("2026-12-31");
            assertThat(entries.get(entries.size() - 1).beforeJson()).doesNotContain("2026-12-31");
        }
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
