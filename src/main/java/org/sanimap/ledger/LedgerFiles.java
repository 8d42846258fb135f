package org.sanimap.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.sanimap.importing.TextFiles;

/**
 * Reads and writes ledger tables: XLSX (first sheet) and CSV (UTF-8, with a BOM on writing so that
 * Excel shows Chinese; GB18030/GBK accepted on reading). Numbers are written as numbers and read back exactly.
 */
final class LedgerFiles {

    private LedgerFiles() {
    }

    /** Whether the bytes are an XLSX (a ZIP) rather than text. */
    static boolean isXlsx(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /**
     * Reads the rows of a ledger file; unknown columns are ignored.
     *
     * @throws IllegalArgumentException when the file has no header naming ledger columns
     */
    static List<LedgerRow> read(byte[] content) throws IOException {
        return isXlsx(content) ? readXlsx(content) : readCsv(content);
    }

    private static List<LedgerRow> readXlsx(byte[] content) throws IOException {
        List<LedgerRow> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (book.getNumberOfSheets() == 0) {
                throw new IllegalArgumentException("the workbook has no sheet");
            }
            Sheet sheet = book.getSheetAt(0);
            Row head = sheet.getRow(sheet.getFirstRowNum());
            if (head == null) {
                throw new IllegalArgumentException("the ledger is empty");
            }
            Map<Integer, LedgerColumn> columns = new java.util.HashMap<>();
            for (Cell cell : head) {
                LedgerColumn.forHeader(formatter.formatCellValue(cell)).ifPresent(c -> columns.put(cell.getColumnIndex(), c));
            }
            requireKnownColumns(columns.values());
            for (int r = head.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<LedgerColumn, String> values = new EnumMap<>(LedgerColumn.class);
                for (Map.Entry<Integer, LedgerColumn> c : columns.entrySet()) {
                    Cell cell = row.getCell(c.getKey());
                    String text = cell == null ? null : text(cell, formatter);
                    if (text != null && !text.isBlank()) {
                        values.put(c.getValue(), text);
                    }
                }
                if (!values.isEmpty()) {
                    rows.add(new LedgerRow(r + 1, values));
                }
            }
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            double v = cell.getNumericCellValue();
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        return formatter.formatCellValue(cell);
    }

    private static List<LedgerRow> readCsv(byte[] content) throws IOException {
        List<LedgerRow> rows = new ArrayList<>();
        try (Reader in = new StringReader(TextFiles.decode(content))) {
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().get().parse(in).getRecords();
            if (records.isEmpty()) {
                throw new IllegalArgumentException("the ledger is empty");
            }
            CSVRecord head = records.get(0);
            Map<Integer, LedgerColumn> columns = new java.util.HashMap<>();
            for (int i = 0; i < head.size(); i++) {
                int index = i;
                LedgerColumn.forHeader(head.get(i)).ifPresent(c -> columns.put(index, c));
            }
            requireKnownColumns(columns.values());
            for (int r = 1; r < records.size(); r++) {
                CSVRecord record = records.get(r);
                Map<LedgerColumn, String> values = new EnumMap<>(LedgerColumn.class);
                for (Map.Entry<Integer, LedgerColumn> c : columns.entrySet()) {
                    if (c.getKey() < record.size() && !record.get(c.getKey()).isBlank()) {
                        values.put(c.getValue(), record.get(c.getKey()));
                    }
                }
                if (!values.isEmpty()) {
                    rows.add(new LedgerRow(r + 1, values));
                }
            }
        }
        return rows;
    }

    private static void requireKnownColumns(java.util.Collection<LedgerColumn> found) {
        if (!found.contains(LedgerColumn.FACILITY_ID)) {
            throw new IllegalArgumentException("the ledger has no 设施编号 (Facility ID) column; export a ledger from "
                    + "Sanimap, edit it and import it again");
        }
    }
}
