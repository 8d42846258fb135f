package org.sanimap.ledger;

import java.util.EnumMap;
import java.util.Map;

/**
 * One data row of a ledger file.
 *
 * @param rowNumber the row as a spreadsheet shows it (the header is row 1)
 * @param values    the cells by column, as text; absent or blank cells are missing
 */
public record LedgerRow(int rowNumber, Map<LedgerColumn, String> values) {

    public LedgerRow {
        values = values.isEmpty() ? Map.of() : new EnumMap<>(values);
    }

    /** The cell's text, stripped, or null when blank. */
    public String get(LedgerColumn column) {
        String v = values.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
