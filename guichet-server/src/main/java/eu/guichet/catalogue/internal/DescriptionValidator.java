package eu.guichet.catalogue.internal;

import java.util.List;

import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.Violation;

/** Checks a description against the HealthDCAT-AP shapes of its own access level. */
public interface DescriptionValidator {

    List<Violation> validate(DatasetDescription description);
}
