package eu.guichet.dataplane.extract;

/** Hears an extract build's progress: its steps and its tables written. Called on the building thread. */
public interface ExtractObserver {

    ExtractObserver NONE = new ExtractObserver() {
    };

    /** The build's steps, in order (anonymisation only for an anonymised permit). */
    enum Step {
        OPT_OUTS, PSEUDONYMS, ANONYMISATION, TABLES, EVIDENCE
    }

    default void step(Step step) {
    }

    default void tableWritten(int written, int tables) {
    }
}
