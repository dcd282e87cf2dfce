package eu.guichet.catalogue.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.Violation;
import eu.guichet.catalogue.internal.rdf.ShaclValidator;
import eu.guichet.catalogue.internal.rdf.ShaclViolation;

/** The catalogue's validator: Apache Jena SHACL with the official HealthDCAT-AP release 8 shapes. */
@Component
class ShapesValidator implements DescriptionValidator {

    private final ShaclValidator shacl = new ShaclValidator();

    @Override
    public List<Violation> validate(DatasetDescription description) {
        return shacl.validate(description).stream()
                .map(v -> new Violation(v.field(), v.message(), v.severity() == ShaclViolation.Severity.VIOLATION))
                .toList();
    }
}
