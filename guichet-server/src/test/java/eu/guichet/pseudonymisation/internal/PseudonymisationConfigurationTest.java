package eu.guichet.pseudonymisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.PseudonymKeyException;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;

@Tag("unit")
class PseudonymisationConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void demo_mode_generates_an_owner_only_key_file_once_and_keeps_it() throws Exception {
        Path file = dir.resolve("keys/pseudonym.keys");
        var properties = new PseudonymisationProperties(file, true);

        String first = new Pseudonymiser(PseudonymisationConfiguration.keyStore(properties, Map.of()))
                .pseudonym(IdentifierDomain.NATIONAL, "1850575123456");
        String again = new Pseudonymiser(PseudonymisationConfiguration.keyStore(properties, Map.of()))
                .pseudonym(IdentifierDomain.NATIONAL, "1850575123456");

        assertThat(again).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void without_a_file_the_keys_come_from_the_environment() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        var properties = new PseudonymisationProperties(dir.resolve("absent.keys"), false);

        var keys = PseudonymisationConfiguration.keyStore(properties,
                Map.of("GUICHET_PSEUDONYM_KEY_CURRENT", "1", "GUICHET_PSEUDONYM_KEY_1", key));

        assertThat(keys.currentVersion()).isEqualTo(1);
        assertThat(dir.resolve("absent.keys")).doesNotExist();
    }

    @Test
    void without_any_key_outside_demo_mode_the_server_refuses_to_start() {
        var properties = new PseudonymisationProperties(dir.resolve("absent.keys"), false);

        assertThatThrownBy(() -> PseudonymisationConfiguration.keyStore(properties, Map.of()))
                .isInstanceOf(PseudonymKeyException.class)
                .hasMessageContaining("guichet.pseudonymisation.key-file");
        assertThat(dir.resolve("absent.keys")).doesNotExist();
    }
}
