package org.sanimap.coverage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a coverage report as tables: CSV (UTF-8 with BOM, so Excel opens Chinese text correctly) of
 * the districts with a total row, and XLSX with three sheets: districts, gaps and parameters.
 * Headers are bilingual (Chinese / English), as bureau ledgers are read by both.
 */
final class CoverageTableWriter {

    static final List<String> DISTRICT_HEADERS = List.of("区 district", "人口单元 cells", "覆盖单元 covered cells",
            "人口 population", "覆盖人口 covered population", "未覆盖人口 uncovered population", "覆盖率% covered percent");

    private CoverageTableWriter() {
    }

    static byte[] csv(CoverageReport report) {
        return csvWithBom(DISTRICT_HEADERS, csv -> {
            for (CoverageReport.District d : report.perDistrict()) {
                csv.printRecord(d.name(), d.cells(), d.coveredCells(), round(d.total()), round(d.covered()),
                        round(d.total() - d.covered()), percent(d.coveredPercent()));
            }
            csv.printRecord("合计 total", report.cells(), report.coveredCells(), round(report.totalPopulation()),
                    round(report.coveredPopulation()), round(report.uncoveredPopulation()), percent(report.coveredPercent()));
        });
    }

    /** What a table writes after its header row. */
    private interface Rows {
        void print(CSVPrinter csv) throws IOException;
    }

    /** A CSV in UTF-8 with a byte-order mark (so that Excel reads the Chinese headers), the headers, then the rows. */
    private static byte[] csvWithBom(List<String> headers, Rows rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            w.write('\uFEFF');
            csv.printRecord(headers);
            rows.print(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static final List<String> TREND_HEADERS = List.of("日期 day", "区 district", "设施数 facilities", "人口 population",
            "覆盖人口 covered population", "覆盖率% covered percent", "按计划预测 projected as planned");

    /** Per day of the trend, a total row (with the facilities counted) and a row per district. */
    static byte[] trendCsv(CoverageTrend trend) {
        return csvWithBom(TREND_HEADERS, csv -> {
            for (List<Object> row : trendRows(trend)) {
                csv.printRecord(row);
            }
        });
    }

    /** The trend as a workbook: the same rows as {@link #trendCsv}, on one sheet. */
    static byte[] trendXlsx(CoverageTrend trend) {
        return oneSheet("趋势 trend", TREND_HEADERS, trendRows(trend));
    }

    private static List<List<Object>> trendRows(CoverageTrend trend) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (CoverageTrend.Point p : trend.points()) {
            String projected = p.projected() ? "是 yes" : "";
            rows.add(List.of(p.asOf().toString(), "合计 total", p.facilityCount(), round(p.totalPopulation()),
                    round(p.coveredPopulation()), percent(p.coveredPercent()), projected));
            for (CoverageReport.District d : p.perDistrict()) {
                rows.add(List.of(p.asOf().toString(), d.name(), "", round(d.total()), round(d.covered()), percent(d.coveredPercent()),
                        projected));
            }
        }
        return rows;
    }

    static final List<String> BY_TYPE_HEADERS = List.of("设施类型 facility type", "半径(米) radius (m)", "标准 standard",
            "区 district", "人口 population", "覆盖人口 covered population", "未覆盖人口 uncovered population",
            "覆盖率% covered percent");

    /** One row per facility type and district, plus a total row per type: the campaign table. */
    static byte[] byTypeCsv(List<CoverageReport> reports) {
        return csvWithBom(BY_TYPE_HEADERS, csv -> {
            for (List<Object> row : byTypeRows(reports)) {
                csv.printRecord(row);
            }
        });
    }

    static byte[] byTypeXlsx(List<CoverageReport> reports) {
        return oneSheet("按类型 by type", BY_TYPE_HEADERS, byTypeRows(reports));
    }

    /** A workbook of one sheet: bold headers, then the rows, columns sized to their content. */
    private static byte[] oneSheet(String name, List<String> headers, List<List<Object>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = book.createSheet(name);
            header(sheet, bold, headers);
            int r = 1;
            for (List<Object> row : rows) {
                row(sheet.createRow(r++), row.toArray());
            }
            for (int c = 0; c < headers.size(); c++) {
                sheet.autoSizeColumn(c);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<Object>> byTypeRows(List<CoverageReport> reports) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (CoverageReport report : reports) {
            String standard = (report.standard() == null ? "" : report.standard().source())
                    + (report.zoning() == null ? "" : "; 分区半径 radius zones: " + zoningText(report));
            for (CoverageReport.District d : report.perDistrict()) {
                rows.add(List.of(report.type(), report.radiusMeters(), standard, d.name(), round(d.total()), round(d.covered()),
                        round(d.total() - d.covered()), percent(d.coveredPercent())));
            }
            rows.add(List.of(report.type(), report.radiusMeters(), standard, "合计 total", round(report.totalPopulation()),
                    round(report.coveredPopulation()), round(report.uncoveredPopulation()), percent(report.coveredPercent())));
        }
        return rows;
    }

    static byte[] xlsx(CoverageReport report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet districts = book.createSheet("按区 districts");
            header(districts, bold, DISTRICT_HEADERS);
            int r = 1;
            for (CoverageReport.District d : report.perDistrict()) {
                row(districts.createRow(r++), d.name(), d.cells(), d.coveredCells(), round(d.total()), round(d.covered()),
                        round(d.total() - d.covered()), percent(d.coveredPercent()));
            }
            row(districts.createRow(r), "合计 total", report.cells(), report.coveredCells(), round(report.totalPopulation()),
                    round(report.coveredPopulation()), round(report.uncoveredPopulation()), percent(report.coveredPercent()));
            Sheet gaps = book.createSheet("缺口 gaps");
            header(gaps, bold, List.of("排名 rank", "未覆盖人口 population", "经度 lon", "纬度 lat", "单元 cells", "面积 km2",
                    "所属区 district"));
            r = 1;
            for (CoverageReport.GapSummary g : report.gaps()) {
                row(gaps.createRow(r++), g.rank(), round(g.population()), g.lon(), g.lat(), g.cells(), g.areaKm2(),
                        g.district() == null ? "" : g.district());
            }
            Sheet params = book.createSheet("参数 parameters");
            header(params, bold, List.of("参数 parameter", "值 value"));
            r = 1;
            for (String[] p : parameters(report)) {
                row(params.createRow(r++), p[0], p[1]);
            }
            if (report.zoning() != null) {
                Sheet zones = book.createSheet("分区半径 zones");
                header(zones, bold, ZONE_HEADERS);
                int zr = 1;
                for (CoverageReport.Zone z : report.zoning().zones()) {
                    row(zones.createRow(zr++), zoneRow(z).toArray());
                }
            }
            for (Sheet s : List.of(districts, gaps, params)) {
                for (int c = 0; c < 7; c++) {
                    s.autoSizeColumn(c);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analysis parameters as label/value pairs, shared with the printable report. */
    static List<String[]> parameters(CoverageReport report) {
        String standard = report.standard() == null ? "radius given by the user 用户指定半径"
                : report.standard().source() + " (" + report.standard().code() + ", confidence " + report.standard().confidence() + ")";
        List<String[]> out = new java.util.ArrayList<>(List.of(
                new String[] {"设施类型 facility type", report.type()},
                new String[] {"距离 metric", report.metric().equals("walking") ? "步行 walking (network)" : "直线 straight line"},
                new String[] {"服务半径 radius (m)", Double.toString(report.radiusMeters())},
                new String[] {"标准 standard", standard},
                new String[] {"计入状态 statuses counted", String.join(", ", report.statuses())},
                new String[] {"设施截至 facilities as of", report.asOf() == null ? "当前登记 today's registry" : report.asOf()},
                new String[] {"设施数 facilities", Integer.toString(report.facilityCount())},
                new String[] {"人口图层 demand layer", report.demandLayer()},
                new String[] {"分区图层 district layer", report.districtLayer() == null ? "全部 every layer" : report.districtLayer()}));
        if (report.zoning() != null) {
            out.add(new String[] {"分区半径 radius zones", zoningText(report)});
        }
        return out;
    }

    /** The radii by zone in one line: "用地: residential 500 m (rule); outside zones 300 m; no rule: commercial". */
    static String zoningText(CoverageReport report) {
        CoverageReport.Zoning z = report.zoning();
        StringBuilder s = new StringBuilder(z.layer()).append(": ");
        s.append(String.join("; ", z.zones().stream().map(zone -> zone.name() + " " + fmt(zone.radiusMeters()) + " m"
                + (zone.rule() == null ? "" : " (" + zone.rule() + ")")).toList()));
        if (!z.zonesWithoutRule().isEmpty()) {
            s.append("; 无规则 no rule: ").append(String.join(", ", z.zonesWithoutRule()));
        }
        return s.toString();
    }

    private static String fmt(double meters) {
        return meters == Math.rint(meters) ? Long.toString((long) meters) : Double.toString(meters);
    }

    /** Headers of the per-zone table (Excel sheet, printable report). */
    static final List<String> ZONE_HEADERS = List.of("分区 zone", "半径 radius (m)", "规则 rule", "单元 cells", "覆盖单元 covered cells",
            "人口 population", "覆盖人口 covered", "覆盖率% covered");

    /** One row of the per-zone table. */
    static List<Object> zoneRow(CoverageReport.Zone z) {
        return java.util.Arrays.asList(z.name(), z.radiusMeters(), z.rule() == null ? "" : z.rule(), z.cells(), z.coveredCells(),
                round(z.total()), round(z.covered()), percent(z.coveredPercent()));
    }

    private static void header(Sheet sheet, CellStyle bold, List<String> names) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < names.size(); c++) {
            row.createCell(c).setCellValue(names.get(c));
            row.getCell(c).setCellStyle(bold);
        }
    }

    private static void row(Row row, Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else {
                row.createCell(c).setCellValue(v == null ? "" : v.toString());
            }
        }
    }

    private static long round(double people) {
        return Math.round(people);
    }

    private static double percent(double p) {
        return Math.round(p * 100) / 100.0;
    }
}
