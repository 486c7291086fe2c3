package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.AnnualReview;
import se.planpuls.domain.ReviewNotes;
import se.planpuls.domain.Status;

class AnnualReviewCardTest {

    @Test
    void a_parent_is_not_counted_beside_its_deliverables() {
        var parent = entry("NR-7", Status.IN_PROGRESS, new AnnualReview.EntryShape(null, false, null, false, null,
                List.of(), null, new AnnualReview.Deliverables(1, 2, false)));
        var a = entry("NR-7-a", Status.REACHED, new AnnualReview.EntryShape("NR-7", false, null, false, null,
                List.of(), null, null));
        var b = entry("NR-7-b", Status.IN_PROGRESS, new AnnualReview.EntryShape("NR-7", false, null, false, null,
                List.of(), null, null));
        var review = new AnnualReview(1, "Uppdrag 2024", "Region Örebro län", 2024, true, 1L,
                Instant.parse("2025-01-31T07:00:00Z"), LocalDate.parse("2025-01-31"), ReviewNotes.NONE, List.of(),
                List.of(parent, a, b), AnnualReview.Changes.NONE);

        String card = ((ObjectNode) AnnualReviewCard.of(review, Texts.swedish(), null, null).getContent()).toString();

        assertThat(card).contains("2 milstolpar till och med 2024").contains("🟢 1 · 🟡 1 · 🔴 0 · ⚪ 0");
    }

    private static AnnualReview.Entry entry(String code, Status status, AnnualReview.EntryShape shape) {
        return new AnnualReview.Entry("Uppdrag 2024", "FARD", "Färdplaner", code, "Färdplan", 2024, false, status,
                null, null, List.of(), List.of(), shape);
    }
}
