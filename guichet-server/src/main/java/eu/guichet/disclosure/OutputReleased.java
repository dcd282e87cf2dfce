package eu.guichet.disclosure;

import eu.guichet.access.PermitId;

/** An output passed its checks and two independent reviews: its file, stored under {@code sha256}, may be downloaded. */
public record OutputReleased(OutputId outputId, PermitId permitId, String sha256) {
}
