package eu.guichet.access.internal;

import eu.guichet.access.Application;

/** Inside the access module only: the reviewer recorded the assessment; the decider may decide. */
public record AssessmentRecorded(Application application) {
}
