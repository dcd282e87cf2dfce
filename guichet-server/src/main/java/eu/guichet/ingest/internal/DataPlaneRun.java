package eu.guichet.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import eu.guichet.dataplane.fhir.FhirDelivery;
import eu.guichet.dataplane.fhir.FhirDeliveryProcessor;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.tabular.ColumnTreatment;
import eu.guichet.dataplane.tabular.DatasetLake;
import eu.guichet.dataplane.tabular.Delivery;
import eu.guichet.dataplane.tabular.DeliveryObserver;
import eu.guichet.dataplane.tabular.DeliveryOptions;
import eu.guichet.dataplane.tabular.DeliveryProcessor;
import eu.guichet.dataplane.tabular.DeliveryReport;
import eu.guichet.dataplane.tabular.TableDelivery;
import eu.guichet.dataplane.tabular.TableSchema;
import eu.guichet.dataplane.tabular.TableSchemaException;
import eu.guichet.ingest.DeliveryFormat;
import eu.guichet.problem.ValidationException;

/**
 * Turns a directory of delivered files into a data-plane delivery and runs it into the lake. Plain Java (no Spring),
 * so that the crash tests run exactly this code in a forked JVM. It never reads a record itself: the data plane's
 * processors do (docs/DEVELOPING.md, classes that touch rows).
 */
public final class DataPlaneRun {

    private final DatasetLake lake;
    private final DeliveryProcessor tabular;
    private final FhirDeliveryProcessor fhir;

    public DataPlaneRun(Path lakeDir, Pseudonymiser pseudonymiser, DeliveryOptions options) {
        this.lake = new DatasetLake(lakeDir);
        this.tabular = new DeliveryProcessor(lake, pseudonymiser, options);
        this.fhir = new FhirDeliveryProcessor(lake, pseudonymiser, options);
    }

    public DatasetLake lake() {
        return lake;
    }

    /**
     * Runs the delivery in {@code dir} as one new version of {@code datasetId}. Throws {@link TableSchemaException}
     * or {@link IllegalArgumentException} when the files cannot be read as delivered, the data plane's
     * {@code DeliveryException} when processing fails.
     */
    public DeliveryReport run(String datasetId, String holderId, DeliveryFormat format, Path dir,
            Map<String, String> identifiers, char delimiter, DeliveryObserver observer) {
        return switch (format) {
            case FHIR_NDJSON -> fhir.deliver(new FhirDelivery(datasetId, holderId, dir), observer);
            case FHIR_BUNDLE -> fhir.deliver(
                    new FhirDelivery(datasetId, holderId, dir, FhirDelivery.Layout.BUNDLES), observer);
            case CSV_TABLE_SCHEMA -> tabular.deliver(
                    new Delivery(datasetId, holderId, tables(dir, identifiers, delimiter)), observer);
        };
    }

    /**
     * Checks that the files make a delivery of this format before anything is queued: CSV files each with a
     * readable Table Schema, identifier columns that some table has; FHIR files named after a flattened resource
     * type. A 422 {@link ValidationException} otherwise.
     */
    public static void checkLayout(DeliveryFormat format, Path dir, Map<String, String> identifiers,
            char delimiter) {
        switch (format) {
            case FHIR_BUNDLE -> {
                noIdentifiers(identifiers);
                if (names(dir).stream().noneMatch(n -> n.endsWith(".json"))) {
                    throw new ValidationException("ingest.no_fhir_bundle", "A FHIR bundle delivery holds at least "
                            + "one .json file holding a Bundle.");
                }
            }
            case FHIR_NDJSON -> {
                noIdentifiers(identifiers);
                Set<String> expected = new HashSet<>();
                FhirDeliveryProcessor.resourceTypes().forEach(t -> expected.add(t + ".ndjson"));
                if (names(dir).stream().noneMatch(expected::contains)) {
                    throw new ValidationException("ingest.no_fhir_file", "A FHIR delivery holds at least one file "
                            + "named after a flattened resource type, such as Patient.ndjson.");
                }
            }
            case CSV_TABLE_SCHEMA -> {
                try {
                    tables(dir, identifiers, delimiter);
                } catch (TableSchemaException e) {
                    throw new ValidationException("ingest.schema_invalid", e.getMessage());
                }
            }
        }
    }

    private static void noIdentifiers(Map<String, String> identifiers) {
        if (!identifiers.isEmpty()) {
            throw new ValidationException("ingest.identifiers_not_applicable",
                    "FHIR deliveries take no identifier columns: the flattening knows them.");
        }
    }

    static List<TableDelivery> tables(Path dir, Map<String, String> identifiers, char delimiter) {
        List<TableDelivery> tables = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String name : names(dir)) {
            if (!name.endsWith(".csv")) {
                continue;
            }
            String base = name.substring(0, name.length() - ".csv".length());
            Path schemaFile = Stream.of(base + ".schema.json", base + ".json").map(dir::resolve)
                    .filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new ValidationException("ingest.schema_missing",
                            "The CSV file " + name + " comes without its Table Schema (" + base + ".schema.json)."));
            TableSchema schema = TableSchema.read(schemaFile);
            Map<String, ColumnTreatment> treatments = new java.util.HashMap<>();
            identifiers.forEach((column, treatment) -> {
                if (schema.findField(column).isPresent()) {
                    treatments.put(column, treatment(treatment));
                    used.add(column);
                }
            });
            tables.add(new TableDelivery(schema, dir.resolve(name), treatments, delimiter));
        }
        if (tables.isEmpty()) {
            throw new ValidationException("ingest.no_csv_file", "A CSV delivery holds at least one .csv file.");
        }
        Optional<String> unknown = identifiers.keySet().stream().filter(c -> !used.contains(c)).sorted().findFirst();
        if (unknown.isPresent()) {
            throw new ValidationException("ingest.identifier_unknown",
                    "Identifier column " + unknown.get() + " is in no delivered table's schema.");
        }
        return tables;
    }

    static ColumnTreatment treatment(String name) {
        try {
            return ColumnTreatment.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("ingest.treatment_invalid",
                    "Identifier treatments are NATIONAL_ID, HOLDER_PATIENT_ID, REMOVE or BIRTH_DATE_TO_YEAR.");
        }
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list a delivery's files", e);
        }
    }
}
