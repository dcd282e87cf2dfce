package eu.guichet.optout;

import java.util.List;
import java.util.Optional;

/**
 * A citizen's opt-out status: the opt-out in effect, if any, and the whole history, oldest first.
 */
public record OptOutStatus(boolean optedOut, Optional<OptOutPeriod> current, List<OptOutPeriod> history) {

    public OptOutStatus {
        history = List.copyOf(history);
    }

    public static OptOutStatus of(List<OptOutPeriod> history) {
        Optional<OptOutPeriod> current = history.stream().filter(OptOutPeriod::inEffect).findFirst();
        return new OptOutStatus(current.isPresent(), current, history);
    }
}
