package eu.guichet.dataplane.fhir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import eu.guichet.dataplane.tabular.ReasonCode;

/**
 * The first reading of a delivered bundle file ({@link BundleStager}): the whole file streamed through the parser
 * (skipping every subtree, holding nothing) to check it is exactly one well-formed {@code Bundle} of an accepted type.
 */
final class BundleCheck {

    /** The bundle types whose entries are resources to take in. */
    static final Set<String> BUNDLE_TYPES = Set.of("collection", "transaction", "batch", "searchset");

    private BundleCheck() {
    }

    /** Null when the file is one well-formed Bundle of an accepted type, else the reason to reject it whole. */
    static String problem(JsonFactory json, Path file) throws IOException {
        JsonToken typeKind = null;
        JsonToken resourceTypeKind = null;
        JsonToken entryKind = null;
        String type = null;
        String resourceType = null;
        try (JsonParser p = json.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return ResourceFlattener.reason(ReasonCode.NOT_JSON, "*");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "resourceType" -> {
                        resourceTypeKind = t;
                        resourceType = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    }
                    case "type" -> {
                        typeKind = t;
                        type = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    }
                    case "entry" -> entryKind = t;
                    default -> { }
                }
                p.skipChildren();
            }
            if (p.nextToken() != null) {
                return ResourceFlattener.reason(ReasonCode.NOT_JSON, "*");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // its message may quote the file: not kept
            return ResourceFlattener.reason(ReasonCode.NOT_JSON, "*");
        }
        if (resourceTypeKind == null || resourceTypeKind == JsonToken.VALUE_NULL) {
            return ResourceFlattener.reason(ReasonCode.REQUIRED, "resourceType");
        }
        if (!"Bundle".equals(resourceType)) {
            return ResourceFlattener.reason(ReasonCode.RESOURCE_TYPE, "resourceType");
        }
        if (typeKind == null || typeKind == JsonToken.VALUE_NULL) {
            return ResourceFlattener.reason(ReasonCode.REQUIRED, "type");
        }
        if (type == null) {
            return ResourceFlattener.reason(ReasonCode.TYPE, "type");
        }
        if (!BUNDLE_TYPES.contains(type)) {
            return ResourceFlattener.reason(ReasonCode.ENUM, "type");
        }
        if (entryKind != null && entryKind != JsonToken.START_ARRAY && entryKind != JsonToken.VALUE_NULL) {
            return ResourceFlattener.reason(ReasonCode.TYPE, "entry");
        }
        return null;
    }

}
