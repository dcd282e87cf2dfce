package eu.guichet.dataplane.fhir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;

import eu.guichet.dataplane.engine.Appender;
import eu.guichet.dataplane.engine.EngineException;
import eu.guichet.dataplane.engine.WorkSession;
import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.tabular.DatasetLake;
import eu.guichet.dataplane.tabular.DeliveryException;
import eu.guichet.dataplane.tabular.DeliveryObserver;
import eu.guichet.dataplane.tabular.DeliveryOptions;
import eu.guichet.dataplane.tabular.DeliveryProcessor;
import eu.guichet.dataplane.tabular.DeliveryReport;
import eu.guichet.dataplane.tabular.IssueCount;
import eu.guichet.dataplane.tabular.PseudonymMap;
import eu.guichet.dataplane.tabular.ReasonCode;
import eu.guichet.dataplane.tabular.Sql;
import eu.guichet.dataplane.tabular.TableReport;

/**
 * Takes a FHIR R4 bulk export (or FHIR bundles, staged by {@link BundleStager}) into the lake, through the same
 * protocol as tabular deliveries
 * ({@link DatasetLake#deliverVersion}): each resource is flattened while it streams ({@link ResourceFlattener}) and
 * appended to a DuckDB work table as text, invalid ones with their reasons; references to patients outside the
 * delivery's accepted patients are found by an anti-join; the distinct resource ids and references get their
 * pseudonyms in Java ({@link PseudonymMap}) and are joined; then each table and its quarantine are written as Parquet
 * and the version is published atomically. The NDJSON files are staged up to {@link DeliveryOptions#threads()} at once
 * ({@link NdjsonStager}). The heap holds one line per staging thread, and the profile validation sample: at
 * most {@link DeliveryOptions#profileSampleSize()} records per resource type ({@link ResourceSample}), validated
 * against the FHIR R4 definitions while the tables are written ({@link ProfileValidator}). That validation is advisory:
 * its findings go into the report and never reject a record.
 */
public final class FhirDeliveryProcessor {

    private final DatasetLake lake;
    private final Pseudonymiser pseudonymiser;
    private final DeliveryOptions options;
    private final JsonFactory json = new JsonFactory();

    public FhirDeliveryProcessor(DatasetLake lake, Pseudonymiser pseudonymiser, DeliveryOptions options) {
        this.lake = lake;
        this.pseudonymiser = pseudonymiser;
        this.options = options;
    }

    /** The resource types flattened into the lake; each is delivered as {@code <type>.ndjson}. */
    public static List<String> resourceTypes() {
        return FhirViews.ALL.stream().map(FhirView::resource).toList();
    }

    public DeliveryReport deliver(FhirDelivery delivery) {
        return deliver(delivery, DeliveryObserver.NONE);
    }

    public DeliveryReport deliver(FhirDelivery delivery, DeliveryObserver observer) {
        boolean bundles = delivery.layout() == FhirDelivery.Layout.BUNDLES;
        List<Path> bundleFiles = bundles ? BundleStager.files(delivery.directory()) : List.of();
        List<FhirView> views = bundles ? FhirViews.ALL : FhirViews.ALL.stream()
                .filter(v -> Files.isRegularFile(delivery.directory().resolve(v.fileName()))).toList();
        if (bundles ? bundleFiles.isEmpty() : views.isEmpty()) {
            throw new DeliveryException("Delivery of " + delivery.datasetId()
                    + (bundles ? ": no .json bundle file" : ": no NDJSON file of a flattened resource type"));
        }
        Map<String, String> fileHashes = new TreeMap<>();
        if (bundles) {
            for (Path f : bundleFiles) {
                fileHashes.put(f.getFileName().toString(), DeliveryProcessor.sha256(f));
            }
        } else {
            for (FhirView v : views) {
                fileHashes.put(v.name(), DeliveryProcessor.sha256(delivery.directory().resolve(v.fileName())));
            }
        }
        // how the files are flattened: the views' columns and paths, in their fixed order
        String processing = (bundles ? "fhir-bundles" : "fhir") + "\tholder=" + delivery.holderId() + "\tkey="
                + pseudonymiser.keyVersion()
                + FhirViews.ALL.stream().flatMap(v -> v.columns().stream().map(c -> "\n" + v.name() + "." + c.name()
                        + "=" + c.fhirPath() + ":" + c.derivation())).collect(java.util.stream.Collectors.joining());
        String deliveryHash = DeliveryProcessor.deliveryHash(fileHashes, processing);
        return lake.deliverVersion(delivery.datasetId(), deliveryHash, pseudonymiser.keyVersion(), observer,
                (work, publish) -> bundles ? ingestBundles(delivery, bundleFiles, deliveryHash, work, publish, observer)
                        : ingest(delivery, views, fileHashes, deliveryHash, work, publish, observer));
    }

    /**
     * An empty profile validation sample per table (none when sampling is off), seeded from the delivery's hash so
     * that the same delivery samples the same records.
     */
    private Map<String, ResourceSample> samples(List<FhirView> views, String deliveryHash) {
        Map<String, ResourceSample> samples = new LinkedHashMap<>();
        if (options.profileSampleSize() > 0) {
            for (FhirView v : views) {
                samples.put(v.name(), new ResourceSample(options.profileSampleSize(), deliveryHash, v.resource()));
            }
        }
        return samples;
    }

    private static Map<String, String> resourceTypes(List<FhirView> views) {
        Map<String, String> types = new HashMap<>();
        views.forEach(v -> types.put(v.name(), v.resource()));
        return types;
    }

    private List<TableReport> ingest(FhirDelivery delivery, List<FhirView> views, Map<String, String> fileHashes,
            String deliveryHash, Path work, Path publish, DeliveryObserver observer) {
        Map<String, ResourceSample> samples = samples(views, deliveryHash);
        try (WorkSession s = options.openWorkDatabase(work)) {
            Map<String, Long> read = new NdjsonStager(s, json, observer).stage(delivery.directory(), views, samples,
                    options.threads());
            try (SampleValidation validation = new SampleValidation(samples, resourceTypes(views))) {
                return validation.addTo(publish(s, delivery, views, read, fileHashes::get, publish));
            }
        } catch (EngineException e) {
            throw new DeliveryException("The work database of " + delivery.datasetId() + " failed", e);
        }
    }

    /**
     * Bundles: every table's staged rows come from the entries ({@link BundleStager}); the tables no entry has are
     * left out, as the NDJSON files not delivered are; entries and files that reach no table are the quarantine of
     * the {@value BundleStager#TABLE} table (absent when there are none).
     */
    private List<TableReport> ingestBundles(FhirDelivery delivery, List<Path> files, String sha256, Path work,
            Path publish, DeliveryObserver observer) {
        Map<String, ResourceSample> samples = samples(FhirViews.ALL, sha256);
        try (WorkSession s = options.openWorkDatabase(work)) {
            Map<String, Long> read = new BundleStager(s, json, observer, samples).stage(files);
            samples.keySet().removeIf(table -> read.get(table) == 0);
            List<FhirView> views = new ArrayList<>();
            for (FhirView v : FhirViews.ALL) {
                if (read.get(v.name()) > 0) {
                    views.add(v);
                } else {
                    s.execute("DROP TABLE " + staged(v));
                }
            }
            List<TableReport> reports;
            try (SampleValidation validation = new SampleValidation(samples, resourceTypes(FhirViews.ALL))) {
                reports = new ArrayList<>(validation.addTo(publish(s, delivery, views, read, name -> sha256,
                        publish)));
            }
            String table = "s_" + BundleStager.TABLE;
            long rejected = count(s, table);
            if (rejected > 0) {
                s.writeParquet("SELECT _line AS _record, string_split(_reasons, '|') AS _reasons, file, entry FROM "
                        + table + " ORDER BY _line", publish.resolve("quarantine").resolve(BundleStager.TABLE
                        + ".parquet"));
                reports.add(new TableReport(BundleStager.TABLE, sha256, rejected, 0, rejected, List.of(), List.of(),
                        issues(s, table)));
            }
            s.execute("DROP TABLE " + table);
            return reports;
        } catch (EngineException e) {
            throw new DeliveryException("The work database of " + delivery.datasetId() + " failed", e);
        }
    }

    private List<TableReport> publish(WorkSession s, FhirDelivery delivery, List<FhirView> views,
            Map<String, Long> read, java.util.function.Function<String, String> sha256, Path publish) {
        checkDuplicateIds(s, views);
        checkPatientReferences(s, views);
        PseudonymMap.create(s, pseudonymiser, IdentifierDomain.holder(delivery.holderId()),
                distinctIdentifiers(views, false), "ids");
        PseudonymMap.create(s, pseudonymiser, IdentifierDomain.NATIONAL,
                distinctIdentifiers(views, true), "national_ids");
        List<TableReport> reports = new ArrayList<>();
        for (FhirView v : views) {
            reports.add(write(s, v, sha256.apply(v.name()), read.get(v.name()), publish));
        }
        return reports;
    }

    /** Creates the work table {@code s_<view>}: the record number, its reasons, the columns as text. */
    static void createStaged(WorkSession s, FhirView view) {
        StringJoiner columns = new StringJoiner(", ");
        view.columns().forEach(c -> columns.add(c.name() + " VARCHAR"));
        s.execute("CREATE TABLE " + staged(view) + " (_line BIGINT, _reasons VARCHAR, " + columns + ")");
    }

    /** Appends one flattened resource, numbered {@code record}, to its work table. */
    static void append(Appender appender, long record, ResourceFlattener.Row row, FhirView view) {
        Object[] values = new Object[view.columns().size() + 2];
        values[0] = record;
        values[1] = row.valid() ? null : String.join("|", row.reasons());
        for (int i = 0; i < view.columns().size(); i++) {
            values[i + 2] = row.values() == null ? null : row.values()[i];
        }
        appender.row(values);
    }

    /**
     * Resources of one type sharing an id are all quarantined (nothing tells which one is right), like duplicate
     * primary keys in tabular deliveries; ids are compared over every record whose id could be read.
     */
    private static void checkDuplicateIds(WorkSession s, List<FhirView> views) {
        for (FhirView v : views) {
            for (ViewColumn c : v.columns()) {
                if (c.derivation() == Derivation.RESOURCE_ID) {
                    String reason = ResourceFlattener.reason(ReasonCode.DUPLICATE_PRIMARY_KEY, c.element());
                    s.execute("UPDATE " + staged(v) + " SET _reasons = concat_ws('|', _reasons, '" + reason
                            + "') WHERE " + c.name() + " IN (SELECT " + c.name() + " FROM " + staged(v) + " WHERE "
                            + c.name() + " IS NOT NULL GROUP BY ALL HAVING count(*) > 1)");
                }
            }
        }
    }

    /** Quarantines resources whose patient is not among the delivery's accepted patients. */
    private static void checkPatientReferences(WorkSession s, List<FhirView> views) {
        boolean patients = views.stream().anyMatch(v -> v.resource().equals("Patient"));
        s.execute("CREATE TABLE accepted_patients AS SELECT patient_id FROM "
                + (patients ? "s_patient WHERE _reasons IS NULL AND patient_id IS NOT NULL"
                        : "(SELECT NULL::VARCHAR AS patient_id) WHERE false"));
        for (FhirView v : views) {
            for (ViewColumn c : v.columns()) {
                if (c.derivation() == Derivation.PATIENT_REFERENCE) {
                    String reason = ResourceFlattener.reason(ReasonCode.REFERENCE, c.element());
                    s.execute("UPDATE " + staged(v) + " SET _reasons = concat_ws('|', _reasons, '" + reason
                            + "') WHERE " + c.name() + " IS NOT NULL AND " + c.name()
                            + " NOT IN (SELECT patient_id FROM accepted_patients)");
                }
            }
        }
        s.execute("DROP TABLE accepted_patients");
    }

    /** The distinct identifiers to pseudonymise: the holder-domain ones, or with {@code national} the NIRs. */
    private static String distinctIdentifiers(List<FhirView> views, boolean national) {
        StringJoiner union = new StringJoiner(" UNION ALL ");
        union.add("SELECT NULL::VARCHAR AS v");
        for (FhirView v : views) {
            for (ViewColumn c : v.columns()) {
                if (national ? c.derivation() == Derivation.NATIONAL_ID : c.derivation().pseudonymised()) {
                    union.add("SELECT " + c.name() + " AS v FROM " + staged(v));
                }
            }
        }
        return "SELECT DISTINCT v FROM (" + union + ") WHERE v IS NOT NULL";
    }

    private static TableReport write(WorkSession s, FhirView view, String sha256, long recordsRead, Path publish) {
        StringJoiner lakeColumns = new StringJoiner(", ");
        StringJoiner textColumns = new StringJoiner(", ");
        StringBuilder joins = new StringBuilder();
        int p = 0;
        for (ViewColumn c : view.columns()) {
            String value = "s." + c.name();
            if (c.derivation().pseudonymised() || c.derivation() == Derivation.NATIONAL_ID) {
                String alias = "p" + p++;
                joins.append(c.derivation() == Derivation.NATIONAL_ID ? " LEFT JOIN national_ids " : " LEFT JOIN ids ").append(alias).append(" ON ").append(alias).append(".raw = s.")
                        .append(c.name());
                value = alias + ".pseudonym";
            }
            lakeColumns.add((c.derivation().sqlType().equals("VARCHAR") ? value
                    : "CAST(" + value + " AS " + c.derivation().sqlType() + ")") + " AS " + c.name());
            textColumns.add(value + " AS " + c.name());
        }
        String from = " FROM " + staged(view) + " s" + joins;
        s.writeParquet("SELECT " + lakeColumns + from + " WHERE s._reasons IS NULL ORDER BY s._line",
                publish.resolve("tables").resolve(view.name() + ".parquet"));
        s.writeParquet("SELECT s._line AS _record, string_split(s._reasons, '|') AS _reasons, " + textColumns + from
                + " WHERE s._reasons IS NOT NULL ORDER BY s._line",
                publish.resolve("quarantine").resolve(view.name() + ".parquet"));
        long rejected = count(s, staged(view));
        List<IssueCount> issues = issues(s, staged(view));
        s.execute("DROP TABLE " + staged(view));
        return new TableReport(view.name(), sha256, recordsRead, recordsRead - rejected, rejected, List.of(),
                List.of(), issues);
    }

    private static long count(WorkSession s, String table) {
        return s.count(table + " WHERE _reasons IS NOT NULL");
    }

    /** The quarantine reasons of a work table, most frequent first. */
    private static List<IssueCount> issues(WorkSession s, String table) {
        List<IssueCount> issues = new ArrayList<>();
        s.forEachRow("SELECT r, count(*) FROM (SELECT unnest(string_split(_reasons, '|')) AS r"
                + " FROM " + table + " WHERE _reasons IS NOT NULL) GROUP BY r", row -> {
                    String r = row.string(1);
                    int colon = r.indexOf(':');
                    issues.add(new IssueCount(r.substring(0, colon), r.substring(colon + 1), row.longValue(2)));
                });
        issues.sort(Comparator.comparingLong(IssueCount::records).reversed().thenComparing(IssueCount::reason)
                .thenComparing(IssueCount::column));
        return issues;
    }

    private static String staged(FhirView view) {
        return "s_" + view.name();
    }

}
