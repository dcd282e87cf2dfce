package eu.guichet.audit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a module asks the audit trail to record: a stable action type, the object acted on, the outcome and a few
 * identifiers as details. Details must never contain health data: ids, codes, counts and statuses only.
 *
 * @param action     stable type such as {@code identity.user_created}: lower-case, module prefix, dot-separated
 * @param actor      who acted; empty to take the signed-in user of the current request
 */
public record AuditRecord(String action, String objectType, String objectId, AuditOutcome outcome,
        SortedMap<String, String> details, Optional<String> actor) {

    private static final Pattern ACTION = Pattern.compile("[a-z]+(\\.[a-z_]+)+");

    public AuditRecord {
        Objects.requireNonNull(action, "action");
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("Audit action must look like 'module.verb_object': " + action);
        }
        Objects.requireNonNull(outcome, "outcome");
        details = new TreeMap<>(details);
        Objects.requireNonNull(actor, "actor");
    }

    public static AuditRecord success(String action, String objectType, Object objectId) {
        return new AuditRecord(action, objectType, String.valueOf(objectId), AuditOutcome.SUCCESS, new TreeMap<>(),
                Optional.empty());
    }

    public static AuditRecord of(String action, AuditOutcome outcome) {
        return new AuditRecord(action, null, null, outcome, new TreeMap<>(), Optional.empty());
    }

    public AuditRecord on(String type, Object id) {
        return new AuditRecord(action, type, id == null ? null : String.valueOf(id), outcome, details, actor);
    }

    public AuditRecord with(String key, Object value) {
        TreeMap<String, String> more = new TreeMap<>(details);
        more.put(key, String.valueOf(value));
        return new AuditRecord(action, objectType, objectId, outcome, more, actor);
    }

    public AuditRecord with(Map<String, String> values) {
        TreeMap<String, String> more = new TreeMap<>(details);
        more.putAll(values);
        return new AuditRecord(action, objectType, objectId, outcome, more, actor);
    }

    public AuditRecord by(String who) {
        return new AuditRecord(action, objectType, objectId, outcome, details, Optional.of(who));
    }
}
