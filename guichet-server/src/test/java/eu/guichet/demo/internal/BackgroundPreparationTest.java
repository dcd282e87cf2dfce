package eu.guichet.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.guichet.demo.DemoProgress.State;
import eu.guichet.demo.DemoStep;

/** Slow demo preparation runs once, in the background, with visible progress; a finished step is not run again. */
@Tag("unit")
class BackgroundPreparationTest {

    @TempDir
    Path dataDir;

    static final class GatedStep implements DemoStep {
        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger runs = new AtomicInteger();
        final boolean fails;

        GatedStep(boolean fails) {
            this.fails = fails;
        }

        @Override
        public String name() {
            return fails ? "failing-step" : "gated-step";
        }

        @Override
        public String labelKey() {
            return "demo.step.test";
        }

        @Override
        public void run(DoubleConsumer progress) throws Exception {
            runs.incrementAndGet();
            progress.accept(0.5);
            assertThat(gate.await(30, TimeUnit.SECONDS)).isTrue();
            if (fails) {
                throw new IllegalStateException("synthetic failure");
            }
        }
    }

    @Test
    void runs_in_the_background_reports_progress_and_is_remembered() {
        GatedStep step = new GatedStep(false);
        BackgroundPreparation preparation = new BackgroundPreparation(List.of(step), dataDir);
        assertThat(preparation.progress().steps()).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(State.PENDING));

        preparation.start(); // returns at once: the work goes on in the background

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(preparation.progress().steps())
                .singleElement().satisfies(s -> {
                    assertThat(s.state()).isEqualTo(State.RUNNING);
                    assertThat(s.fraction()).isEqualTo(0.5);
                }));
        assertThat(preparation.progress().ready()).isFalse();
        step.gate.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> preparation.progress().ready());
        assertThat(dataDir.resolve("demo/gated-step.done")).exists();

        BackgroundPreparation nextStart = new BackgroundPreparation(List.of(step), dataDir);
        assertThat(nextStart.progress().ready()).isTrue();
        nextStart.start();
        assertThat(step.runs.get()).isEqualTo(1);
    }

    @Test
    void a_failed_step_shows_as_failed_and_is_retried_at_the_next_start() {
        GatedStep step = new GatedStep(true);
        BackgroundPreparation preparation = new BackgroundPreparation(List.of(step), dataDir);
        step.gate.countDown();
        preparation.runAll();
        assertThat(preparation.progress().steps()).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(State.FAILED));
        assertThat(dataDir.resolve("demo/failing-step.done")).doesNotExist();
        assertThat(new BackgroundPreparation(List.of(step), dataDir).progress().steps()).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(State.PENDING));
    }
}
