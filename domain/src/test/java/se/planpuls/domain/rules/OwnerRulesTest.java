package se.planpuls.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.InvalidInputException;

class OwnerRulesTest {

    @Test
    void an_email_is_kept_trimmed_and_lower_case() {
        assertThat(OwnerRules.email("  Anna.Berg@Region.SE ")).isEqualTo("anna.berg@region.se");
    }

    @Test
    void an_email_without_at_or_dot_or_with_markup_or_over_320_characters_is_refused_naming_email() {
        for (String bad : new String[] {null, "", "   ", "anna", "anna@region", "a@b@c.se", "<a>@b.se",
                "anna berg@region.se", "a".repeat(320) + "@b.se"}) {
            assertThatThrownBy(() -> OwnerRules.email(bad)).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("email");
                        assertThat(e.code()).isEqualTo("email.invalid");
                        assertThat(e.getMessage()).isEqualTo("email must be an e-mail address");
                    });
        }
    }

    @Test
    void a_substitute_named_by_something_else_than_an_email_is_told_so() {
        assertThatThrownBy(() -> OwnerRules.substituteEmail("Bo Ek"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("the substitute must be given by e-mail address"));
        assertThat(OwnerRules.substituteEmail("Bo@Example.com")).isEqualTo("bo@example.com");
    }

    @Test
    void a_name_is_required_trimmed_and_at_most_200_characters() {
        assertThat(OwnerRules.name("  Anna Berg ")).isEqualTo("Anna Berg");
        assertThat(OwnerRules.name("x".repeat(200))).hasSize(200);
        for (String bad : new String[] {null, "", " \t ", "x".repeat(201)}) {
            assertThatThrownBy(() -> OwnerRules.name(bad))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        }
    }

    @Test
    void an_entra_object_id_is_optional_a_guid_and_kept_lower_case() {
        assertThat(OwnerRules.aadObjectId(null)).isNull();
        assertThat(OwnerRules.aadObjectId("  ")).isNull();
        assertThat(OwnerRules.aadObjectId(" 6A2C4A1E-3F0C-4A5E-9D6B-1C2D3E4F5A6B "))
                .isEqualTo("6a2c4a1e-3f0c-4a5e-9d6b-1c2d3e4f5a6b");
        for (String bad : new String[] {"6a2c4a1e", "6a2c4a1e-3f0c-4a5e-9d6b-1c2d3e4f5a6bx", "{6a2c4a1e-3f0c-4a5e-9d6b-1c2d3e4f5a6b}",
                "6a2c4a1e-3f0c-4a5e-9d6b-1c2d3e4f5a6\u0000"}) {
            assertThatThrownBy(() -> OwnerRules.aadObjectId(bad))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("aadObjectId"));
        }
        assertThat(OwnerRules.isEntraId("00000000-0000-0000-0000-000000000000")).isTrue();
        assertThat(OwnerRules.isEntraId(null)).isFalse();
    }

    @Test
    void a_leave_is_within_the_years_planned_for() {
        assertThat(OwnerRules.leaveUntil(null)).isNull();
        assertThat(OwnerRules.leaveUntil(LocalDate.of(2026, 8, 15))).isEqualTo(LocalDate.of(2026, 8, 15));
        assertThatThrownBy(() -> OwnerRules.leaveUntil(LocalDate.of(2101, 1, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("leaveUntil"));
    }

    @Test
    void an_imported_owner_is_optional_but_named_by_an_email_with_a_short_name() {
        assertThat(OwnerRules.checkNamedOwner("row 2.", null, null)).isEmpty();
        assertThat(OwnerRules.checkNamedOwner("row 2.", " anna@region.se ", "Anna")).isEmpty();
        assertThat(OwnerRules.checkNamedOwner("row 2.", "anna", "x".repeat(201)))
                .extracting(p -> p.field() + ": " + p.message())
                .containsExactly("row 2.ownerEmail: ownerEmail must be an e-mail address",
                        "row 2.ownerName: ownerName is at most 200 characters");
        assertThat(OwnerRules.checkNamedOwner("", "a@b.se" + " ".repeat(320), null)).hasSize(1);
    }
}
