package eu.guichet.demo;

import java.util.List;

/** Where demo preparation stands, shown on the sign-in page while it runs. */
public record DemoProgress(boolean demoMode, List<Step> steps) {

    public enum State {
        PENDING, RUNNING, DONE, FAILED
    }

    public record Step(String name, String labelKey, State state, double fraction) {
    }

    public boolean ready() {
        return steps.stream().allMatch(s -> s.state() == State.DONE);
    }

    public static DemoProgress notDemo() {
        return new DemoProgress(false, List.of());
    }
}
