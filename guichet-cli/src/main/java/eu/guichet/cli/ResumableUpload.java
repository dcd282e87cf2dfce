package eu.guichet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Sends one file through the server's resumable upload protocol: create a session (or take the one this file had in
 * the state file), ask the received offset, PUT the rest in chunks with {@code Content-Range}, retrying a failed chunk
 * from the offset the server answers, then complete with the file's SHA-256. The file is read chunk by chunk, never
 * whole.
 */
final class ResumableUpload {

    private static final int RETRIES = 5;

    private final ApiClient api;
    private final UploadState state;
    private final int chunkSize;
    private final PrintWriter out;

    ResumableUpload(ApiClient api, UploadState state, int chunkSize, PrintWriter out) {
        this.api = api;
        this.state = state;
        this.chunkSize = chunkSize;
        this.out = out;
    }

    /** Uploads the file and answers the completed upload's id. */
    String send(Path file) throws IOException, InterruptedException {
        long size = Files.size(file);
        String id = state.find(file).orElse(null);
        long offset = 0;
        if (id != null) {
            ApiClient.Response known = api.get("/api/deliveries/uploads/" + id);
            if (known.status() == 200 && !"DELIVERED".equals(known.body().path("status").asText())) {
                offset = known.body().get("offset").asLong();
                if ("COMPLETE".equals(known.body().path("status").asText())) {
                    return id;
                }
                out.printf("%s: resuming at byte %d of %d%n", file.getFileName(), offset, size);
            } else {
                id = null;
            }
        }
        if (id == null) {
            ApiClient.Response created = api.json("POST", "/api/deliveries/uploads",
                    Map.of("fileName", file.getFileName().toString(), "size", size));
            if (created.status() != 201) {
                throw new IOException(file.getFileName() + ": " + created.problem());
            }
            id = created.body().get("id").asText();
            state.remember(file, id);
        }
        int failures = 0;
        byte[] buffer = new byte[(int) Math.min(chunkSize, Math.max(size, 1))];
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            while (offset < size) {
                int length = (int) Math.min(buffer.length, size - offset);
                in.seek(offset);
                in.readFully(buffer, 0, length);
                ApiClient.Response put;
                try {
                    put = api.send("PUT", "/api/deliveries/uploads/" + id,
                            HttpRequest.BodyPublishers.ofByteArray(buffer, 0, length), "application/octet-stream",
                            "bytes " + offset + "-" + (offset + length - 1) + "/" + size);
                } catch (IOException cut) {
                    put = null;
                }
                if (put != null && put.status() == 200) {
                    offset = put.body().get("offset").asLong();
                    out.printf("%s: %d%%%n", file.getFileName(), size == 0 ? 100 : offset * 100 / size);
                    failures = 0;
                    continue;
                }
                if (++failures > RETRIES) {
                    throw new IOException(file.getFileName() + ": " + (put == null ? "connection lost" : put.problem()));
                }
                ApiClient.Response known = api.get("/api/deliveries/uploads/" + id);
                if (known.status() != 200) {
                    throw new IOException(file.getFileName() + ": " + known.problem());
                }
                offset = known.body().get("offset").asLong();
            }
        }
        ApiClient.Response completed = api.json("POST", "/api/deliveries/uploads/" + id + "/complete",
                Map.of("sha256", sha256(file)));
        if (completed.status() != 200) {
            throw new IOException(file.getFileName() + ": " + completed.problem());
        }
        return id;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
