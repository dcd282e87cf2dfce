package eu.guichet.ingest.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.multipart.MultipartFile;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.dataplane.tabular.ColumnTreatment;
import eu.guichet.ingest.DeliveredFile;
import eu.guichet.ingest.DeliveryFormat;
import eu.guichet.ingest.DeliveryRequest;
import eu.guichet.ingest.UploadId;
import eu.guichet.problem.ValidationException;

/** Reads a delivery request from form fields: the API's multipart form and the page's form share them. */
final class DeliveryForms {

    private DeliveryForms() {
    }

    static DeliveryRequest request(String dataset, String format, String identifiers, String delimiter,
            List<String> uploads) {
        return new DeliveryRequest(datasetId(dataset), format(format), identifiers(identifiers),
                delimiter(delimiter), uploads == null ? List.of()
                        : uploads.stream().filter(u -> !u.isBlank()).map(DeliveryForms::uploadId).toList());
    }

    static DatasetId datasetId(String text) {
        try {
            return new DatasetId(UUID.fromString(text == null ? "" : text.trim()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("ingest.dataset_invalid", "Choose one of your datasets.");
        }
    }

    static DeliveryFormat format(String text) {
        try {
            return DeliveryFormat.valueOf(text == null ? "" : text.trim());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("ingest.format_invalid",
                    "The format is CSV_TABLE_SCHEMA, FHIR_NDJSON or FHIR_BUNDLE.");
        }
    }

    static UploadId uploadId(String text) {
        try {
            return UploadId.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("ingest.upload_invalid", "An upload id is a UUID.");
        }
    }

    /** {@code COLUMN=TREATMENT} entries separated by commas, semicolons or line breaks. */
    static Map<String, ColumnTreatment> identifiers(String text) {
        Map<String, ColumnTreatment> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String entry : text.split("[,;\\r\\n]+")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] pair = entry.split("=", 2);
            if (pair.length != 2 || pair[0].isBlank()) {
                throw new ValidationException("ingest.identifiers_invalid",
                        "Identifier columns are written COLUMN=TREATMENT, e.g. BEN_NIR_PSA=NATIONAL_ID.");
            }
            out.put(pair[0].trim(), DataPlaneRun.treatment(pair[1].trim()));
        }
        return out;
    }

    static Character delimiter(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String d = text.equals("\\t") || text.equalsIgnoreCase("tab") ? "\t" : text;
        if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\n' || d.charAt(0) == '\r') {
            throw new ValidationException("ingest.delimiter_invalid", "The delimiter is one character, such as , or ;.");
        }
        return d.charAt(0);
    }

    static List<DeliveredFile> files(List<MultipartFile> parts) {
        List<DeliveredFile> out = new ArrayList<>();
        if (parts == null) {
            return out;
        }
        for (MultipartFile part : parts) {
            if (part.isEmpty() && (part.getOriginalFilename() == null || part.getOriginalFilename().isBlank())) {
                continue; // an empty file input of a form
            }
            out.add(new DeliveredFile() {
                @Override
                public String name() {
                    return part.getOriginalFilename();
                }

                @Override
                public void transferTo(Path target) throws IOException {
                    part.transferTo(target);
                }
            });
        }
        return out;
    }
}
