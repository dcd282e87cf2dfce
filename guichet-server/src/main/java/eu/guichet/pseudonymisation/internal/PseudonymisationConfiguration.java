package eu.guichet.pseudonymisation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import eu.guichet.dataplane.pseudonym.PseudonymKeyException;
import eu.guichet.dataplane.pseudonym.PseudonymKeyStore;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;

/**
 * Builds the one {@link Pseudonymiser} of the application from the configured key store. Fails at start when no key
 * is configured: a platform that cannot pseudonymise must not accept data.
 */
@Configuration(proxyBeanMethods = false)
class PseudonymisationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PseudonymisationConfiguration.class);
    static final String ENV_CURRENT = "GUICHET_PSEUDONYM_KEY_CURRENT";

    @Bean
    Pseudonymiser pseudonymiser(PseudonymisationProperties properties) {
        return new Pseudonymiser(keyStore(properties, System.getenv()));
    }

    static PseudonymKeyStore keyStore(PseudonymisationProperties properties, Map<String, String> environment) {
        Path file = properties.keyFile();
        if (file != null && Files.isRegularFile(file)) {
            return PseudonymKeyStore.fromFile(file);
        }
        if (environment.containsKey(ENV_CURRENT)) {
            return PseudonymKeyStore.fromEnvironment(environment);
        }
        if (file != null && properties.generateIfMissing()) {
            generate(file);
            log.info("Generated a pseudonymisation key file at {} (demo mode)", file);
            return PseudonymKeyStore.fromFile(file);
        }
        throw new PseudonymKeyException("No pseudonymisation key: set guichet.pseudonymisation.key-file "
                + "(GUICHET_PSEUDONYMISATION_KEY_FILE) to a key file or the " + ENV_CURRENT
                + " and GUICHET_PSEUDONYM_KEY_<version> environment variables (docs/explanation/pseudonymisation.md)");
    }

    /** A key file with version 1: 32 random bytes, created readable and writable by its owner only. */
    static void generate(Path file) {
        byte[] key = new byte[PseudonymKeyStore.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        String content = "# Guichet pseudonymisation keys (generated in demo mode). Keep secret; never commit.\n"
                + "current=1\nkey.1=" + Base64.getEncoder().encodeToString(key) + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the pseudonymisation key file " + file, e);
        }
    }
}
