package eu.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the modular monolith honest: one top-level package per module, other modules reach only a module's root
 * package (its API), no cycles. Also regenerates the module documentation under {@code docs/modules/}.
 */
@Tag("unit")
class ModularityTest {

    /**
     * The control plane's modules; the data plane is a library on the classpath, and the command line (on the test
     * classpath, driven by the tests) a separate program: neither is a module of it.
     */
    static final ApplicationModules MODULES = ApplicationModules.of(GuichetApplication.class,
            JavaClass.Predicates.resideInAnyPackage("eu.guichet.dataplane..", "eu.guichet.cli.."));

    @Test
    void modules_respect_their_boundaries() {
        MODULES.verify();
    }

    @Test
    void the_expected_modules_exist() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("security", "problem", "identity", "audit", "demo", "ui", "access")
                .doesNotContain("dataplane", "cli");
    }

    /**
     * The documenter lists relations, containers and components in no fixed order; sorting each run of them (their order
     * does not matter to PlantUML) keeps the committed diagrams from changing at every build.
     */
    static List<String> stableOrder(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : lines) {
            String trimmed = line.trim();
            String kind = Stream.of("Rel(", "Container(", "Component(").filter(trimmed::startsWith).findFirst()
                    .orElse(null);
            if (kind == null || !kind.equals(runKind)) {
                Collections.sort(run);
                out.addAll(run);
                run.clear();
            }
            if (kind == null) {
                out.add(line);
            } else {
                run.add(line);
            }
            runKind = kind;
        }
        Collections.sort(run);
        out.addAll(run);
        return out;
    }

    @Test
    void writes_module_documentation() throws IOException {
        Path docs = Path.of("..", "docs", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(docs.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (var files = Files.list(docs)) {
            for (Path diagram : files.filter(p -> p.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, stableOrder(Files.readAllLines(diagram)));
            }
        }
        assertThat(Files.list(docs).map(p -> p.getFileName().toString()))
                .contains("components.puml", "module-identity.puml", "module-audit.adoc");
    }
}
