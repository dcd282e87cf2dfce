package eu.guichet.transparency;

import java.util.Set;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.Purpose;

/**
 * The citizens' view (EHDS Art. 58): one organisation's permitted use of one dataset, and why.
 */
public record DatasetUse(RegisterDataset dataset, String organisation, ApplicationId applicationId, String title,
        Set<Purpose> purposes, PermitStatus permitStatus) {
}
