package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default plan says what {@code 000_*.txt} says: dependencies only where a sentence of the plan
 * makes one milestone a precondition of another, with that sentence as the basis; how a milestone
 * is judged reached where the plan states it; its spelling and its effects' lead sentences. Both
 * for a fresh database and for one loaded before the plan was corrected.
 */
class DefaultPlanTextTest {
    private static final List<String> EDGES = List.of("MED-2<-MED-1", "MED-3<-MED-2", "MED-3<-MED-5", "NIV-3<-NIV-1",
            "NIV-3<-NV-1", "NV-7<-DIG-2", "NV-7<-HFI-2", "NV-7<-MED-4", "NV-7<-NV-5", "NV-7<-PCA-5");

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_fresh_default_plan_has_only_dependencies_the_text_states_each_with_its_sentence(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            Jdbi jdbi = f.database.jdbi();

            assertThat(edges(jdbi)).containsExactlyElementsOf(EDGES);
            assertThat(strings(jdbi, "SELECT basis FROM milestone_dependencies"))
                    .allSatisfy(basis -> assertThat(basis).contains("”"));
            assertThat(basis(jdbi, "MED-2", "MED-1")).contains("Ledarskapsakademien har strategin som utgångspunkt");
            assertThat(basis(jdbi, "MED-3", "MED-5")).contains("stödjer den långsiktiga kompetensförsörjningen");
            assertThat(basis(jdbi, "NV-7", "HFI-2")).contains("tids- och aktivitetsplan för God och Nära Vård");
            assertText(jdbi);
            assertThat(column(jdbi, "reached_when", "PCA-4")).startsWith("Finns uppföljningsverktyg");
            assertGoalsAsInFigureOne(jdbi);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_default_plan_loaded_before_the_correction_is_corrected_by_the_migrations(TestDatabases.Kind kind) {
        boolean h2 = kind == TestDatabases.Kind.H2;
        String url = h2 ? "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
                : TestDatabases.POSTGRES_URL;
        String schema = h2 ? null : "t_" + UUID.randomUUID().toString().replace("-", "");
        var before = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("61");
        if (schema != null) {
            before.schemas(schema).createSchemas(true);
        }
        before.load().migrate();
        Jdbi old = Jdbi.create(url);
        old.useHandle(h -> {
            if (schema != null) {
                h.execute("SET search_path TO " + schema);
            }
            loadAsFirstWritten(h);
        });

        Database database = Database.open(url, schema);
        try {
            Jdbi jdbi = database.jdbi();
            assertThat(edges(jdbi)).containsExactlyElementsOf(EDGES);
            assertThat(basis(jdbi, "MED-2", "MED-1")).contains("Ledarskapsakademien har strategin som utgångspunkt");
            assertThat(strings(jdbi, "SELECT milestone_id FROM milestone_dependencies "
                    + "WHERE basis IS NULL OR source IS NOT NULL")).isEmpty();
            assertText(jdbi);
            assertGoalsAsInFigureOne(jdbi);
        } finally {
            TestDatabases.dispose(database);
        }
    }

    /** Figur 1: "Bättre hälsa för fler" over the whole map, each effect goal beside its group. */
    private static void assertGoalsAsInFigureOne(Jdbi jdbi) {
        assertThat(strings(jdbi, "SELECT long_term_goal FROM plans WHERE slug = 'skane-fhs-2022-2025'"))
                .containsExactly("Bättre hälsa för fler");
        assertThat(strings(jdbi, """
                SELECT g.name || ': ' || e.name FROM effect_goals e JOIN area_groups g ON g.id = e.group_id
                WHERE g.position > 0 ORDER BY e.position""")).containsExactly(
                "Arbetssätt/processer: Bättre befolkningens hälsa",
                "Arbetssätt/processer: Bättre upplevelse för patienter och medarbetare",
                "Organisation/styrning: Bättre kvalitet", "Organisation/styrning: Ökad tillgänglighet",
                "Förutsättningar: Effektiva processer");
    }

    private static void assertText(Jdbi jdbi) {
        // A criterion only where the plan states one; elsewhere it is empty and the description stands.
        assertThat(column(jdbi, "reached_when", "PCA-1")).startsWith("Finns en modell för att arbeta med");
        assertThat(column(jdbi, "reached_when", "NIV-3")).isEmpty();
        assertThat(column(jdbi, "reached_when", "PCA-2")).isEmpty();
        assertThat(column(jdbi, "reached_when", "HFI-6")).isEmpty();
        assertThat(column(jdbi, "title", "PCA-1")).isEqualTo("Modell för invånarinvolvering");
        assertThat(column(jdbi, "title", "PCA-2")).isEqualTo("Stödstruktur för invånarinvolvering");
        assertThat(strings(jdbi, "SELECT name FROM areas WHERE code = 'NV'")).containsExactly("Nära Vård");
        assertThat(column(jdbi, "reached_when", "MED-1")).isEqualTo("Enligt RD-beslut i januari 2021.");
        assertThat(column(jdbi, "reached_when", "PCA-3")).startsWith("28 personcentrerade sammanhållna vårdförlopp");
        assertThat(column(jdbi, "reached_when", "MED-3")).contains("kompetensförsörjningsplan");
        assertThat(column(jdbi, "reached_when", "NV-7")).contains("aktivitets- och tidplan");
        assertThat(effects(jdbi, "HFI-6")).isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("Kunskap och lärdomar om: "));
        assertThat(effects(jdbi, "NIV-2")).containsExactly(
                "Effektivitet utifrån fokusering på områden i planen, genom: Tydlighet och underlag för hur resurser "
                        + "fördelas över Skåne",
                "Effektivitet utifrån fokusering på områden i planen, genom: Förutsägbarhet",
                "Effektivitet utifrån fokusering på områden i planen, genom: Bättre ansökningar och ökad träffsäkerhet",
                "Gemensam målbild över Skånes roll inom nationell högspecialiserad vård och forskning");
    }

    /** The parts of the default plan the corrections touch, as the first load wrote them. */
    private static void loadAsFirstWritten(org.jdbi.v3.core.Handle h) {
        h.execute("""
                INSERT INTO plans (id, slug, name, organisation, period_start, period_end, created_at)
                VALUES (1, 'skane-fhs-2022-2025', 'Plan', 'Region Skåne', 2022, 2025, CURRENT_TIMESTAMP)""");
        h.execute("INSERT INTO area_groups (id, plan_id, position, name) VALUES (1, 1, 0, 'Grupp')");
        String[] groups = {"Arbetssätt/processer", "Organisation/styrning", "Förutsättningar"};
        for (int i = 0; i < groups.length; i++) {
            h.execute("INSERT INTO area_groups (id, plan_id, position, name) VALUES (?, 1, ?, ?)", i + 2, i + 1,
                    groups[i]);
        }
        String[] goals = {"Bättre befolkningens hälsa", "Bättre upplevelse för patienter och medarbetare",
            "Bättre kvalitet", "Ökad tillgänglighet", "Effektiva processer"};
        for (int i = 0; i < goals.length; i++) {
            h.execute("INSERT INTO effect_goals (plan_id, position, name) VALUES (1, ?, ?)", i + 1, goals[i]);
        }
        h.execute("INSERT INTO areas (id, plan_id, group_id, position, code, name) VALUES (1, 1, 1, 0, 'NV', 'Nära vård')");
        String[][] milestones = {
            {"PCA-1", "Modell för invånarinvolvring", "Finns en modell för att arbeta med invånarinvolvring i hela hälsosystemet"},
            {"PCA-2", "Stödstruktur för invånarinvolvring", "För att möjliggöra invånarinvolvring på alla nivåer"},
            {"PCA-3", "Vårdförlopp", "28 personcentrerade sammanhållna vårdförlopp är integrerade ..."},
            {"PCA-5", "Patientkontrakt", "Enligt avtal"}, {"HFI-2", "Hälsa", "Enligt avtal"},
            {"HFI-6", "Testa modell för hälsoutbud", "Utifrån resultat"}, {"NV-1", "Nivåer", "Definition"},
            {"NV-5", "Läkarmedverkan", "Enligt avtal"}, {"NV-7", "Handlingsplan", "Enligt avtal ..."},
            {"NIV-1", "Process", "En tydlig process"}, {"NIV-2", "Strategisk plan", "Region Skåne har"},
            {"NIV-3", "Utbudskarta", "En komplett utbudskarta"}, {"MED-1", "Ledarskapsakademi är inrättad", "Enligt RD-beslut i januari 2021. Ledarskapsakademien ..."},
            {"MED-2", "Strategi", "Utveckling"}, {"MED-3", "Struktur", "I takt med ..."}, {"MED-4", "Plattform", "Enligt avtal"},
            {"MED-5", "Arbetstidsmodeller", "Arbetstidsförläggningen"}, {"DIG-2", "Strategi", "Enligt avtal"}};
        for (int i = 0; i < milestones.length; i++) {
            h.execute("""
                    INSERT INTO milestones (id, plan_id, area_id, position, code, title, description, reached_when, due_year)
                    VALUES (?, 1, 1, ?, ?, ?, ?, ?, 2023)""", i + 1, i, milestones[i][0], milestones[i][1],
                    milestones[i][2], milestones[i][2]);
        }
        String[] hfi6 = {"Hur invånarna upplever det", "Mäta effekter"};
        for (int i = 0; i < hfi6.length; i++) {
            h.execute("INSERT INTO milestone_effects (milestone_id, position, text) VALUES (6, ?, ?)", i, hfi6[i]);
        }
        String[] niv2 = {"Tydlighet och underlag för hur resurser fördelas över Skåne", "Förutsägbarhet",
            "Bättre ansökningar och ökad träffsäkerhet",
            "Gemensam målbild över Skånes roll inom nationell högspecialiserad vård och forskning"};
        for (int i = 0; i < niv2.length; i++) {
            h.execute("INSERT INTO milestone_effects (milestone_id, position, text) VALUES (11, ?, ?)", i, niv2[i]);
        }
        String[][] edges = {{"NIV-3", "NIV-1", "1a"}, {"NIV-3", "NV-1", "1a"}, {"NV-7", "HFI-2", "1b"},
            {"NV-7", "DIG-2", "1b"}, {"NV-7", "PCA-5", "1b"}, {"NV-7", "NV-5", "1b"}, {"NV-7", "MED-4", "1b"},
            {"MED-2", "MED-1", "1c"}, {"MED-3", "MED-2", "1c"}, {"MED-4", "MED-3", "1c"}};
        for (String[] e : edges) {
            h.execute("""
                    INSERT INTO milestone_dependencies (milestone_id, depends_on_id, source)
                    SELECT a.id, b.id, ? FROM milestones a, milestones b WHERE a.code = ? AND b.code = ?""",
                    "Figur " + e[2], e[0], e[1]);
        }
    }

    private static List<String> edges(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT m.code || '<-' || t.code FROM milestone_dependencies d
                JOIN milestones m ON m.id = d.milestone_id JOIN milestones t ON t.id = d.depends_on_id
                ORDER BY 1""").mapTo(String.class).list());
    }

    private static List<String> strings(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private static String basis(Jdbi jdbi, String milestone, String dependsOn) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT d.basis FROM milestone_dependencies d
                JOIN milestones m ON m.id = d.milestone_id JOIN milestones t ON t.id = d.depends_on_id
                WHERE m.code = :m AND t.code = :t""").bind("m", milestone).bind("t", dependsOn)
                .mapTo(String.class).one());
    }

    private static String column(Jdbi jdbi, String column, String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + column + " FROM milestones WHERE code = :code")
                .bind("code", code).mapTo(String.class).one());
    }

    private static List<String> effects(Jdbi jdbi, String code) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT e.text FROM milestone_effects e JOIN milestones m ON m.id = e.milestone_id
                WHERE m.code = :code ORDER BY e.position""").bind("code", code).mapTo(String.class).list());
    }
}
