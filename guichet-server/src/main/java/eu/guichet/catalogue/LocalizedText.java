package eu.guichet.catalogue;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A text in French and English (either may be missing). Catalogue metadata is published in both languages; the UI
 * shows the reader's language and falls back to the other.
 */
public record LocalizedText(String fr, String en) {

    public static final LocalizedText EMPTY = new LocalizedText(null, null);

    public LocalizedText {
        fr = blankToNull(fr);
        en = blankToNull(en);
    }

    public static LocalizedText of(String fr, String en) {
        return new LocalizedText(fr, en);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return fr == null && en == null;
    }

    /** The text in the given language, else the other one, else the empty string. */
    public String in(Locale locale) {
        boolean french = locale != null && "fr".equals(locale.getLanguage());
        String first = french ? fr : en;
        String second = french ? en : fr;
        return first != null ? first : second != null ? second : "";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
