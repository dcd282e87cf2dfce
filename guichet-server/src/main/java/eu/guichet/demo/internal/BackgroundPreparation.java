package eu.guichet.demo.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import eu.guichet.demo.DemoPreparation;
import eu.guichet.demo.DemoProgress;
import eu.guichet.demo.DemoProgress.State;
import eu.guichet.demo.DemoStep;

/**
 * Runs the demo steps once, one after the other, on a background thread started when the application is ready, so
 * the sign-in page is served first. A step that finished leaves a marker file and is skipped at the next start; a
 * step that failed is retried at the next start.
 */
@Component
@Profile("demo")
class BackgroundPreparation implements DemoPreparation {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPreparation.class);

    private final List<DemoStep> steps;
    private final Path markers;
    private final Map<String, DemoProgress.Step> status = new ConcurrentHashMap<>();

    BackgroundPreparation(List<DemoStep> steps, @Value("${guichet.data-dir}") Path dataDir) {
        this.steps = steps.stream().sorted(Comparator.comparingInt(DemoStep::order)).toList();
        this.markers = dataDir.resolve("demo");
        for (DemoStep step : this.steps) {
            boolean done = isDone(step) || !step.available();
            set(step, done ? State.DONE : State.PENDING, done ? 1 : 0);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (steps.stream().allMatch(s -> isDone(s) || !s.available())) {
            return;
        }
        Thread worker = new Thread(this::runAll, "demo-preparation");
        worker.setDaemon(true);
        worker.start();
    }

    void runAll() {
        for (DemoStep step : steps) {
            if (isDone(step) || !step.available()) {
                continue;
            }
            set(step, State.RUNNING, 0);
            long started = System.nanoTime();
            try {
                step.run(fraction -> set(step, State.RUNNING, Math.max(0, Math.min(1, fraction))));
                Files.createDirectories(markers);
                Files.writeString(markers.resolve(step.name() + ".done"), "done\n");
                set(step, State.DONE, 1);
                log.info("Demo step '{}' done in {} s", step.name(), (System.nanoTime() - started) / 1_000_000_000);
            } catch (Exception e) {
                set(step, State.FAILED, status.get(step.name()).fraction());
                log.error("Demo step '{}' failed; it will be retried at the next start", step.name(), e);
                return;
            }
        }
    }

    @Override
    public DemoProgress progress() {
        Map<String, DemoProgress.Step> ordered = new LinkedHashMap<>();
        steps.forEach(s -> ordered.put(s.name(), status.get(s.name())));
        return new DemoProgress(true, List.copyOf(ordered.values()));
    }

    private boolean isDone(DemoStep step) {
        return Files.exists(markers.resolve(step.name() + ".done"));
    }

    private void set(DemoStep step, State state, double fraction) {
        status.put(step.name(), new DemoProgress.Step(step.name(), step.labelKey(), state, fraction));
    }

}
