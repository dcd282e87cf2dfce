package eu.guichet.access.internal;

import eu.guichet.access.Application;
import eu.guichet.access.Permit;

/** Inside the access module only: the permit's holder asked for an amendment (their request is a message). */
public record AmendmentRequested(Permit permit, Application application, String request) {
}
