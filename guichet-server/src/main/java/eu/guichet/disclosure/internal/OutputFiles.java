package eu.guichet.disclosure.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import eu.guichet.dataplane.disclosure.Dimension;
import eu.guichet.dataplane.disclosure.KeptRelease;
import eu.guichet.dataplane.disclosure.Outcome;
import eu.guichet.dataplane.disclosure.Release;
import eu.guichet.dataplane.disclosure.TableShape;
import eu.guichet.disclosure.CellCheck;
import eu.guichet.disclosure.OutputId;
import tools.jackson.databind.json.JsonMapper;

/**
 * What output control keeps on disk. Under {@code guichet.disclosure.dir}, per request, on the HDAB side and never
 * served as such: the check results with each cell's true value (shown to output checkers), the table to release, and
 * the kept release (hidden cells' true values, for the differencing check of the permit's later requests). Under
 * {@code guichet.disclosure.outputs-dir}: released files, each named by its SHA-256. Touches aggregated values only.
 */
@Component
public class OutputFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final DisclosureProperties settings;

    OutputFiles(DisclosureProperties settings) {
        this.settings = settings;
    }

    /** The request's own directory (created). */
    public Path workDir(OutputId id) {
        try {
            return Files.createDirectories(settings.dir().resolve(id.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- check results ---------------------------------------------------------------------------------------

    record StoredCell(List<String> labels, Outcome outcome, List<String> reasons, Double value, Double released) {
    }

    public void writeCells(OutputId id, List<CellCheck> cells) {
        write(workDir(id).resolve("check.json"), cells.stream().map(c -> new StoredCell(c.labels(), c.outcome(),
                c.reasons(), c.value().orElse(null), c.released().orElse(null))).toList());
    }

    public List<CellCheck> cells(OutputId id) {
        Path file = settings.dir().resolve(id.toString()).resolve("check.json");
        if (!Files.exists(file)) {
            return List.of();
        }
        StoredCell[] stored = JSON.readValue(file.toFile(), StoredCell[].class);
        return java.util.Arrays.stream(stored).map(c -> new CellCheck(c.labels(), c.outcome(), c.reasons(),
                Optional.ofNullable(c.value()), Optional.ofNullable(c.released()))).toList();
    }

    // --- the table to release ---------------------------------------------------------------------------------

    public void writeReleaseTable(OutputId id, byte[] csv) {
        try {
            Files.write(workDir(id).resolve("release.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the checked table to the outputs directory under its SHA-256; returns the hash. */
    public String publish(OutputId id) {
        try {
            byte[] csv = Files.readAllBytes(settings.dir().resolve(id.toString()).resolve("release.csv"));
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv));
            Files.createDirectories(settings.outputsDir());
            Path tmp = Files.createTempFile(settings.outputsDir(), "release", ".tmp");
            Files.write(tmp, csv);
            Files.move(tmp, released(sha), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path released(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256");
        }
        return settings.outputsDir().resolve(sha256 + ".csv");
    }

    // --- kept releases ------------------------------------------------------------------------------------------

    record StoredDimension(String name, List<String> categories, Map<String, List<String>> subtotals) {
    }

    record StoredKept(List<StoredDimension> dimensions, List<Double> values, List<Double> hidden) {
    }

    public void writeKept(OutputId id, KeptRelease kept) {
        List<StoredDimension> dims = kept.release().shape().dimensions().stream()
                .map(d -> new StoredDimension(d.name(), d.categories(), d.subtotals())).toList();
        write(workDir(id).resolve("kept.json"), new StoredKept(dims, boxed(kept.release().values()),
                kept.hiddenValues() == null ? null : boxed(kept.hiddenValues())));
    }

    /** The kept releases of these requests (those whose file is missing are left out). */
    public List<KeptRelease> kept(List<OutputId> ids) {
        List<KeptRelease> out = new ArrayList<>();
        for (OutputId id : ids) {
            Path file = settings.dir().resolve(id.toString()).resolve("kept.json");
            if (Files.exists(file)) {
                StoredKept k = JSON.readValue(file.toFile(), StoredKept.class);
                TableShape shape = new TableShape(k.dimensions().stream()
                        .map(d -> new Dimension(d.name(), d.categories(), d.subtotals())).toList());
                out.add(new KeptRelease(new Release(shape, unboxed(k.values())),
                        k.hidden() == null ? null : unboxed(k.hidden())));
            }
        }
        return out;
    }

    /** Forgets an earlier round's check results and table (the kept release is written again by the next check). */
    public void clearCheck(OutputId id) {
        Path dir = workDir(id);
        for (String name : List.of("check.json", "release.csv", "kept.json")) {
            deleteQuietly(dir.resolve(name));
        }
    }

    public void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for the next request's clean-up; the file stays inside the HDAB's directory
        }
    }

    private static List<Double> boxed(double[] values) {
        List<Double> l = new ArrayList<>(values.length);
        for (double v : values) {
            l.add(Double.isNaN(v) ? null : v);
        }
        return l;
    }

    private static double[] unboxed(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i) == null ? Double.NaN : values.get(i);
        }
        return a;
    }

    private static void write(Path file, Object value) {
        JSON.writeValue(file.toFile(), value);
    }
}
