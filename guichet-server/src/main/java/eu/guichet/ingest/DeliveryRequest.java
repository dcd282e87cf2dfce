package eu.guichet.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.dataplane.tabular.ColumnTreatment;

/**
 * What a holder asks to deliver, beside the files sent with the request.
 *
 * @param identifiers CSV only: direct-identifier columns and their treatment at entry, applied to every table that
 *                    has the column (e.g. {@code BEN_NIR_PSA → NATIONAL_ID})
 * @param delimiter   CSV only: the cell separator (default {@code ,})
 * @param uploads     completed resumable uploads to deliver, in addition to (or instead of) request files
 */
public record DeliveryRequest(DatasetId dataset, DeliveryFormat format, Map<String, ColumnTreatment> identifiers,
        Character delimiter, List<UploadId> uploads) {

    public DeliveryRequest {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(format, "format");
        identifiers = identifiers == null ? Map.of() : Map.copyOf(identifiers);
        delimiter = delimiter == null ? ',' : delimiter;
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }
}
