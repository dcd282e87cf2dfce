package eu.guichet.dataplane.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import eu.guichet.dataplane.engine.Appender;
import eu.guichet.dataplane.engine.WorkSession;
import eu.guichet.dataplane.tabular.DeliveryException;
import eu.guichet.dataplane.tabular.DeliveryObserver;
import eu.guichet.dataplane.tabular.ReasonCode;

/**
 * Stages FHIR {@code Bundle} files into the work tables of {@link FhirDeliveryProcessor}: every entry's
 * {@code resource} goes, by its {@code resourceType}, through the same {@link ResourceFlattener} as an NDJSON line.
 * Each file is read twice with Jackson's streaming parser — once to check it is one well-formed {@code Bundle} of an
 * accepted type, once to copy one entry's resource at a time into text — so the heap never holds a whole bundle.
 * <p>
 * Entries are numbered across the files (files in name order, 1-based): that number is the quarantine's
 * {@code _record}. Entries that cannot reach a table (no resource, no or an unknown {@code resourceType}) and files
 * that are not such a bundle are quarantined in the {@value #TABLE} table (reasons only). Entries of R4 resource types
 * Guichet does not flatten are ignored, as the NDJSON files of those types are. An entry whose {@code fullUrl} is
 * {@code urn:uuid:X} and whose resource has no {@code id} gets the id X; when its id differs from X, references to
 * {@code urn:uuid:X} are resolved to that id.
 */
final class BundleStager {

    /** The quarantine table of entries and files that reach no resource table. */
    static final String TABLE = "bundle";
    private static final String URN_UUID = "urn:uuid:";
    private static final int INTERRUPT_CHECK_EVERY = 1024;
    private static final Set<String> R4_TYPES = r4Types();

    private final WorkSession connection;
    private final JsonFactory json;
    private final DeliveryObserver observer;
    private final Map<String, FhirView> views = new HashMap<>();
    private final Map<String, ResourceFlattener> flatteners = new HashMap<>();
    private final Map<String, Appender> appenders = new HashMap<>();
    private final Map<String, Long> read = new TreeMap<>();
    private final Map<String, ResourceSample> samples;
    private Appender rejects;
    private Appender aliases;
    private long entries;

    /** {@code samples}: the profile validation sample of each table (by view name) the entries are offered to. */
    BundleStager(WorkSession connection, JsonFactory json, DeliveryObserver observer,
            Map<String, ResourceSample> samples) {
        this.connection = connection;
        this.json = json;
        this.observer = observer;
        this.samples = samples;
    }

    /** The bundle files of a delivery directory: its {@code *.json} files, in name order. */
    static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DeliveryException("Cannot list the delivered bundles", e);
        }
    }

    /**
     * Stages the files into {@code s_<view>} for every view, {@code s_bundle} and the reference aliases resolved;
     * answers the resources read per view name (0 for the views no entry has).
     */
    Map<String, Long> stage(List<Path> files) {
        for (FhirView v : FhirViews.ALL) {
            FhirDeliveryProcessor.createStaged(connection, v);
            views.put(v.resource(), v);
            flatteners.put(v.resource(), new ResourceFlattener(v, json));
            read.put(v.name(), 0L);
        }
        connection.execute("CREATE TABLE s_" + TABLE + " (_line BIGINT, _reasons VARCHAR, file VARCHAR, entry BIGINT)");
        connection.execute("CREATE TABLE s_alias (alias VARCHAR, id VARCHAR)");
        try {
            for (FhirView v : FhirViews.ALL) {
                appenders.put(v.resource(), connection.append(WorkSession.MAIN, "s_" + v.name()));
            }
            rejects = connection.append(WorkSession.MAIN, "s_" + TABLE);
            aliases = connection.append(WorkSession.MAIN, "s_alias");
            for (Path file : files) {
                String problem = BundleCheck.problem(json, file);
                if (problem == null) {
                    readEntries(file);
                } else {
                    reject(file, -1, problem);
                }
            }
        } catch (IOException e) {
            throw new DeliveryException("Cannot read the delivered bundles", e);
        } finally {
            for (Appender a : appenders.values()) {
                a.close();
            }
            if (rejects != null) {
                rejects.close();
            }
            if (aliases != null) {
                aliases.close();
            }
        }
        resolveAliases();
        return read;
    }

    private void readEntries(Path file) throws IOException {
        try (JsonParser p = json.createParser(file.toFile())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("entry") && t == JsonToken.START_ARRAY) {
                    int index = 0;
                    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken(), index++) {
                        entry(p, e, file, index);
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private void entry(JsonParser p, JsonToken token, Path file, int index) throws IOException {
        entries++;
        if (entries % INTERRUPT_CHECK_EVERY == 0 && Thread.currentThread().isInterrupted()) {
            throw new DeliveryException("Bundle delivery interrupted");
        }
        if (token != JsonToken.START_OBJECT) {
            p.skipChildren();
            reject(file, index, ResourceFlattener.reason(ReasonCode.TYPE, "entry"));
            return;
        }
        String fullUrl = null;
        String resource = null;
        JsonToken resourceKind = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("resource")) {
                resourceKind = t;
                if (t == JsonToken.START_OBJECT) {
                    resource = copy(p);
                } else {
                    p.skipChildren();
                }
            } else if (name.equals("fullUrl") && t == JsonToken.VALUE_STRING) {
                fullUrl = p.getText();
            } else {
                p.skipChildren();
            }
        }
        if (resourceKind == null || resourceKind == JsonToken.VALUE_NULL) {
            reject(file, index, ResourceFlattener.reason(ReasonCode.REQUIRED, "entry.resource"));
            return;
        }
        if (resource == null) {
            reject(file, index, ResourceFlattener.reason(ReasonCode.TYPE, "entry.resource"));
            return;
        }
        String[] top = topLevel(resource);
        String type = top[0];
        if (type == null) {
            reject(file, index, ResourceFlattener.reason(top[2] == null ? ReasonCode.REQUIRED : ReasonCode.TYPE,
                    "entry.resource.resourceType"));
            return;
        }
        FhirView view = views.get(type);
        if (view == null) {
            if (!R4_TYPES.contains(type)) {
                reject(file, index, ResourceFlattener.reason(ReasonCode.RESOURCE_TYPE, "entry.resource.resourceType"));
            }
            return;
        }
        ResourceSample sample = samples.get(view.name());
        if (sample != null) {
            sample.offer(resource);
        }
        String urlId = fullUrl == null ? null : ResourceFlattener.referencedId(fullUrl.strip(), URN_UUID);
        if (urlId != null && top[1] == null && top[3] == null) {
            resource = "{\"id\":\"" + urlId + "\"" + (resource.equals("{}") ? "}" : "," + resource.substring(1));
        } else if (urlId != null && top[1] != null && !urlId.equals(top[1].strip())) {
            aliases.row(urlId, top[1].strip());
        }
        long count = read.merge(view.name(), 1L, Long::sum);
        FhirDeliveryProcessor.append(appenders.get(type), entries, flatteners.get(type).flatten(resource), view);
        observer.recordRead(view.name(), count);
    }

    /**
     * The resource's top-level {@code resourceType} and {@code id} when they are strings, and whether each is present
     * at all: {type, id, typePresent, idPresent} (the last two null when absent).
     */
    private String[] topLevel(String resource) throws IOException {
        String[] top = new String[4];
        try (JsonParser p = json.createParser(resource)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                int slot = name.equals("resourceType") ? 0 : name.equals("id") ? 1 : -1;
                if (slot >= 0 && t != JsonToken.VALUE_NULL) {
                    top[slot + 2] = "";
                    top[slot] = t == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
        }
        return top;
    }

    /** The object the parser is on, as JSON text; numbers keep their delivered text. */
    private String copy(JsonParser p) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = json.createGenerator(text)) {
            int depth = 0;
            do {
                JsonToken t = p.currentToken();
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    g.writeNumber(p.getText());
                } else {
                    g.copyCurrentEvent(p);
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                }
            } while (depth > 0 && p.nextToken() != null);
        }
        return text.toString();
    }

    private void reject(Path file, int index, String reason) {
        if (index < 0) {
            entries++;
        }
        rejects.row(entries, reason, file.getFileName().toString(), index < 0 ? null : (Object) (long) index);
    }

    /** References to {@code urn:uuid:X} where X is an entry's fullUrl and not its resource's id: to that id. */
    private void resolveAliases() {
        for (FhirView v : FhirViews.ALL) {
            for (ViewColumn c : v.columns()) {
                if (c.derivation() == Derivation.PATIENT_REFERENCE
                        || c.derivation() == Derivation.ENCOUNTER_REFERENCE) {
                    connection.execute("UPDATE s_" + v.name() + " SET " + c.name() + " = a.id FROM s_alias a WHERE s_"
                            + v.name() + "." + c.name() + " = a.alias");
                }
            }
        }
        connection.execute("DROP TABLE s_alias");
    }

    private static Set<String> r4Types() {
        try (InputStream in = BundleStager.class.getResourceAsStream("r4-resource-types.txt")) {
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
