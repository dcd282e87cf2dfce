package eu.guichet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.guichet.audit.AuditOutcome;
import eu.guichet.demo.DemoProgress;
import eu.guichet.identity.OrganisationType;
import eu.guichet.security.Role;
import eu.guichet.testing.Texts;

/**
 * The English and French bundles stay complete and really translated: same keys in both, every key a template names
 * exists, French is not a copy of English, and MessageFormat cannot eat an apostrophe.
 */
@Tag("unit")
class MessageBundlesTest {

    private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

    /** Keys whose French and English texts are rightly the same. Keep it a handful. */
    private static final Set<String> SAME_IN_BOTH = Set.of("lang.fr", "lang.en", "layout.menu",
            "account.organisation");

    /** {@code #{key}}, {@code #{key(args)}}, {@code #messages.msg('key'...)}, {@code #messages.msgOrNull('key'...)}. */
    private static final Pattern LITERAL_KEY = Pattern.compile(
            "#\\{([A-Za-z0-9_.-]+)\\s*[(}]|#messages\\.msg(?:OrNull)?\\('([A-Za-z0-9_.-]+)'[,)]");

    /** Thymeleaf parser-level comments (documentation, never rendered). */
    private static final Pattern PARSER_COMMENT = Pattern.compile("(?s)<!--/\\*.*?\\*/-->");

    private final Properties english = Texts.english();
    private final Properties french = Texts.french();

    @Test
    void both_bundles_have_the_same_keys() {
        assertThat(keys(french)).as("keys in messages.properties missing from messages_fr.properties")
                .containsAll(keys(english));
        assertThat(keys(english)).as("keys in messages_fr.properties missing from messages.properties")
                .containsAll(keys(french));
    }

    @Test
    void every_key_a_template_names_is_in_both_bundles() throws IOException {
        Map<String, Set<String>> used = keysUsedInTemplates();
        assertThat(used).as("templates scanned").isNotEmpty();
        Map<String, Set<String>> missing = new TreeMap<>();
        used.forEach((key, templates) -> {
            if (!english.containsKey(key) || !french.containsKey(key)) {
                missing.put(key, templates);
            }
        });
        assertThat(missing).as("message keys used in templates (key → templates) but missing from a bundle")
                .isEmpty();
    }

    @Test
    void keys_built_from_enums_and_the_navigation_exist() {
        Set<String> needed = new TreeSet<>();
        for (Role role : Role.values()) {
            needed.add("role." + role);
            needed.add("role." + role + ".help");
        }
        Arrays.stream(OrganisationType.values()).forEach(t -> needed.add("orgtype." + t));
        Arrays.stream(DemoProgress.State.values()).forEach(s -> needed.add("demo.state." + s));
        Arrays.stream(AuditOutcome.values()).forEach(o -> needed.add("audit.outcome." + o));
        Navigation.entries().forEach(e -> {
            needed.add(e.messageKey());
            needed.add(e.messageKey() + ".description");
        });
        for (String audience : new String[] { "users", "holders", "citizens" }) {
            needed.add("welcome." + audience + ".title");
            needed.add("welcome." + audience + ".text");
        }
        assertThat(keys(english)).containsAll(needed);
        assertThat(keys(french)).containsAll(needed);
    }

    @Test
    void french_is_translated_not_copied() {
        Set<String> copied = new TreeSet<>();
        for (String key : keys(english)) {
            if (english.getProperty(key).equals(french.getProperty(key)) && !SAME_IN_BOTH.contains(key)) {
                copied.add(key + " = " + english.getProperty(key));
            }
        }
        assertThat(copied).as("French texts identical to English (translate them, or whitelist a true cognate)")
                .isEmpty();
        assertThat(SAME_IN_BOTH).as("a handful of whitelisted keys, no more").hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void no_text_is_empty_and_no_plain_apostrophe_can_be_eaten_by_message_format() {
        for (Properties bundle : new Properties[] { english, french }) {
            for (String key : keys(bundle)) {
                String text = bundle.getProperty(key);
                assertThat(text).as(key).isNotBlank();
                if (text.matches("(?s).*\\{\\d+}.*")) {
                    assertThat(text.replace("''", "")).as("%s has arguments: write ’ instead of '", key)
                            .doesNotContain("'");
                }
            }
        }
        for (String key : keys(french)) {
            assertThat(french.getProperty(key)).as("French typography in %s: ’ instead of '", key)
                    .doesNotContain("'");
        }
    }

    static Map<String, Set<String>> keysUsedInTemplates() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String markup = PARSER_COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
                Matcher m = LITERAL_KEY.matcher(markup);
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    used.computeIfAbsent(key, k -> new TreeSet<>()).add(TEMPLATES.relativize(file).toString());
                }
            }
        }
        return used;
    }

    private static Set<String> keys(Properties bundle) {
        return new TreeSet<>(bundle.stringPropertyNames());
    }
}
