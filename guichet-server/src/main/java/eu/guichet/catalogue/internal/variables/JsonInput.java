package eu.guichet.catalogue.internal.variables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a variable description file into a JSON tree, within the size limit, with user-readable errors. */
final class JsonInput {

    /** Largest file accepted: variable descriptions are metadata, a few hundred kilobytes at most. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonInput() {
    }

    /** Reads at most {@link #MAX_BYTES} from {@code in} (which the caller closes) and parses it as a JSON object. */
    static JsonNode readObject(InputStream in, String source) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        return readObject(bytes, source);
    }

    static JsonNode readObject(byte[] bytes, String source) {
        if (bytes.length > MAX_BYTES) {
            throw new VariableImportException(source, "", "is larger than 5 MB");
        }
        if (bytes.length == 0) {
            throw new VariableImportException(source, "", "is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new VariableImportException(source, "", "is not valid JSON" + where(e) + ": " + reason(e));
        }
        if (root == null || !root.isObject()) {
            throw new VariableImportException(source, "", "is not a JSON object");
        }
        return root;
    }

    /** The text of a string member, stripped; empty when absent, null, blank or not a string. */
    static Optional<String> text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.stringValue().strip());
    }

    private static String where(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String reason(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        String firstLine = message.lines().findFirst().orElse("unreadable");
        return firstLine.length() > 160 ? firstLine.substring(0, 160) + "…" : firstLine;
    }
}
