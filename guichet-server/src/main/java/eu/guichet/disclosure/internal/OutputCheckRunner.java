package eu.guichet.disclosure.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.disclosure.Output;
import eu.guichet.disclosure.OutputId;
import eu.guichet.disclosure.OutputStatus;

/**
 * Runs a request's automatic checks on a small pool of its own and waits for them at most
 * {@code guichet.disclosure.check-wait}: a quick check answers the request itself, a long one finishes in the
 * background (the request stays {@code SUBMITTED} meanwhile and the checkers are told when it ends). Checks a stop
 * interrupted start again at the next start: a check writes nothing until its result is recorded, so it is simply run
 * again.
 */
@Component
public class OutputCheckRunner implements DisposableBean {

    private final OutputChecks checks;
    private final OutputRepository outputs;
    private final OutputRules rules;
    private final TransactionTemplate transactions;
    private final DisclosureProperties settings;
    private final ExecutorService pool;

    OutputCheckRunner(OutputChecks checks, OutputRepository outputs, OutputRules rules,
            TransactionTemplate transactions, DisclosureProperties settings) {
        this.checks = checks;
        this.outputs = outputs;
        this.rules = rules;
        this.transactions = transactions;
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.checkThreads(), r -> {
            Thread t = new Thread(r, "disclosure-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the checks and waits for them at most the configured time. */
    public void run(OutputId id) {
        Future<?> done = pool.submit(() -> runNow(id));
        try {
            done.get(settings.checkWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // finishes in the background
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Runs again, in the background, the checks a stop interrupted (requests still {@code SUBMITTED}). */
    @EventListener(ApplicationReadyEvent.class)
    public int resumeInterrupted() {
        var interrupted = outputs.submitted();
        interrupted.forEach(id -> pool.submit(() -> runNow(id)));
        return interrupted.size();
    }

    private void runNow(OutputId id) {
        Output o = outputs.find(id).orElseThrow();
        if (o.status() != OutputStatus.SUBMITTED) {
            return;
        }
        OutputChecks.Result result = checks.check(o);
        transactions.executeWithoutResult(s -> {
            Output current = outputs.findForUpdate(id).orElseThrow();
            if (current.status() == OutputStatus.SUBMITTED && current.round() == o.round()) {
                rules.checked(current, result);
            }
        });
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
