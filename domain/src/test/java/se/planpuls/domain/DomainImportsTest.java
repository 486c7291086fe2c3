package se.planpuls.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain stays framework-free: its sources import the JDK, each other, the holiday library and
 * Jackson's annotations, nothing else. (The build keeps Jackson databind off its compile path too.)
 */
class DomainImportsTest {
    private static final List<String> ALLOWED = List.of("java.", "se.planpuls.domain.",
            "com.fasterxml.jackson.annotation.", "de.focus_shift.jollyday.core.");

    @Test
    void the_domain_imports_no_framework() throws IOException {
        Path sources = Path.of("src/main/java/se/planpuls/domain");
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> imports = files.filter(p -> p.toString().endsWith(".java")).flatMap(DomainImportsTest::imports)
                    .toList();
            assertThat(imports).isNotEmpty();
            assertThat(imports).allSatisfy(line -> assertThat(ALLOWED).anyMatch(line::startsWith));
        }
    }

    private static Stream<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("import "))
                    .map(l -> l.substring("import ".length()).replace("static ", "").strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
