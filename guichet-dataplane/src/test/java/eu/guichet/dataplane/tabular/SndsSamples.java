package eu.guichet.dataplane.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SNDS test resources (see src/test/resources/snds/README.md), copied to a temporary directory. */
final class SndsSamples {

    /** Folder/table of every sample. */
    static final List<String> TABLES = List.of("BENEFICIAIRE/IR_BEN_R", "BENEFICIAIRE/IR_IBA_R",
            "Causes_de_deces/KI_CCI_R", "Causes_de_deces/KI_ECD_R", "DCIR/ER_BIO_F", "DCIR/ER_ETE_F", "DCIR/ER_PHA_F",
            "DCIR/ER_PRS_F", "PMSI/PMSI_MCO/T_MCOaaA", "PMSI/PMSI_MCO/T_MCOaaB", "PMSI/PMSI_MCO/T_MCOaaC",
            "PMSI/PMSI_MCO/T_MCOaaD");

    /** Direct identifiers of the SNDS samples (pseudonymous national person identifiers in the SNDS). */
    static final Map<String, ColumnTreatment> IDENTIFIERS = Map.of(
            "BEN_NIR_PSA", ColumnTreatment.NATIONAL_ID,
            "BEN_NIR_ANO", ColumnTreatment.NATIONAL_ID,
            "ASS_NIR_ANO", ColumnTreatment.NATIONAL_ID,
            "BEN_IDT_ANO", ColumnTreatment.NATIONAL_ID,
            "NIR_ANO_17", ColumnTreatment.NATIONAL_ID,
            "NIR_ANO_MAM", ColumnTreatment.NATIONAL_ID);

    private SndsSamples() {
    }

    static TableSchema schema(String table) {
        try (InputStream in = resource("schemas/" + table + ".json")) {
            return TableSchema.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path csv(String table, Path dir) {
        Path target = dir.resolve(table.substring(table.lastIndexOf('/') + 1) + ".csv");
        try (InputStream in = resource("synthetic/" + table + ".csv")) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TableDelivery table(String table, Path dir) {
        TableSchema schema = schema(table);
        Map<String, ColumnTreatment> treatments = new HashMap<>();
        IDENTIFIERS.forEach((column, treatment) -> {
            if (schema.findField(column).isPresent()) {
                treatments.put(column, treatment);
            }
        });
        return TableDelivery.csv(schema, csv(table, dir), treatments);
    }

    static Delivery all(Path dir) {
        List<TableDelivery> tables = new ArrayList<>();
        for (String t : TABLES) {
            tables.add(table(t, dir));
        }
        return new Delivery("FR-SNDS-SAMPLE", "CNAM", tables);
    }

    private static InputStream resource(String path) {
        InputStream in = SndsSamples.class.getResourceAsStream("/snds/" + path);
        if (in == null) {
            throw new IllegalArgumentException("No test resource snds/" + path);
        }
        return in;
    }
}
