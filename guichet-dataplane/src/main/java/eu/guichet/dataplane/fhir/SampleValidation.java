package eu.guichet.dataplane.fhir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import eu.guichet.dataplane.tabular.DeliveryException;
import eu.guichet.dataplane.tabular.ProfileSampleReport;
import eu.guichet.dataplane.tabular.TableReport;

/**
 * The profile validation of a delivery's samples ({@link ProfileValidator}), run on a thread of its own once the
 * records are staged, while the tables are pseudonymised and written; joined before the reports are returned. Closing
 * it before the join (the delivery failed) interrupts it; the samples are dropped with it.
 */
final class SampleValidation implements AutoCloseable {

    private final FutureTask<Map<String, ProfileSampleReport>> task;
    private final Thread thread;

    /** Starts validating {@code samples} (by table name; {@code types} gives each table's resource type). */
    SampleValidation(Map<String, ResourceSample> samples, Map<String, String> types) {
        this.task = new FutureTask<>(() -> {
            Map<String, ProfileSampleReport> reports = new LinkedHashMap<>();
            for (Map.Entry<String, ResourceSample> e : samples.entrySet()) {
                reports.put(e.getKey(), ProfileValidator.validate(types.get(e.getKey()), e.getValue().resources(),
                        e.getValue().oversized()));
            }
            return reports;
        });
        this.thread = new Thread(task, "guichet-fhir-profile-sample");
        thread.setDaemon(true);
        if (!samples.isEmpty()) {
            thread.start();
        } else {
            task.run();
        }
    }

    /** The tables' reports, each with the profile validation of its sample (when it had one). */
    List<TableReport> addTo(List<TableReport> reports) {
        Map<String, ProfileSampleReport> validated;
        try {
            validated = task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Delivery interrupted during the profile validation of its sample", e);
        } catch (ExecutionException | CancellationException e) {
            throw new DeliveryException("The profile validation of the sample failed", e.getCause());
        }
        return reports.stream().map(r -> validated.containsKey(r.table())
                ? r.withProfileSample(validated.get(r.table())) : r).toList();
    }

    @Override
    public void close() {
        task.cancel(true);
    }
}
