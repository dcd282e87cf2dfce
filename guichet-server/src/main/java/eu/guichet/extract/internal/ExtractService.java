package eu.guichet.extract.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import eu.guichet.access.PermitId;
import eu.guichet.extract.ExtractState;

/** What the module's API needs of its internals: reading the latest extract, retrying a failed one. */
@Component
public class ExtractService {

    private final ExtractRepository repository;
    private final ExtractTransitions transitions;
    private final ExtractBuilds builds;

    ExtractService(ExtractRepository repository, ExtractTransitions transitions, ExtractBuilds builds) {
        this.repository = repository;
        this.transitions = transitions;
        this.builds = builds;
    }

    public Optional<ExtractState> latest(PermitId permit) {
        return repository.latest(permit);
    }

    /** FAILED → BUILDING (409 otherwise), then the build runs in the background. */
    public ExtractState retry(PermitId permit) {
        ExtractState state = transitions.retry(permit);
        builds.submit(permit, state.version());
        return state;
    }
}
