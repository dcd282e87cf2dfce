package eu.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    static final ApplicationModules MODULES = ApplicationModules.of(GuichetApplication.class);

    @Test
    void modules_respect_their_boundaries() {
        MODULES.verify();
    }

    @Test
    void the_expected_modules_exist() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("security", "problem", "identity", "audit", "demo");
    }

    @Test
    void writes_module_documentation() throws IOException {
        Path docs = Path.of("..", "docs", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(docs.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(Files.list(docs).map(p -> p.getFileName().toString()))
                .contains("components.puml", "module-identity.puml", "module-audit.adoc");
    }
}
