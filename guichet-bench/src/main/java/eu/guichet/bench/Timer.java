package eu.guichet.bench;

/** Wall-clock timing after warm-up: the best of a few rounds counts (the machine's load only ever adds time). */
final class Timer {

    /** A measured piece of work; may throw. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private Timer() {
    }

    static double seconds(Work work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Runs {@code work} {@code warmups} times unmeasured, then {@code rounds} times; returns the best round. */
    static double best(int warmups, int rounds, Work work) throws Exception {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            best = Math.min(best, seconds(work));
        }
        return best;
    }
}
