package eu.guichet.catalogue.internal.variables;

import java.util.Locale;
import java.util.Map;

import eu.guichet.catalogue.LocalizedText;
import tools.jackson.databind.JsonNode;

/**
 * Reads a CSVW natural-language property ({@code titles}, {@code dc:title}, {@code dc:description}) into French and
 * English: a string, an array of strings, a language map ({@code {"fr": "...", "en": ["...", ...]}}) or JSON-LD
 * value objects ({@code {"@value": "...", "@language": "en"}}). Text without a language goes to the document's
 * default language; other languages are ignored; of several texts in one language the first is kept.
 */
final class NaturalLanguage {

    private NaturalLanguage() {
    }

    /** Null when the node is absent or holds no text. */
    static LocalizedText read(JsonNode node, String defaultLanguage) {
        Texts texts = new Texts();
        collect(node, defaultLanguage, texts);
        return texts.fr == null && texts.en == null ? null : LocalizedText.of(texts.fr, texts.en);
    }

    private static void collect(JsonNode node, String language, Texts texts) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isString()) {
            texts.add(language, node.stringValue());
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, language, texts));
        } else if (node.isObject() && node.has("@value")) {
            String tagged = node.path("@language").asString(language);
            collect(node.get("@value"), tagged, texts);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                collect(entry.getValue(), entry.getKey(), texts);
            }
        }
    }

    private static final class Texts {
        String fr;
        String en;

        void add(String language, String text) {
            if (text == null || text.isBlank() || language == null) {
                return;
            }
            String primary = language.toLowerCase(Locale.ROOT).split("-", 2)[0];
            if ("fr".equals(primary) && fr == null) {
                fr = text.strip();
            } else if ("en".equals(primary) && en == null) {
                en = text.strip();
            }
        }
    }
}
