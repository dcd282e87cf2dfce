package eu.guichet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which upload session each file had, kept in a small text file so that running the same command again after a
 * crash resumes the uploads instead of starting over. A file is known by its absolute path, size and modification
 * time: a changed file gets a new session.
 */
final class UploadState {

    private final Path stateFile;

    UploadState(Path stateFile) {
        this.stateFile = stateFile;
    }

    Optional<String> find(Path file) throws IOException {
        String key = key(file);
        for (String line : lines()) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0 && line.substring(0, tab).equals(key)) {
                return Optional.of(line.substring(tab + 1));
            }
        }
        return Optional.empty();
    }

    void remember(Path file, String uploadId) throws IOException {
        String key = key(file);
        List<String> kept = new ArrayList<>(lines().stream().filter(l -> !l.startsWith(key + "\t")).toList());
        kept.add(key + "\t" + uploadId);
        write(kept);
    }

    /** Forgets the files once delivered. */
    void forget(List<Path> files) throws IOException {
        List<String> keys = new ArrayList<>();
        for (Path f : files) {
            keys.add(key(f) + "\t");
        }
        write(lines().stream().filter(l -> keys.stream().noneMatch(l::startsWith)).toList());
    }

    private List<String> lines() throws IOException {
        return Files.isRegularFile(stateFile) ? Files.readAllLines(stateFile) : List.of();
    }

    private void write(List<String> lines) throws IOException {
        Path temporary = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        Files.write(temporary, lines);
        Files.move(temporary, stateFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String key(Path file) throws IOException {
        Path f = file.toAbsolutePath().normalize();
        return f + "\t" + Files.size(f) + "\t" + Files.getLastModifiedTime(f).toMillis();
    }
}
