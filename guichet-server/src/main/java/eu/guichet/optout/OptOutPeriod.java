package eu.guichet.optout;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a citizen's opt-out history: when the opt-out took effect, how it was registered, and when it was
 * withdrawn (empty while it is in effect).
 */
public record OptOutPeriod(OptOutId id, OptOutSource source, Instant effectiveAt, Optional<Instant> withdrawnAt) {

    public boolean inEffect() {
        return withdrawnAt.isEmpty();
    }

    /**
     * Whether this opt-out was in effect at the reference instant: it took effect before it and was not withdrawn
     * before it (the rule extracts apply, docs/explanation/opt-out.md).
     */
    public boolean inEffectAt(Instant reference) {
        return effectiveAt.isBefore(reference) && withdrawnAt.map(w -> !w.isBefore(reference)).orElse(true);
    }
}
