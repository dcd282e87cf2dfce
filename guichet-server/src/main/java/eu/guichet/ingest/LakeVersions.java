package eu.guichet.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.dataplane.tabular.DatasetLake;
import eu.guichet.dataplane.tabular.Sql;
import eu.guichet.ingest.internal.DataPlaneRun;
import eu.guichet.ingest.internal.DeliveryRepository;

/**
 * Read-only view of the lake for the modules that read it (extracts): a dataset's current version, its tables' files
 * and columns (names and types, read from the Parquet footers: no row is read), and where each table's person is.
 * The national pseudonym of a person is in the columns a CSV delivery declared {@code NATIONAL_ID}; in FHIR data it is
 * {@code patient.person_id}, and the other FHIR tables reference their patient by {@code patient_id}.
 */
@Service
public class LakeVersions {

    /** The FHIR table and column holding a patient's national pseudonym (the NIR of the Patient's first identifier). */
    public static final String FHIR_PERSON_TABLE = "patient";
    public static final String FHIR_PERSON_COLUMN = "person_id";
    public static final String FHIR_PATIENT_KEY = "patient_id";

    private final DatasetLake lake;
    private final DeliveryRepository deliveries;

    LakeVersions(DataPlaneRun dataPlane, DeliveryRepository deliveries) {
        this.lake = dataPlane.lake();
        this.deliveries = deliveries;
    }

    /** One published version of a dataset. */
    public record LakeDataset(DatasetId datasetId, String version, DeliveryFormat format, Map<String, LakeTable> tables) {
    }

    /**
     * One table of a version.
     *
     * @param columns       column name → DuckDB type, in the file's order
     * @param personColumns the columns holding national pseudonyms (CSV {@code NATIONAL_ID} columns; FHIR
     *                      {@code patient.person_id})
     * @param pseudonymColumns every column holding a pseudonym made at entry: the person columns, CSV
     *                      {@code HOLDER_PATIENT_ID} columns, FHIR ids and references ({@code *_id})
     */
    public record LakeTable(String name, Path file, Map<String, String> columns, List<String> personColumns,
            List<String> pseudonymColumns) {
    }

    /** The dataset's current (latest) version, if one is published. */
    @Transactional(readOnly = true)
    public Optional<LakeDataset> current(DatasetId dataset) {
        List<String> versions = lake.versions(dataset.toString());
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        String version = versions.get(versions.size() - 1);
        Path dir = lake.versionDir(dataset.toString(), version).resolve("tables");
        Optional<DeliveryId> publisher = deliveries.findPublisher(dataset, version);
        DeliveryFormat format = publisher.flatMap(deliveries::find).map(Delivery::format)
                .orElse(DeliveryFormat.CSV_TABLE_SCHEMA);
        Map<String, String> treatments = publisher.map(id -> deliveries.csvSettings(id).identifiers())
                .orElse(Map.of());
        List<String> national = treatments.entrySet().stream().filter(e -> e.getValue().equals("NATIONAL_ID"))
                .map(Map.Entry::getKey).toList();
        List<String> pseudonymised = treatments.entrySet().stream().filter(e -> e.getValue().equals("NATIONAL_ID")
                || e.getValue().equals("HOLDER_PATIENT_ID")).map(Map.Entry::getKey).toList();
        Map<String, LakeTable> tables = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir); Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.parquet$", "");
                Map<String, String> columns = columns(s, f);
                List<String> persons = new ArrayList<>();
                List<String> pseudonyms = new ArrayList<>();
                if (format.fhir()) {
                    if (name.equals(FHIR_PERSON_TABLE) && columns.containsKey(FHIR_PERSON_COLUMN)) {
                        persons.add(FHIR_PERSON_COLUMN);
                    }
                    columns.keySet().stream().filter(n -> n.endsWith("_id")).forEach(pseudonyms::add);
                } else {
                    national.stream().filter(columns::containsKey).forEach(persons::add);
                    pseudonymised.stream().filter(columns::containsKey).forEach(pseudonyms::add);
                }
                tables.put(name, new LakeTable(name, f, columns, persons, pseudonyms));
            }
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("Cannot read the lake tables of " + dataset + " " + version + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        return Optional.of(new LakeDataset(dataset, version, format, tables));
    }

    private static Map<String, String> columns(Statement s, Path file) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + Sql.path(file) + ")")) {
            while (rs.next()) {
                columns.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        return columns;
    }
}
