package eu.guichet.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The lifecycle table and its reference page agree; a released output never moves again. */
class OutputLifecycleTest {

    @Test
    void the_reference_lists_every_move() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "reference", "output-lifecycle.md"));
        for (OutputLifecycle.Move m : OutputLifecycle.moves()) {
            assertThat(doc).contains("| `" + m.from() + "` | `" + m.to() + "` | `" + m.action() + "` |");
        }
    }

    @Test
    void released_rejected_and_withdrawn_are_final_and_only_an_approval_releases() {
        assertThat(OutputLifecycle.moves()).noneMatch(m -> m.from() == OutputStatus.RELEASED
                || m.from() == OutputStatus.REJECTED || m.from() == OutputStatus.WITHDRAWN);
        assertThat(OutputLifecycle.moves()).filteredOn(m -> m.to() == OutputStatus.RELEASED)
                .extracting(OutputLifecycle.Move::from).containsExactly(OutputStatus.APPROVED);
        assertThat(OutputLifecycle.moves()).filteredOn(m -> m.to() == OutputStatus.APPROVED)
                .extracting(OutputLifecycle.Move::from).containsExactly(OutputStatus.IN_REVIEW);
    }
}
