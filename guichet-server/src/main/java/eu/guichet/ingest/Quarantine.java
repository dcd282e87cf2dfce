package eu.guichet.ingest;

import java.util.List;
import java.util.Optional;

/**
 * The quarantine of a delivery as its holder and the HDAB see it: per table, how many records were rejected and
 * why. The quarantined records themselves (pseudonymised like the rest) stay in the lake, beside the version.
 */
public record Quarantine(DeliveryId delivery, DeliveryStatus status, Optional<String> datasetVersion,
        List<Table> tables) {

    public Quarantine {
        tables = List.copyOf(tables);
    }

    public record Table(String table, long recordsRejected, List<QuarantineReason> reasons) {
        public Table {
            reasons = List.copyOf(reasons);
        }
    }
}
