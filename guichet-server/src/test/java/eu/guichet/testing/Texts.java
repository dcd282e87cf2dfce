package eu.guichet.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** The UI texts from the message bundles, so tests assert on what users read without copying it. */
public final class Texts {

    private static final Properties ENGLISH = load("i18n/messages.properties");
    private static final Properties FRENCH = load("i18n/messages_fr.properties");

    private Texts() {
    }

    public static String en(String key, Object... arguments) {
        return format(ENGLISH, key, arguments, Locale.ENGLISH);
    }

    public static String fr(String key, Object... arguments) {
        return format(FRENCH, key, arguments, Locale.FRENCH);
    }

    public static Properties english() {
        return ENGLISH;
    }

    public static Properties french() {
        return FRENCH;
    }

    private static String format(Properties bundle, String key, Object[] arguments, Locale locale) {
        String text = bundle.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("No message " + key);
        }
        return arguments.length == 0 ? text : new MessageFormat(text, locale).format(arguments);
    }

    /** Reads a bundle as UTF-8, as Spring's message source does. */
    public static Properties load(String resource) {
        InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("No " + resource + " on the class path");
        }
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
