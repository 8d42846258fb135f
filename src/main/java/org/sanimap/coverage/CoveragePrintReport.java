package org.sanimap.coverage;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.sanimap.engine.coverage.DemandPoint;
import org.sanimap.engine.coverage.DistrictAssigner;
import org.sanimap.engine.coverage.FacilityPoint;
import org.springframework.web.util.HtmlUtils;

/**
 * A printable HTML coverage report: parameters and the standard with its source, the figures, the
 * district and gap tables, and a static map drawn as inline SVG (demand cells covered or not, the
 * facilities, the ranked gaps and a scale bar) that needs no tiles and prints as is. Every value is
 * HTML-escaped.
 */
final class CoveragePrintReport {

    private static final double MAP_WIDTH = 760;
    private static final double MAP_HEIGHT = 560;

    private CoveragePrintReport() {
    }

    static String html(CoverageService.Outcome outcome) {
        return html(outcome, null, null);
    }

    /**
     * @param earlier the same analysis on an earlier day (the report's "change since" section), or null for none
     * @param trend   the covered population on a series of days up to the report's ("coverage over time"), or null
     */
    static String html(CoverageService.Outcome outcome, CoverageReport earlier, CoverageTrend trend) {
        CoverageReport r = outcome.report();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(e("服务覆盖报告 Coverage report: " + r.type())).append("</title><style>")
                .append("body{font-family:'Noto Sans SC','Microsoft YaHei',sans-serif;margin:24px;color:#222}")
                .append("table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #999;padding:3px 8px;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}h1{font-size:20px}h2{font-size:16px;margin-top:20px}")
                .append(".big{font-size:18px;font-weight:bold}@media print{button{display:none}}</style></head><body>")
                .append("<button onclick=\"window.print()\">打印 Print</button>")
                .append("<h1>").append(e("服务覆盖报告 Coverage report")).append("</h1>")
                .append("<p>").append(e(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))).append("</p>");
        h.append("<h2>参数与标准 Parameters and standard</h2><table>");
        for (String[] p : CoverageTableWriter.parameters(r)) {
            h.append("<tr><th>").append(e(p[0])).append("</th><td>").append(e(p[1])).append("</td></tr>");
        }
        h.append("</table>");
        h.append("<p class=\"big\">").append(e(String.format(Locale.ROOT,
                "覆盖人口 covered: %,.0f / %,.0f (%.2f %%); 未覆盖 uncovered: %,.0f", r.coveredPopulation(), r.totalPopulation(),
                r.coveredPercent(), r.uncoveredPopulation()))).append("</p>");
        if (earlier != null) {
            h.append(change(earlier, r));
        }
        if (trend != null) {
            h.append(overTime(trend));
        }
        if (r.zoning() != null) {
            h.append("<h2>分区半径 Radius zones</h2><table><tr>");
            CoverageTableWriter.ZONE_HEADERS.forEach(header -> h.append("<th>").append(e(header)).append("</th>"));
            h.append("</tr>");
            for (CoverageReport.Zone z : r.zoning().zones()) {
                List<Object> cells = CoverageTableWriter.zoneRow(z);
                h.append("<tr><td>").append(e(cells.get(0).toString())).append("</td>");
                cells.subList(1, cells.size()).forEach(c -> h.append(td(c)));
                h.append("</tr>");
            }
            h.append("</table>");
        }
        h.append("<h2>地图 Map</h2>").append(svg(outcome));
        h.append("<h2>按区 Per district</h2><table><tr>");
        for (String header : CoverageTableWriter.DISTRICT_HEADERS) {
            h.append("<th>").append(e(header)).append("</th>");
        }
        h.append("</tr>");
        for (CoverageReport.District d : r.perDistrict()) {
            h.append("<tr><td>").append(e(d.name())).append("</td>").append(td(d.cells())).append(td(d.coveredCells()))
                    .append(td(Math.round(d.total()))).append(td(Math.round(d.covered())))
                    .append(td(Math.round(d.total() - d.covered())))
                    .append(td(String.format(Locale.ROOT, "%.2f", d.coveredPercent()))).append("</tr>");
        }
        h.append("</table><h2>最大缺口 Largest gaps</h2><table><tr><th>排名 rank</th><th>未覆盖人口 population</th>"
                + "<th>中心 centre</th><th>单元 cells</th><th>面积 km²</th><th>所属区 district</th></tr>");
        for (CoverageReport.GapSummary g : r.gaps()) {
            h.append("<tr><td>").append(g.rank()).append("</td>").append(td(Math.round(g.population())))
                    .append(td(String.format(Locale.ROOT, "%.5f, %.5f", g.lon(), g.lat()))).append(td(g.cells()))
                    .append(td(String.format(Locale.ROOT, "%.2f", g.areaKm2())))
                    .append("<td>").append(e(g.district() == null ? "" : g.district())).append("</td></tr>");
        }
        h.append("</table><p>").append(e("Demand cells count as covered when their centre is within the radius of a "
                + "facility (centroid convention). Gaps join uncovered cells closer than "
                + Math.round(outcome.study().gapLinkMeters()) + " m.")).append("</p></body></html>");
        return h.toString();
    }

    /** The covered share on each day of the series, as a line and as a table (days ahead marked *). */
    private static String overTime(CoverageTrend trend) {
        List<CoverageTrend.Point> points = trend.points();
        StringBuilder h = new StringBuilder("<h2>").append(e("覆盖率走势 Coverage over time (" + trend.step() + ")")).append("</h2>");
        double width = 640;
        double height = 160;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" width=\"").append((int) width).append("\" height=\"")
                .append((int) height).append("\" style=\"border:1px solid #999;background:#fff\">");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double px = 30 + (points.size() == 1 ? 0 : i * (width - 60) / (points.size() - 1));
            double py = height - 20 - points.get(i).coveredPercent() / 100 * (height - 40);
            line.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
        }
        h.append("<text x=\"2\" y=\"24\" font-size=\"10\">100%</text><text x=\"2\" y=\"").append((int) (height - 18))
                .append("\" font-size=\"10\">0%</text><polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" points=\"")
                .append(line).append("\"/></svg>");
        h.append("<table><tr><th>日期 day</th><th>设施 facilities</th><th>覆盖人口 covered</th><th>覆盖率% covered</th></tr>");
        for (CoverageTrend.Point p : points) {
            h.append("<tr><td>").append(e(p.asOf() + (p.projected() ? " *" : ""))).append("</td>").append(td(p.facilityCount()))
                    .append(td(Math.round(p.coveredPopulation())))
                    .append(td(String.format(Locale.ROOT, "%.2f", p.coveredPercent()))).append("</tr>");
        }
        return h.append("</table>").toString();
    }

    /** Covered people and share per district on the earlier day and on the report's, with the change. */
    private static String change(CoverageReport earlier, CoverageReport now) {
        String nowDay = now.asOf() == null ? "今日 today" : now.asOf();
        StringBuilder h = new StringBuilder();
        h.append("<h2>").append(e("覆盖变化 Change since " + earlier.asOf())).append("</h2><p class=\"change\">")
                .append(e(String.format(Locale.ROOT, "%s: %,.0f (%.2f %%, %d 设施 facilities) → %s: %,.0f (%.2f %%, %d); %+,.0f 人 people",
                        earlier.asOf(), earlier.coveredPopulation(), earlier.coveredPercent(), earlier.facilityCount(), nowDay,
                        now.coveredPopulation(), now.coveredPercent(), now.facilityCount(),
                        now.coveredPopulation() - earlier.coveredPopulation()))).append("</p><table><tr><th>区 district</th><th>")
                .append(e(earlier.asOf() + " 覆盖率% covered")).append("</th><th>").append(e(nowDay + " 覆盖率% covered"))
                .append("</th><th>新增覆盖人口 newly covered</th></tr>");
        java.util.Map<String, CoverageReport.District> before = new java.util.HashMap<>();
        earlier.perDistrict().forEach(d -> before.put(d.name(), d));
        for (CoverageReport.District d : now.perDistrict()) {
            CoverageReport.District b = before.get(d.name());
            double was = b == null ? 0 : b.covered();
            h.append("<tr><td>").append(e(d.name())).append("</td>")
                    .append(td(b == null ? "" : String.format(Locale.ROOT, "%.2f", b.coveredPercent())))
                    .append(td(String.format(Locale.ROOT, "%.2f", d.coveredPercent())))
                    .append(td(String.format(Locale.ROOT, "%+,.0f", d.covered() - was))).append("</tr>");
        }
        return h.append("</table>").toString();
    }

    private static String svg(CoverageService.Outcome outcome) {
        List<DemandPoint> demand = outcome.study().demand();
        List<FacilityPoint> facilities = outcome.facilities();
        double minLon = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        double minLat = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        double maxPopulation = 1;
        for (DemandPoint d : demand) {
            minLon = Math.min(minLon, d.lonWgs84());
            maxLon = Math.max(maxLon, d.lonWgs84());
            minLat = Math.min(minLat, d.latWgs84());
            maxLat = Math.max(maxLat, d.latWgs84());
            maxPopulation = Math.max(maxPopulation, d.population());
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append((int) MAP_WIDTH).append("\" height=\"")
                .append((int) MAP_HEIGHT).append("\" style=\"border:1px solid #999;background:#f4f6f8\">");
        if (demand.isEmpty()) {
            return s.append("</svg>").toString();
        }
        double kx = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max(1e-9, (maxLon - minLon) * kx);
        double spanY = Math.max(1e-9, maxLat - minLat);
        double scale = Math.min((MAP_WIDTH - 40) / spanX, (MAP_HEIGHT - 60) / spanY);
        final double lon0 = minLon;
        final double lat1 = maxLat;
        java.util.function.DoubleUnaryOperator x = lon -> 20 + (lon - lon0) * kx * scale;
        java.util.function.DoubleUnaryOperator y = lat -> 20 + (lat1 - lat) * scale;
        // district outlines under the cells, each named at a point inside it
        for (DistrictAssigner.NamedArea a : outcome.areas()) {
            StringBuilder path = new StringBuilder();
            for (int k = 0; k < a.areaWgs84().getNumGeometries(); k++) {
                Polygon polygon = (Polygon) a.areaWgs84().getGeometryN(k);
                for (int r = -1; r < polygon.getNumInteriorRing(); r++) {
                    Coordinate[] ring = (r < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r)).getCoordinates();
                    for (int c = 0; c < ring.length; c++) {
                        path.append(c == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ",
                                x.applyAsDouble(ring[c].x), y.applyAsDouble(ring[c].y)));
                    }
                    path.append("Z ");
                }
            }
            Point inside = a.areaWgs84().getInteriorPoint();
            s.append("<path class=\"district\" d=\"").append(path.toString().trim())
                    .append("\" fill=\"none\" stroke=\"#555\" stroke-width=\"1\"/>")
                    .append(String.format(Locale.ROOT, "<text class=\"district-name\" x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
                            + "fill=\"#333\" text-anchor=\"middle\">", x.applyAsDouble(inside.getX()), y.applyAsDouble(inside.getY())))
                    .append(e(a.name())).append("</text>");
        }
        for (int i = 0; i < demand.size(); i++) {
            DemandPoint d = demand.get(i);
            boolean covered = outcome.study().coverage().isCovered(i);
            double radius = 1.5 + 5 * Math.sqrt(d.population() / maxPopulation);
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.6\"/>",
                    x.applyAsDouble(d.lonWgs84()), y.applyAsDouble(d.latWgs84()), radius, covered ? "#2e7d32" : "#c62828"));
        }
        for (FacilityPoint f : facilities) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"6\" fill=\"#111\"/>",
                    x.applyAsDouble(f.lonWgs84()) - 3, y.applyAsDouble(f.latWgs84()) - 3));
        }
        for (CoverageReport.GapSummary g : outcome.report().gaps().subList(0, Math.min(10, outcome.report().gaps().size()))) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" font-weight=\"bold\" "
                    + "fill=\"#7f0000\">%d</text>", x.applyAsDouble(g.lon()) + 4, y.applyAsDouble(g.lat()) - 4, g.rank()));
        }
        // scale bar of 1 km (or 10 km for large areas)
        double metresPerPixel = Math.toRadians(1) * 6_371_008.8 / scale;
        double barMetres = metresPerPixel * 150 > 10_000 ? 10_000 : 1_000;
        double barPixels = barMetres / metresPerPixel;
        double by = MAP_HEIGHT - 18;
        s.append(String.format(Locale.ROOT, "<line x1=\"20\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" stroke-width=\"3\"/>"
                + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%s</text>", by, 20 + barPixels, by, 26 + barPixels, by + 4,
                barMetres >= 10_000 ? "10 km" : "1 km"));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%s</text>", MAP_WIDTH - 330, by + 4,
                e("● 已覆盖 covered  ● 未覆盖 uncovered  ■ 设施 facility")));
        return s.append("</svg>").toString();
    }

    private static String td(Object v) {
        return "<td>" + e(String.valueOf(v)) + "</td>";
    }

    private static String e(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
    }
}
