package eu.guichet.dataplane.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class PseudonymKeyStoreTest {

    @TempDir
    Path dir;

    private Path keyFile(String content, String permissions) throws Exception {
        Path file = dir.resolve("pseudonym-keys.properties");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void reads_versioned_keys_from_an_owner_only_file() throws Exception {
        Path file = keyFile("current=2\nkey.1=" + TestKeys.base64("a") + "\nkey.2=" + TestKeys.base64("b") + "\n",
                "rw-------");
        PseudonymKeyStore store = PseudonymKeyStore.fromFile(file);
        assertThat(store.currentVersion()).isEqualTo(2);
        assertThat(store.versions()).containsExactly(1, 2);
        assertThat(store.key(1)).isEqualTo(TestKeys.key("a"));
    }

    @Test
    void refuses_a_key_file_others_can_read() throws Exception {
        Path file = keyFile("current=1\nkey.1=" + TestKeys.base64("a") + "\n", "rw-r--r--");
        assertThatThrownBy(() -> PseudonymKeyStore.fromFile(file))
                .isInstanceOf(PseudonymKeyException.class).hasMessageContaining("chmod 600");
    }

    @Test
    void refuses_short_missing_malformed_or_gapped_keys_without_quoting_them() throws Exception {
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);
        assertThatThrownBy(() -> PseudonymKeyStore.fromFile(keyFile("current=1\nkey.1=" + shortKey, "rw-------")))
                .isInstanceOf(PseudonymKeyException.class).hasMessageContaining("shorter than 32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> PseudonymKeyStore.fromFile(keyFile("current=2\nkey.1=" + TestKeys.base64("a"),
                "rw-------"))).hasMessageContaining("No key for the current version 2");
        assertThatThrownBy(() -> PseudonymKeyStore.fromFile(keyFile("key.1=" + TestKeys.base64("a"), "rw-------")))
                .hasMessageContaining("no current version");
        assertThatThrownBy(() -> PseudonymKeyStore.fromFile(keyFile("current=1\nkey.1=not base64!", "rw-------")))
                .hasMessageContaining("not valid base64").hasMessageNotContaining("not base64!");
        assertThatThrownBy(() -> PseudonymKeyStore.fromFile(dir.resolve("absent.properties")))
                .isInstanceOf(PseudonymKeyException.class);
        assertThatThrownBy(() -> PseudonymKeyStore.of(3, Map.of(1, TestKeys.key("a"), 3, TestKeys.key("c"))))
                .hasMessageContaining("without gaps");
    }

    @Test
    void reads_keys_from_the_environment() {
        PseudonymKeyStore store = PseudonymKeyStore.fromEnvironment(Map.of(
                "GUICHET_PSEUDONYM_KEY_CURRENT", "1",
                "GUICHET_PSEUDONYM_KEY_1", TestKeys.base64("a"),
                "PATH", "/usr/bin"));
        assertThat(store.currentVersion()).isEqualTo(1);
        assertThatThrownBy(() -> PseudonymKeyStore.fromEnvironment(Map.of("GUICHET_PSEUDONYM_KEY_1",
                TestKeys.base64("a")))).hasMessageContaining("CURRENT");
        assertThatThrownBy(() -> PseudonymKeyStore.fromEnvironment(Map.of()))
                .isInstanceOf(PseudonymKeyException.class);
    }

    @Test
    void never_shows_a_key_in_its_description() {
        PseudonymKeyStore store = TestKeys.store(2);
        assertThat(store.toString()).isEqualTo("PseudonymKeyStore[versions=[1, 2], current=2]")
                .doesNotContain(TestKeys.base64("test-key-1"));
    }
}
