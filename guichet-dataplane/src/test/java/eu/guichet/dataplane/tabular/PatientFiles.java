package eu.guichet.dataplane.tabular;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small holder table with direct identifiers, written as CSV, for pseudonymisation and atomicity tests. */
final class PatientFiles {

    static final TableSchema SCHEMA = new TableSchema("CONSULTATIONS", null, List.of(
            Field.of("NIR", FieldType.STRING).withConstraints(
                    new FieldConstraints(true, false, 13, null, null, null, null, null)),
            Field.of("PATIENT_NO", FieldType.STRING),
            Field.of("NOM", FieldType.STRING),
            Field.of("DATE_NAISSANCE", FieldType.DATE),
            Field.of("CONSULT_ID", FieldType.INTEGER),
            Field.of("ACTE", FieldType.STRING),
            Field.of("MONTANT", FieldType.NUMBER).withConstraints(
                    new FieldConstraints(false, false, null, null, null, null, "0", null))),
            List.of("CONSULT_ID"), List.of("", "NA"), List.of());

    static final Map<String, ColumnTreatment> TREATMENTS = Map.of(
            "NIR", ColumnTreatment.NATIONAL_ID,
            "PATIENT_NO", ColumnTreatment.HOLDER_PATIENT_ID,
            "NOM", ColumnTreatment.REMOVE,
            "DATE_NAISSANCE", ColumnTreatment.BIRTH_DATE_TO_YEAR);

    private PatientFiles() {
    }

    /** A NIR-like national identifier (15 digits), the i-th of the generated population. */
    static String nir(int i) {
        return String.format("%d%02d%02d%05d%03d%02d", 1 + i % 2, 40 + i % 60, 1 + i % 12, 75000 + i % 9000,
                100 + i % 900, i % 97);
    }

    static String name(int i) {
        return "Dupontel" + (char) ('A' + i % 26) + "x" + i;
    }

    static String birthDate(int i) {
        return String.format("19%02d-%02d-%02d", 40 + i % 60, 1 + i % 12, 1 + i % 28);
    }

    /**
     * {@code records} records over {@code persons} persons; every 7th record has a negative amount (quarantined for
     * {@code minimum}), every 11th an unreadable date (quarantined for {@code type}), the last repeats a
     * consultation id.
     */
    static Path write(Path file, int records, int persons) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("NIR,PATIENT_NO,NOM,DATE_NAISSANCE,CONSULT_ID,ACTE,MONTANT\n");
            for (int r = 0; r < records; r++) {
                int p = r % persons;
                String nir = p % 3 == 0 ? spaced(nir(p)) : nir(p);
                String date = r % 11 == 10 ? "31/02/1970" : birthDate(p);
                String amount = r % 7 == 6 ? "-12.5" : Integer.toString(20 + r % 50) + ".5";
                int id = r == records - 1 ? 1 : r + 1;
                w.write(nir + ",H" + (5000 + p) + "," + name(p) + "," + date + "," + id + ",G" + (r % 5) + ","
                        + amount + "\n");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The way some holders write a NIR: grouped with spaces. */
    static String spaced(String nir) {
        return nir.charAt(0) + " " + nir.substring(1, 3) + " " + nir.substring(3, 5) + " " + nir.substring(5, 10)
                + " " + nir.substring(10, 13) + " " + nir.substring(13);
    }

    static Delivery delivery(String datasetId, String holderId, Path csv) {
        return new Delivery(datasetId, holderId, List.of(TableDelivery.csv(SCHEMA, csv, TREATMENTS)));
    }
}
