package eu.guichet.disclosure;

import java.nio.file.Path;

/** A released output's file, named by its SHA-256. */
public record ReleasedFile(OutputId id, String sha256, Path path) {

    public String filename() {
        return "output-" + id + ".csv";
    }
}
