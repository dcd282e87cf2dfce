package eu.guichet.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import eu.guichet.dataplane.tabular.Field;
import eu.guichet.dataplane.tabular.FieldConstraints;
import eu.guichet.dataplane.tabular.FieldType;
import eu.guichet.dataplane.tabular.TableSchema;

/**
 * SNDS-like claims generated directly (far above Synthea's reach), seeded: persons repeat with a skew (a few persons
 * have many claims, many have few), act codes follow a power law over 2,000 codes, care dates spread over 2015–2024,
 * birth years over 1930–2024, amounts log-normal; one row in a thousand has a negative amount (rejected by the
 * schema's minimum). Synthetic: no real person.
 */
final class SndsData {

    static final int CODES = 2_000;
    static final int FIRST_YEAR = 2015;
    static final int YEARS = 10;

    private SndsData() {
    }

    /** The national identifier (NIR-shaped, 15 digits) of synthetic person {@code p}. */
    static String nir(int p) {
        return String.format("%d%02d%02d%05d%03d%02d", 1 + p % 2, 30 + p % 70, 1 + p % 12, 10000 + p % 90000,
                100 + (p / 90000) % 900, p % 97);
    }

    /** A person drawn with a skew: person 0..persons-1, the low ones (scattered by a hash) far more often. */
    static int person(SplittableRandom random, int persons) {
        double u = random.nextDouble();
        long skewed = (long) (u * u * persons);
        return (int) ((skewed * 2_654_435_761L) % persons);
    }

    /** An act code drawn from a power law: code 0 is the most frequent. */
    static int code(SplittableRandom random) {
        double u = random.nextDouble();
        return (int) (u * u * u * CODES);
    }

    static String codeText(int code) {
        return "" + (char) ('A' + code % 26) + (char) ('A' + (code / 26) % 26) + "AA" + (100 + code % 900);
    }

    /**
     * Writes {@code rows} claims of {@code persons} possible persons to {@code csv}; returns the distinct national
     * identifiers that occur (the baseline hashes exactly these).
     */
    static List<String> writeClaims(Path csv, long rows, int persons, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] seen = new boolean[persons];
        String[] nirs = new String[persons];
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("NIR,DATE_NAISSANCE,CLAIM_ID,DATE_SOINS,ACTE,MONTANT\n");
            StringBuilder line = new StringBuilder(96);
            for (long r = 0; r < rows; r++) {
                int p = person(random, persons);
                if (!seen[p]) {
                    seen[p] = true;
                    nirs[p] = nir(p);
                }
                int day = random.nextInt(YEARS * 365);
                line.setLength(0);
                line.append(nirs[p]).append(',').append(1930 + p % 95).append('-').append(pad(1 + p % 12))
                        .append('-').append(pad(1 + p % 28)).append(',').append(r + 1).append(',')
                        .append(FIRST_YEAR + day / 365).append('-').append(pad(1 + (day % 365) / 31 % 12))
                        .append('-').append(pad(1 + day % 28)).append(',').append(codeText(code(random)))
                        .append(',');
                if (r % 1000 == 999) {
                    line.append("-1");
                } else {
                    line.append(Math.round(Math.exp(3 + random.nextGaussian()) * 100) / 100.0);
                }
                w.append(line.append('\n'));
            }
        }
        java.util.ArrayList<String> distinct = new java.util.ArrayList<>();
        for (int p = 0; p < persons; p++) {
            if (seen[p]) {
                distinct.add(nirs[p]);
            }
        }
        return distinct;
    }

    static TableSchema claimsSchema() {
        return new TableSchema("CLAIMS", null, List.of(
                Field.of("NIR", FieldType.STRING).withConstraints(
                        new FieldConstraints(true, false, 13, 15, null, null, null, null)),
                Field.of("DATE_NAISSANCE", FieldType.DATE),
                Field.of("CLAIM_ID", FieldType.INTEGER),
                Field.of("DATE_SOINS", FieldType.DATE),
                Field.of("ACTE", FieldType.STRING).withConstraints(
                        new FieldConstraints(false, false, null, null, "[A-Z]{4}\\d{3}", null, null, null)),
                Field.of("MONTANT", FieldType.NUMBER).withConstraints(
                        new FieldConstraints(false, false, null, null, null, null, "0", "100000"))),
                List.of("CLAIM_ID"), List.of(""), List.of());
    }

    private static String pad(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
