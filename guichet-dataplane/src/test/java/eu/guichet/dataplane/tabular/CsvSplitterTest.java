package eu.guichet.dataplane.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The split points of {@link CsvSplitter} are record boundaries of Commons CSV's own parse: the parts parsed one by one
 * give the records of the whole file, in order, each part as many as the scan counted; a file the whole parse refuses
 * is refused by one of its parts. {@link CsvRecordReader} reads every file and every part as Commons CSV does (the same
 * records, or an error where it fails), except files holding U+FFFE, which the scan reports.
 */
@Tag("unit")
class CsvSplitterTest {

    @TempDir
    Path dir;

    /** Cells made of the characters that matter to the lexer, quoted as a writer would, or not at all (malformed). */
    private static final String[] PIECES = {"a", "b", "é", "€", " ", ",", ";", "\"", "\r", "\n", "\r\n", "\"\"",
        "x\"y", "\t", "\u2003", "\u00a0", "\uD83D\uDE00", "a", "b", ",", "\"", "\n"};

    @Test
    void parts_parse_to_the_records_of_the_whole_file_for_well_formed_and_malformed_files() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        int wellFormed = 0;
        int refused = 0;
        for (int round = 0; round < 400; round++) {
            boolean strict = round % 3 != 0;
            char delimiter = round % 4 == 1 ? ';' : ',';
            byte[] bytes = randomFile(random, delimiter, strict, round % 5 == 0);
            if (round % 17 == 0 && bytes.length > 0) { // malformed UTF-8
                bytes[random.nextInt(bytes.length)] = (byte) (round % 2 == 0 ? 0xC3 : 0xFF);
            }
            if (round % 23 == 0) { // U+FFFE, Commons CSV's disabled escape and comment marker
                bytes = (new String(bytes, StandardCharsets.UTF_8) + "\n\uFFFEx,\uFFFE\n,y").getBytes(StandardCharsets.UTF_8);
            }
            for (long partBytes : new long[] {1, 2, 5, 13, 64, 1 << 20}) {
                if (checkParts(bytes, delimiter, partBytes)) {
                    wellFormed++;
                } else {
                    refused++;
                }
            }
        }
        assertThat(wellFormed).isGreaterThan(1000);
        assertThat(refused).isGreaterThan(50); // the malformed files exercised the other side
    }

    @Test
    void a_file_of_one_header_line_or_nothing_has_no_parts() throws Exception {
        for (String text : new String[] {"", "A,B", "A,B\n", "A,B\r\n", "\"A\nB\",C", "\r"}) {
            Path file = dir.resolve("f.csv");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            try (CsvSplitter splitter = new CsvSplitter(file, ',', 1)) {
                assertThat(splitter.headerEnd()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
                assertThat(splitter.nextPart()).isNull();
            }
        }
    }

    /** True when the whole file parses (then the parts gave the same records); false when both refused it. */
    private boolean checkParts(byte[] bytes, char delimiter, long partBytes) throws IOException {
        Path file = dir.resolve("f.csv");
        Files.write(file, bytes);
        List<List<String>> whole;
        try {
            whole = parse(bytes, 0, bytes.length, delimiter);
        } catch (UncheckedIOException | IOException e) {
            whole = null;
        }
        boolean fffe = new String(bytes, StandardCharsets.UTF_8).indexOf('\uFFFE') >= 0;
        try (CsvSplitter splitter = new CsvSplitter(file, delimiter, partBytes)) {
            splitter.allParts();
            assertThat(splitter.holdsFffe()).isEqualTo(fffe);
        }
        if (fffe) {
            return whole != null;
        }
        assertThat(read(bytes, 0, bytes.length, delimiter)).as("fast reader on the whole file").isEqualTo(whole);
        List<List<String>> fromParts = new ArrayList<>();
        boolean partRefused = false;
        try (CsvSplitter splitter = new CsvSplitter(file, delimiter, partBytes)) {
            long headerEnd = splitter.headerEnd();
            try {
                fromParts.addAll(parse(bytes, 0, (int) headerEnd, delimiter));
            } catch (UncheckedIOException | IOException e) {
                partRefused = true;
            }
            long expectedFirst = 1;
            long previousEnd = headerEnd;
            for (CsvSplitter.Part part = splitter.nextPart(); part != null; part = splitter.nextPart()) {
                assertThat(part.start()).isEqualTo(previousEnd);
                previousEnd = part.end();
                List<List<String>> records;
                try {
                    records = parse(bytes, (int) part.start(), (int) part.end(), delimiter);
                } catch (UncheckedIOException | IOException e) {
                    records = null;
                }
                assertThat(read(bytes, (int) part.start(), (int) part.end(), delimiter)).as("fast reader on a part")
                        .isEqualTo(records);
                if (records == null) {
                    partRefused = true;
                    continue;
                }
                if (whole != null) {
                    assertThat(part.firstRecord()).isEqualTo(expectedFirst);
                    if (!part.last()) {
                        assertThat((long) records.size()).isEqualTo(part.records());
                    }
                }
                expectedFirst += records.size();
                fromParts.addAll(records);
            }
            assertThat(previousEnd).isEqualTo(bytes.length);
        }
        if (whole == null) {
            assertThat(partRefused).as("a part refuses what the whole parse refuses").isTrue();
            return false;
        }
        assertThat(partRefused).isFalse();
        assertThat(fromParts).isEqualTo(whole);
        return true;
    }

    private static List<List<String>> parse(byte[] bytes, int start, int end, char delimiter) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        List<List<String>> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(bytes, start,
                end - start), StandardCharsets.UTF_8.newDecoder()), format)) {
            for (CSVRecord r : parser) {
                out.add(r.toList());
            }
        }
        return out;
    }

    /** The records by {@link CsvRecordReader}, or null when it refuses the input. */
    private static List<List<String>> read(byte[] bytes, int start, int end, char delimiter) {
        CsvRecordReader reader = new CsvRecordReader(new ByteArrayInputStream(bytes, start, end - start), delimiter);
        List<List<String>> out = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        try {
            while (reader.next(cells)) {
                out.add(List.copyOf(cells));
            }
        } catch (IOException e) {
            return null;
        }
        return out;
    }

    private static byte[] randomFile(SplittableRandom random, char delimiter, boolean strict, boolean bom) {
        StringBuilder out = new StringBuilder(bom ? "\uFEFF" : "");
        int records = random.nextInt(0, 12);
        for (int r = 0; r < records; r++) {
            int cells = random.nextInt(1, 5);
            for (int c = 0; c < cells; c++) {
                if (c > 0) {
                    out.append(strict ? delimiter : random.nextBoolean() ? ',' : ';');
                }
                StringBuilder cell = new StringBuilder();
                int n = random.nextInt(0, 5);
                for (int i = 0; i < n; i++) {
                    cell.append(PIECES[random.nextInt(PIECES.length)]);
                }
                if (strict && random.nextInt(3) > 0) {
                    out.append('"').append(cell.toString().replace("\"", "\"\"")).append('"');
                    if (random.nextInt(8) == 0) {
                        out.append(random.nextBoolean() ? " \t" : "\u2003"); // white space after a closing quote
                    }
                } else if (strict) {
                    out.append(cell.toString().replaceAll("[\"\r\n,;]", "_"));
                } else {
                    out.append(cell);
                }
            }
            if (r < records - 1 || random.nextBoolean()) {
                out.append(switch (random.nextInt(4)) {
                    case 0 -> "\r\n";
                    case 1 -> "\r";
                    case 2 -> "\n\n";
                    default -> "\n";
                });
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
