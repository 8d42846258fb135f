package org.sanimap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilityType;
import org.sanimap.importing.OsmFacilityReader;
import org.sanimap.importing.OsmReadOptions;
import org.sanimap.testing.Haversine;

class CoverageCommandTest {

    static final Path SHARED = Path.of(System.getenv().getOrDefault("SANIMAP_TEST_SHARED_DIR", "../shared"));
    static final Path POA = SHARED.resolve("data/porto-alegre");

    @TempDir
    Path dir;

    @Test
    void portoAlegreToiletCoverageEqualsBruteForce() throws Exception {
        Path out = dir.resolve("report.json");
        int code = CoverageCommand.run(List.of("--facilities", POA.resolve("poa_osm.pbf").toString(), "--demand",
                POA.resolve("poa_hexgrid.csv").toString(), "--type", "public_toilet", "--radius-meters", "300",
                "--metric", "euclidean", "--out", out.toString()), new PrintStream(new ByteArrayOutputStream()), System.err);
        assertThat(code).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toFile());

        // brute force: every hexagon against every OSM toilet, with the test's own haversine
        List<double[]> toilets = osmToilets();
        assertThat(toilets).hasSize(11);
        double covered = 0;
        double total = 0;
        int coveredCells = 0;
        for (double[] cell : hexagons()) {
            double lon = cell[0];
            double lat = cell[1];
            double population = cell[2];
            total += population;
            for (double[] t : toilets) {
                if (Haversine.meters(lon, lat, t[0], t[1]) <= 300) {
                    covered += population;
                    coveredCells++;
                    break;
                }
            }
        }
        assertThat(report.path("totalPopulation").asDouble()).isEqualTo(total);
        assertThat(report.path("coveredPopulation").asDouble()).isEqualTo(covered);
        assertThat(report.path("coveredCells").asInt()).isEqualTo(coveredCells);
        assertThat(report.path("cells").asInt()).isEqualTo(1227);
        assertThat(report.path("perDistrict").get(0).path("covered").asDouble()).isEqualTo(covered);
        assertThat(report.path("perDistrict").get(0).path("total").asDouble()).isEqualTo(total);
        assertThat(report.path("timingsMillis").has("load")).isTrue();
        assertThat(report.path("timingsMillis").has("build")).isTrue();
        assertThat(report.path("timingsMillis").has("compute")).isTrue();
    }

    @Test
    void districtsSplitTheFiguresAndCsvFacilitiesTakeTheRequestedType() throws Exception {
        Path facilities = twoCollectionPoints();
        Path demand = threeCells();
        Path districts = dir.resolve("p.geojson");
        Files.writeString(districts, "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"West\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[-1,-1],[0.07,-1],[0.07,1],[-1,1],[-1,-1]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"East\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[0.07,-1],[1,-1],[1,1],[0.07,1],[0.07,-1]]]}}]}");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = CoverageCommand.run(List.of("--facilities", facilities.toString(), "--demand", demand.toString(),
                "--districts", districts.toString(), "--type", "collection_point", "--radius-meters", "120", "--out", "-"),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        JsonNode report = new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
        // a: 111 m from (0,0) -> covered; b: 111 m from (0.1,0) -> covered; c: 5.5 km from both -> not
        assertThat(report.path("coveredPopulation").asDouble()).isEqualTo(30.0);
        assertThat(report.path("facilityCount").asInt()).isEqualTo(2);
        assertWestAndEastSplit(report);
    }

    /** Collection points at (0, 0) and (0.1, 0), CSV without a type column. */
    private Path twoCollectionPoints() throws Exception {
        Path facilities = dir.resolve("f.csv");
        Files.writeString(facilities, "lon,lat\n0,0\n0.1,0\n");
        return facilities;
    }

    /** a (10 people) and c (40) west of lon 0.07, b (20) east of it. */
    private Path threeCells() throws Exception {
        Path demand = dir.resolve("d.csv");
        Files.writeString(demand, "id,lon,lat,population\na,0.001,0,10\nb,0.1,0.001,20\nc,0.05,0,40\n");
        return demand;
    }

    /** East holds b (covered), West a (covered) and c (not): counted by hand from the cells above. */
    private static void assertWestAndEastSplit(JsonNode report) {
        JsonNode east = report.path("perDistrict").get(0);
        JsonNode west = report.path("perDistrict").get(1);
        assertThat(east.path("name").asText()).isEqualTo("East");
        assertThat(east.path("covered").asDouble()).isEqualTo(20.0);
        assertThat(east.path("total").asDouble()).isEqualTo(20.0);
        assertThat(west.path("name").asText()).isEqualTo("West");
        assertThat(west.path("covered").asDouble()).isEqualTo(10.0);
        assertThat(west.path("total").asDouble()).isEqualTo(50.0);
    }

    @Test
    void districtsComeFromAnOsmExtractsBoundariesOfTheNamedLevel() throws Exception {
        Path facilities = twoCollectionPoints();
        Path demand = threeCells();
        // West and East as two admin_level 8 relations sharing the way along lon 0.07
        Path extract = dir.resolve("districts.osm");
        Files.writeString(extract, "<osm version='0.6'>"
                + "<node id='1' lon='-1' lat='-1'/><node id='2' lon='0.07' lat='-1'/><node id='3' lon='0.07' lat='1'/>"
                + "<node id='4' lon='-1' lat='1'/><node id='5' lon='1' lat='-1'/><node id='6' lon='1' lat='1'/>"
                + "<way id='10'><nd ref='2'/><nd ref='3'/></way>"
                + "<way id='11'><nd ref='3'/><nd ref='4'/><nd ref='1'/><nd ref='2'/></way>"
                + "<way id='12'><nd ref='3'/><nd ref='6'/><nd ref='5'/><nd ref='2'/></way>"
                + "<relation id='20'><member type='way' ref='10' role='outer'/><member type='way' ref='11' role='outer'/>"
                + "<tag k='type' v='boundary'/><tag k='boundary' v='administrative'/><tag k='admin_level' v='8'/>"
                + "<tag k='name' v='West'/></relation>"
                + "<relation id='21'><member type='way' ref='10' role='outer'/><member type='way' ref='12' role='outer'/>"
                + "<tag k='type' v='boundary'/><tag k='boundary' v='administrative'/><tag k='admin_level' v='8'/>"
                + "<tag k='name' v='East'/></relation></osm>");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = CoverageCommand.run(List.of("--facilities", facilities.toString(), "--demand", demand.toString(),
                "--districts", extract.toString(), "--admin-level", "8", "--type", "collection_point", "--radius-meters",
                "120", "--out", "-"), new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        JsonNode report = new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
        // as with the GeoJSON districts above
        assertWestAndEastSplit(report);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(CoverageCommand.run(List.of("--facilities", facilities.toString(), "--demand", demand.toString(),
                "--districts", extract.toString(), "--type", "collection_point", "--radius-meters", "120", "--out", "-"),
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: name the admin_level of the boundaries to import "
                + "(adminLevel=, or --admin-level on the command line); districts.osm has admin_level 8 (2 boundaries)");
    }

    @Test
    void portoAlegreByLandUseServesResidentialLandWithinItsRadiusAsBruteForceFinds() throws Exception {
        // north of latitude -30.05 residential land (500 m), south of it commercial land given no radius (300 m)
        Path zones = dir.resolve("landuse.geojson");
        Files.writeString(zones, "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"landuse\":\"residential\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[-51.4,-30.05],[-51.0,-30.05],[-51.0,-29.9],[-51.4,-29.9],[-51.4,-30.05]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"landuse\":\"commercial\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[-51.4,-30.3],[-51.0,-30.3],[-51.0,-30.05],[-51.4,-30.05],[-51.4,-30.3]]]}}]}",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("zoned.json");
        int code = CoverageCommand.run(List.of("--facilities", POA.resolve("poa_osm.pbf").toString(), "--demand",
                POA.resolve("poa_hexgrid.csv").toString(), "--type", "public_toilet", "--radius-meters", "300",
                "--zones", zones.toString(), "--zone-property", "landuse", "--zone-radius", "residential=500",
                "--out", out.toString()), new PrintStream(new ByteArrayOutputStream()), System.err);
        assertThat(code).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toFile());

        List<double[]> toilets = osmToilets();
        double covered = 0;
        double residential = 0;
        double residentialCovered = 0;
        for (double[] cell : hexagons()) {
            double lon = cell[0];
            double lat = cell[1];
            double population = cell[2];
            boolean north = lat >= -30.05 && lat <= -29.9 && lon >= -51.4 && lon <= -51.0;
            double radius = north ? 500 : 300;
            boolean reached = false;
            for (double[] t : toilets) {
                reached |= Haversine.meters(lon, lat, t[0], t[1]) <= radius;
            }
            covered += reached ? population : 0;
            residential += north ? population : 0;
            residentialCovered += north && reached ? population : 0;
        }
        assertThat(report.path("coveredPopulation").asDouble()).isEqualTo(covered);
        JsonNode zoneRows = report.path("zoning").path("zones");
        assertThat(zoneRows.get(0).path("name").asText()).isEqualTo("residential");
        assertThat(zoneRows.get(0).path("radiusMeters").asDouble()).isEqualTo(500);
        assertThat(zoneRows.get(0).path("total").asDouble()).isEqualTo(residential);
        assertThat(zoneRows.get(0).path("covered").asDouble()).isEqualTo(residentialCovered);
        assertThat(report.path("zoning").path("zonesWithoutRule").toString()).isEqualTo("[\"commercial\"]");
        assertThat(residentialCovered).isGreaterThan(0);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(CoverageCommand.run(List.of("--facilities", POA.resolve("poa_osm.pbf").toString(), "--demand",
                POA.resolve("poa_hexgrid.csv").toString(), "--type", "public_toilet", "--radius-meters", "300",
                "--zones", zones.toString(), "--zone-property", "landuse", "--zone-radius", "park=400",
                "--out", out.toString()), System.out, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--zone-radius names 'park', which landuse.geojson has no "
                + "area of; it has [commercial, residential]");
    }

    /** The hexagons of the demo's population CSV as (lon, lat, population), split by hand. */
    private static List<double[]> hexagons() throws Exception {
        List<double[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(POA.resolve("poa_hexgrid.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            out.add(new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3])});
        }
        return out;
    }

    /** The demo extract's public toilets as (lon, lat), read with the OSM reader. */
    private static List<double[]> osmToilets() throws Exception {
        List<double[]> toilets = new ArrayList<>();
        for (FacilityAttributes f : new OsmFacilityReader(OsmReadOptions.defaults()).readPbf(POA.resolve("poa_osm.pbf")).facilities()) {
            if (f.type() == FacilityType.PUBLIC_TOILET) {
                toilets.add(new double[] {f.lonWgs84(), f.latWgs84()});
            }
        }
        return toilets;
    }

    @Test
    void badArgumentsExitWithTwoAndAMessage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CoverageCommand.run(List.of("--facilities", "nope.csv", "--demand", "x", "--type", "public_toilet",
                "--radius-meters", "300", "--out", "-"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: file not found: nope.csv");
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertThat(CoverageCommand.run(List.of("--type", "castle"), System.out, new PrintStream(err2, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(err2.toString(StandardCharsets.UTF_8)).contains("unknown facility type 'castle'");
    }
    @Test
    void helpPrintsTheUsageOfEachCommandAndSucceeds() {
        for (String help : List.of("--help", "-h")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(CoverageCommand.run(List.of(help), new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar sanimap.jar coverage --facilities F");
            ByteArrayOutputStream siteOut = new ByteArrayOutputStream();
            assertThat(SiteCommand.run(List.of("--model", "mclp", help), new PrintStream(siteOut, true, StandardCharsets.UTF_8),
                    System.err)).isZero();
            assertThat(siteOut.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar sanimap.jar site --model lscp|mclp");
        }
    }
}
