package eu.guichet.pseudonymisation.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the HDAB's pseudonymisation keys come from.
 *
 * @param keyFile          the key file ({@code current=N}, {@code key.N=base64…}, readable by its owner only); when
 *                         absent and the environment holds {@code GUICHET_PSEUDONYM_KEY_CURRENT}, the keys come from
 *                         the environment
 * @param generateIfMissing create a key file with one fresh random key when there is none (demo mode only: in
 *                         production the key is made and kept by the HDAB's secrets management)
 */
@ConfigurationProperties("guichet.pseudonymisation")
public record PseudonymisationProperties(Path keyFile, @DefaultValue("false") boolean generateIfMissing) {
}
