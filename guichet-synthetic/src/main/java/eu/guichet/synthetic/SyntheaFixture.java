package eu.guichet.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Generates the seeded Synthea population once per checkout: FHIR R4 bulk NDJSON (one file per resource type) in
 * {@code <output>/fhir/}, each patient with a synthetic national identifier ({@link NationalIds}), and an SNDS-like
 * claims table of half of them in {@code <output>/snds/} ({@link SndsClaims}). When
 * {@code <output>/COMPLETE} exists and records the same Synthea command, the population
 * is already there and nothing runs; another command (patients, seed, options) regenerates it.
 * Synthea writes into a sibling temporary directory that is renamed into place at the end, so an interrupted run
 * never leaves a half-written fixture that looks complete.
 *
 * <p>Arguments: output directory, number of living patients, seed.
 */
public final class SyntheaFixture {

    static final String MARKER = "COMPLETE";
    /** The simulation's reference date: fixed, so ages and dates do not move with the build day. */
    static final String REFERENCE_DATE = "20250101";
    static final String STATE = "Massachusetts";
    static final List<String> EXCLUDED = List.of("Claim", "ExplanationOfBenefit", "Provenance", "SupplyDelivery",
            "Device", "CareTeam", "MedicationAdministration", "Medication");

    private SyntheaFixture() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: SyntheaFixture <output dir> <patients> <seed>");
        }
        Path output = Path.of(args[0]).toAbsolutePath().normalize();
        int patients = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Path work = output.resolveSibling(output.getFileName() + ".tmp");
        List<String> command = command(work, patients, seed);
        // "+nir+snds": the patients carry synthetic NIRs (NationalIds) and half of them have SNDS-like claims
        // (SndsClaims); a fixture written without them is regenerated
        String header = "synthea " + String.join(" ", command) + " +nir+snds\n";
        Path marker = output.resolve(MARKER);
        if (Files.exists(marker) && Files.readString(marker).startsWith(header)) {
            System.out.println("Synthea fixture present, not regenerated: " + output);
            return;
        }
        deleteTree(work);
        deleteTree(output);
        Files.createDirectories(work);
        System.out.println("Synthea " + String.join(" ", command));
        long start = System.nanoTime();
        // Synthea's entry point lives in the unnamed package, which a named package cannot import.
        Class.forName("App").getMethod("main", String[].class).invoke(null, (Object) command.toArray(String[]::new));
        NationalIds.addTo(work.resolve("fhir"));
        SndsClaims.write(work.resolve("fhir"), work.resolve("snds"));
        long seconds = Math.round((System.nanoTime() - start) / 1e9);
        Files.writeString(work.resolve(MARKER), header + "seconds " + seconds + "\n");
        Files.move(work, output, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Synthea fixture written in " + seconds + " s: " + output);
    }

    static List<String> command(Path baseDirectory, int patients, long seed) {
        return List.of("-s", Long.toString(seed), "-cs", Long.toString(seed), "-r", REFERENCE_DATE,
                "-p", Integer.toString(patients), "-o", "false",
                "--exporter.baseDirectory=" + baseDirectory,
                "--exporter.fhir.export=true", "--exporter.fhir.bulk_data=true",
                "--exporter.csv.export=false", "--exporter.fhir_stu3.export=false", "--exporter.fhir_dstu2.export=false",
                "--exporter.ccda.export=false", "--exporter.text.export=false",
                "--exporter.hospital.fhir.export=false", "--exporter.practitioner.fhir.export=false",
                "--exporter.metadata.export=false",
                // Not flattened by Guichet, and the bulk of Synthea's export time and size. DocumentReference stays:
                // its free-text notes are what the scan test proves never reach the lake.
                "--exporter.fhir.excluded_resources=" + String.join(",", EXCLUDED), STATE);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw new UncheckedIOException(e);
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
