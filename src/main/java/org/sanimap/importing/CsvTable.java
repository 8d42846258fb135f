package org.sanimap.importing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A delimited text file read whole, decoded by {@link TextFiles}; delimiter comma, semicolon or tab,
 * chosen from the header line. Row numbers are file line numbers: the header is row 1.
 *
 * @param headers the header names as written
 * @param rows    the data rows, each with its row number
 */
record CsvTable(List<String> headers, List<Row> rows) {

    /** One data row; {@code number} is its line in the file (header = 1). */
    record Row(int number, List<String> values) {
        String get(int column) {
            return column < 0 || column >= values.size() ? null : values.get(column);
        }
    }

    static CsvTable read(Path file) throws IOException {
        String text = TextFiles.decode(Files.readAllBytes(file));
        if (text.isBlank()) {
            throw new ImportRejectedException("file is empty");
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = delimiter(firstLine);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<String> headers = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (headers == null) {
                    headers = values;
                    continue;
                }
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(new Row((int) parser.getCurrentLineNumber(), values));
            }
        } catch (java.io.UncheckedIOException e) {
            throw new ImportRejectedException("not a valid CSV file: " + e.getCause().getMessage());
        }
        if (headers == null) {
            throw new ImportRejectedException("file is empty");
        }
        return new CsvTable(headers, rows);
    }

    /**
     * The index of the first header equal (case-insensitively, ignoring spaces, '_' and '-') to one of
     * the names, or to {@code explicit} when given.
     *
     * @throws ImportRejectedException when {@code explicit} is given but absent
     */
    Optional<Integer> column(String explicit, String... names) {
        if (explicit != null) {
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).trim().equalsIgnoreCase(explicit.trim())) {
                    return Optional.of(i);
                }
            }
            throw new ImportRejectedException("column '" + explicit + "' not found; the header has " + headers);
        }
        for (String name : names) {
            for (int i = 0; i < headers.size(); i++) {
                if (normalize(headers.get(i)).equals(normalize(name))) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    /** Column indexes of the canonical fields that are present, by name. */
    Map<String, Integer> columns(Map<String, List<String>> synonyms) {
        Map<String, Integer> found = new java.util.HashMap<>();
        synonyms.forEach((field, names) -> column(null, names.toArray(new String[0])).ifPresent(i -> found.put(field, i)));
        return found;
    }

    private static String normalize(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("-", "").replace("%", "");
    }

    private static char delimiter(String header) {
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
