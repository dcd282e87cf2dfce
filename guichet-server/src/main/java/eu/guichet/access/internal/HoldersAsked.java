package eu.guichet.access.internal;

import java.util.List;

import eu.guichet.access.Application;
import eu.guichet.access.HolderRequest;

/** Inside the access module only: the HDAB consulted data holders or asked them for data (the new requests). */
public record HoldersAsked(Application application, List<HolderRequest> requests) {
}
