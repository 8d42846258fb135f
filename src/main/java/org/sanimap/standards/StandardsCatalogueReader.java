package org.sanimap.standards;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sanimap.facility.FacilityType;

/** Reads a standards catalogue CSV (see {@code data/standards/SOURCE.md} for the columns). */
final class StandardsCatalogueReader {

    private StandardsCatalogueReader() {
    }

    /** @throws IllegalArgumentException naming the line of the first invalid rule */
    static List<StandardRule> read(Reader csv) throws IOException {
        List<StandardRule> rules = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            for (CSVRecord r : parser) {
                try {
                    rules.add(new StandardRule(r.get("code"), FacilityType.fromCode(r.get("facility_type")),
                            RuleKind.fromCode(r.get("rule_kind")), r.get("area_class"), number(r.get("min_value")),
                            number(r.get("max_value")), r.get("source"), r.get("confidence"),
                            Boolean.parseBoolean(r.get("active")), r.get("note")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + " at line " + parser.getCurrentLineNumber(), e);
                }
            }
        }
        return rules;
    }

    private static Double number(String s) {
        return s == null || s.isBlank() ? null : Double.valueOf(s);
    }
}
