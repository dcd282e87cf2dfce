package eu.guichet.access.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.util.MultiValueMap;

/**
 * The pieces of {@link FormDraft}: its repeated rows as the pages show and post them (team members, datasets and
 * their variables), and the reading of posted values (enums by name, texts that keep their previous value when a
 * step does not post them).
 */
public final class FormFields {

    private FormFields() {
    }

    /** A person of the team as typed. */
    public static final class TeamRow {
        public String username = "";
        public String function = "";
        public boolean pi;

        TeamRow(String username, String function, boolean pi) {
            this.username = nz(username);
            this.function = nz(function);
            this.pi = pi;
        }
    }

    /** A variable asked for and its justification as typed. */
    public static final class VariableRow {
        public String name;
        public String justification;

        VariableRow(String name, String justification) {
            this.name = name;
            this.justification = nz(justification);
        }
    }

    /** A dataset asked for, with its variables. */
    public static final class DatasetRows {
        public String datasetId;
        public String identifier;
        public List<VariableRow> variables = new ArrayList<>();
        public String addVariables = "";

        DatasetRows(String datasetId, String identifier) {
            this.datasetId = datasetId;
            this.identifier = identifier;
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value.strip())).findFirst()
                .orElse(null);
    }

    static <E extends Enum<E>> Set<E> enums(MultiValueMap<String, String> p, String name, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        p.getOrDefault(name, List.of()).forEach(v -> Optional.ofNullable(parse(type, v)).ifPresent(out::add));
        return out;
    }

    static String text(MultiValueMap<String, String> p, String name, String previous) {
        String value = p.getFirst(name);
        return value == null ? previous : value;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
