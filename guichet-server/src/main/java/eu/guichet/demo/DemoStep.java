package eu.guichet.demo;

import java.util.function.DoubleConsumer;

/**
 * One slow piece of demo preparation (generating synthetic patients, ingesting them...), contributed by the module
 * that owns the data. Runs once in the background after start; its completion is remembered under
 * {@code guichet-data/demo/} so later starts skip it.
 */
public interface DemoStep {

    /** Stable name, also the name of the marker file. Lower-case letters, digits and dashes. */
    String name();

    /** Message key of the label shown in the progress panel. */
    String labelKey();

    /** Steps run in increasing order. */
    default int order() {
        return 100;
    }

    /**
     * False when what the step needs is absent (the step says so on the console): it is then neither run nor
     * remembered, and looked at again at the next start.
     */
    default boolean available() {
        return true;
    }

    /** Does the work, reporting progress between 0 and 1. Must be safe to run again after a crash mid-way. */
    void run(DoubleConsumer progress) throws Exception;
}
