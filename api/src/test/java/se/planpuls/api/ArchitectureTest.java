package se.planpuls.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The house rules a reader would otherwise have to trust: each framework stays in its room, the
 * module graph runs one way, the domain imports no framework, and no module's packages form a
 * cycle. The api module's tests see every module's main classes, so the rules are checked here.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("se.planpuls");
    }

    @Test
    void every_module_is_imported() {
        for (String module : new String[] {"domain", "db", "bot", "scheduler", "api"}) {
            assertThat(main.stream().anyMatch(c -> c.getPackageName().startsWith("se.planpuls." + module)))
                    .as("classes of " + module).isTrue();
        }
        assertThat(main.stream().anyMatch(c -> c.getName().endsWith("Test"))).as("no test class").isFalse();
    }

    @Test
    void jdbi_flyway_and_the_database_drivers_live_in_db_only() {
        noClasses().that().resideOutsideOfPackage("se.planpuls.db..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "org.flywaydb..", "com.zaxxer..",
                        "org.h2..", "org.postgresql..")
                .check(main);
    }

    @Test
    void jdbc_is_used_by_db_and_by_quartz_s_job_store_only() {
        // Quartz's JDBC job store is handed the service's pool as a connection provider; it writes no SQL of ours.
        noClasses().that().resideOutsideOfPackage("se.planpuls.db..")
                .and().doNotHaveFullyQualifiedName("se.planpuls.scheduler.QuartzStore")
                .and().doNotHaveFullyQualifiedName("se.planpuls.scheduler.QuartzStore$PooledProvider")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(main);
    }

    @Test
    void the_bot_framework_sdk_lives_in_bot_only() {
        noClasses().that().resideOutsideOfPackage("se.planpuls.bot..")
                .should().dependOnClassesThat().resideInAPackage("com.microsoft.bot..")
                .check(main);
    }

    @Test
    void quartz_lives_in_scheduler_only() {
        noClasses().that().resideOutsideOfPackage("se.planpuls.scheduler..")
                .should().dependOnClassesThat().resideInAPackage("org.quartz..")
                .check(main);
    }

    @Test
    void javalin_and_jetty_live_in_api_only() {
        noClasses().that().resideOutsideOfPackage("se.planpuls.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
                .check(main);
    }

    @Test
    void the_prometheus_registry_lives_in_api_only() {
        // The other modules may record with micrometer-core; what is exposed, and how, is the api's business.
        noClasses().that().resideOutsideOfPackage("se.planpuls.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer.prometheusmetrics..", "io.prometheus..")
                .check(main);
    }

    @Test
    void the_domain_depends_on_the_jdk_the_holiday_calendar_and_json_annotations_only() {
        classes().that().resideInAPackage("se.planpuls.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "se.planpuls.domain..",
                        "de.focus_shift.jollyday..", "com.fasterxml.jackson.annotation..")
                .check(main);
    }

    @Test
    void db_depends_on_the_domain_and_no_later_module() {
        noClasses().that().resideInAnyPackage("se.planpuls.db..", "se.planpuls.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("se.planpuls.bot..", "se.planpuls.scheduler..",
                        "se.planpuls.api..")
                .check(main);
    }

    @Test
    void bot_and_scheduler_do_not_know_each_other_or_the_api() {
        noClasses().that().resideInAPackage("se.planpuls.bot..")
                .should().dependOnClassesThat().resideInAnyPackage("se.planpuls.scheduler..", "se.planpuls.api..")
                .check(main);
        noClasses().that().resideInAPackage("se.planpuls.scheduler..")
                .should().dependOnClassesThat().resideInAnyPackage("se.planpuls.bot..", "se.planpuls.api..")
                .check(main);
    }

    @ParameterizedTest
    @ValueSource(strings = {"domain", "db", "bot", "scheduler", "api"})
    void the_packages_of_a_module_form_no_cycle(String module) {
        slices().assignedFrom(packagesOf("se.planpuls." + module)).should().beFreeOfCycles().check(main);
    }

    /** One slice per package of the module, its root package included. */
    private static SliceAssignment packagesOf(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                return name.equals(root) || name.startsWith(root + ".") ? SliceIdentifier.of(name)
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages of " + root;
            }
        };
    }
}
