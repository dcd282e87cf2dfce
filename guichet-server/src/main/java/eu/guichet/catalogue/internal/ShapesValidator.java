package eu.guichet.catalogue.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.Violation;
import eu.guichet.catalogue.internal.rdf.ShaclValidator;
import eu.guichet.catalogue.internal.rdf.ShaclViolation;

/**
 * The catalogue's validator: Apache Jena SHACL with the official HealthDCAT-AP release 8 shapes. Parsing the shapes
 * takes seconds, so it starts in the background when the application does and the first validation waits for it:
 * the sign-in page does not.
 */
@Component
class ShapesValidator implements DescriptionValidator {

    private final CompletableFuture<ShaclValidator> shacl = CompletableFuture.supplyAsync(ShaclValidator::new);

    /** A shapes file that does not load stops the application once it has started, as it would have before. */
    @EventListener(ApplicationReadyEvent.class)
    void shapesLoaded() {
        shacl.join();
    }

    @Override
    public List<Violation> validate(DatasetDescription description) {
        return shacl.join().validate(description).stream()
                .map(v -> new Violation(v.field(), v.message(), v.severity() == ShaclViolation.Severity.VIOLATION))
                .toList();
    }
}
