package eu.guichet.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;

import eu.guichet.ingest.DeliveryId;
import eu.guichet.ingest.UploadId;
import eu.guichet.problem.ValidationException;

/**
 * Where delivered files wait on disk, under the work directory:
 * {@code uploads/<upload id>} (one file per resumable upload) and {@code deliveries/<delivery id>/<file name>}.
 * File names come from the holder: only plain names are accepted, never paths.
 */
public final class DeliveryFiles {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,127}");

    private final Path root;

    public DeliveryFiles(Path workDir) {
        this.root = workDir.toAbsolutePath().normalize();
    }

    public Path upload(UploadId id) {
        return root.resolve("uploads").resolve(id.toString());
    }

    public Path delivery(DeliveryId id) {
        return root.resolve("deliveries").resolve(id.toString());
    }

    /** The file name as sent, if it is a plain name (letters, digits, {@code _ - .}); a 422 otherwise. */
    public static String checkName(String original) {
        String name = original == null ? "" : original;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new ValidationException("ingest.file_name_invalid",
                    "A delivered file name holds only letters, digits, '_', '-' and '.'.");
        }
        return name;
    }

    public static void deleteTree(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir.getFileName(), e);
        }
    }
}
