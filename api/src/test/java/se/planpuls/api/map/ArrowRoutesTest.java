package se.planpuls.api.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.planpuls.db.DependencyService;
import se.planpuls.db.PlanLoader;
import se.planpuls.db.PlanService;
import se.planpuls.db.TestDatabases;

/** The default plan's map as laid out: every dependency arrow runs in the gutters, clear of every box. */
class ArrowRoutesTest {
    static StrategicMap map;

    @BeforeAll
    static void layOutTheDefaultPlan() {
        var database = TestDatabases.h2();
        long planId = new PlanLoader(database, Clock.systemUTC()).loadDefaultIfMissing().orElseThrow();
        map = StrategicMap.of(new PlanService(database).plan(planId),
                new DependencyService(database, Clock.systemUTC()).edges(planId), "Karta", "");
    }

    @Test
    void no_arrow_segment_crosses_a_box_other_than_its_own_two_ends() {
        assertThat(map.arrows()).hasSizeGreaterThanOrEqualTo(10);
        List<String> crossings = new ArrayList<>();
        for (StrategicMap.Arrow a : map.arrows()) {
            for (StrategicMap.Box b : map.boxes()) {
                boolean ownEnd = b.code().equals(a.from()) || b.code().equals(a.to());
                // An arrow's own boxes may be touched on their edge, never entered.
                Rectangle2D inside = ownEnd ? new Rectangle2D.Double(b.x() + 0.5, b.y() + 0.5, b.width() - 1,
                        b.height() - 1) : new Rectangle2D.Double(b.x(), b.y(), b.width(), b.height());
                for (Line2D segment : segments(a)) {
                    if (segment.intersects(inside)) {
                        crossings.add(a.from() + " → " + a.to() + " crosses " + b.code());
                    }
                }
            }
        }
        assertThat(crossings).isEmpty();
    }

    @Test
    void arrows_are_orthogonal_and_meet_their_boxes_on_a_side() {
        for (StrategicMap.Arrow a : map.arrows()) {
            for (Line2D s : segments(a)) {
                assertThat(s.getX1() == s.getX2() || s.getY1() == s.getY2()).as(a.from() + " → " + a.to()).isTrue();
            }
            var from = box(a.from());
            var to = box(a.to());
            var first = a.points().get(0);
            var last = a.points().get(a.points().size() - 1);
            assertThat(first.x()).isIn(from.x(), from.x() + from.width());
            assertThat(first.y()).isBetween(from.y(), from.y() + from.height());
            assertThat(last.x()).isIn(to.x(), to.x() + to.width());
            assertThat(last.y()).isBetween(to.y(), to.y() + to.height());
        }
    }

    @Test
    void the_arrows_that_used_to_strike_through_boxes_now_go_around_them() {
        assertThat(map.arrows()).anySatisfy(a -> assertThat(a.from() + a.to()).isEqualTo("HFI-2NV-7"));
        assertThat(map.arrows()).anySatisfy(a -> assertThat(a.from() + a.to()).isEqualTo("DIG-2NV-7"));
        // Five arrows end at NV-7, each at a point of its own.
        assertThat(map.arrows().stream().filter(a -> a.to().equals("NV-7"))
                .map(a -> a.points().get(a.points().size() - 1)).distinct()).hasSize(5);
    }

    @Test
    void an_arrow_between_neighbouring_years_is_three_straight_runs_through_the_gutter_between_them() {
        var a = map.arrows().stream().filter(x -> x.from().equals("MED-1") && x.to().equals("MED-2")).findFirst()
                .orElseThrow();
        var from = box("MED-1");
        var to = box("MED-2");
        if (from.x() != to.x()) {
            assertThat(a.points()).hasSizeLessThanOrEqualTo(4);
            int gutterX = a.points().get(1).x();
            assertThat(gutterX).isGreaterThan(Math.min(from.x(), to.x()) + from.width())
                    .isLessThan(Math.max(from.x(), to.x()));
        }
    }

    @Test
    void the_long_term_goal_heads_the_goals_column_and_each_group_has_its_effect_goals_beside_it() {
        assertThat(map.goals().shown()).isTrue();
        assertThat(map.goals().longTermGoal()).isEqualTo("Bättre hälsa för fler");
        assertThat(map.groups()).extracting(StrategicMap.Band::name, StrategicMap.Band::goals).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Arbetssätt/processer",
                        List.of("Bättre befolkningens hälsa", "Bättre upplevelse för patienter och medarbetare")),
                org.assertj.core.groups.Tuple.tuple("Organisation/styrning",
                        List.of("Bättre kvalitet", "Ökad tillgänglighet")),
                org.assertj.core.groups.Tuple.tuple("Förutsättningar", List.of("Effektiva processer")));
        // The goals stand to the right of every box and every arrow.
        assertThat(map.boxes()).allSatisfy(b -> assertThat(b.x() + b.width()).isLessThan(map.goals().inner()));
        assertThat(map.arrows()).allSatisfy(a -> assertThat(a.points())
                .allSatisfy(p -> assertThat(p.x()).isLessThan(map.goals().inner())));
    }

    private static StrategicMap.Box box(String code) {
        return map.boxes().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow();
    }

    private static List<Line2D> segments(StrategicMap.Arrow a) {
        List<Line2D> out = new ArrayList<>();
        for (int i = 1; i < a.points().size(); i++) {
            var p = a.points().get(i - 1);
            var q = a.points().get(i);
            out.add(new Line2D.Double(p.x(), p.y(), q.x(), q.y()));
        }
        return out;
    }
}
