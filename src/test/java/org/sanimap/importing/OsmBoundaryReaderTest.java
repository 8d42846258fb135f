package org.sanimap.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.sanimap.demand.PlanningArea;

class OsmBoundaryReaderTest {

    @TempDir
    Path dir;

    /**
     * Boundaries in degrees near (0, 0), so their areas in square degrees are counted by hand: Alpha a
     * 2 x 2 square with a 0.5 x 0.5 hole (3.75), Beta the 2 x 2 square beside it sharing one way (4), Gamma a
     * 3 x 3 square with a 1 x 1 hole tagged without a role and a 0.5 x 0.5 island in the hole (9 - 1 + 0.25),
     * a closed way also named Alpha (1), Eta a relation whose only member is a closed boundary way (1, counted
     * once), Delta with a way missing from the file, Epsilon whose ways do not close, Theta at another level.
     */
    private Path extract() throws IOException {
        StringBuilder osm = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6'>\n");
        double[][] xy = {{0, 0}, {2, 0}, {2, 2}, {0, 2}, {4, 0}, {4, 2}, {0.5, 0.5}, {1, 0.5}, {1, 1}, {0.5, 1},
            {10, 0}, {13, 0}, {13, 3}, {10, 3}, {11, 1}, {12, 1}, {12, 2}, {11, 2},
            {11.25, 1.25}, {11.75, 1.25}, {11.75, 1.75}, {11.25, 1.75},
            {20, 0}, {21, 0}, {21, 1}, {20, 1}, {30, 0}, {31, 0}, {31, 1}, {30, 1}, {40, 0}, {41, 0}, {41, 1}};
        for (int i = 0; i < xy.length; i++) {
            osm.append("<node id='").append(i + 1).append("' lon='").append(xy[i][0]).append("' lat='").append(xy[i][1])
                    .append("'/>\n");
        }
        way(osm, 1, "", 1, 2);
        way(osm, 2, "<tag k='boundary' v='administrative'/><tag k='admin_level' v='8'/>", 2, 3);
        way(osm, 3, "", 3, 4, 1);
        way(osm, 4, "", 3, 6, 5, 2);
        way(osm, 5, "", 7, 8, 9, 10, 7);
        way(osm, 10, "", 11, 12, 13, 14, 11);
        way(osm, 11, "", 15, 16, 17, 18, 15);
        way(osm, 12, "", 19, 20, 21, 22, 19);
        way(osm, 60, "<tag k='boundary' v='administrative'/><tag k='admin_level' v='8'/><tag k='name' v='Alpha'/>",
                23, 24, 25, 26, 23);
        way(osm, 70, "<tag k='boundary' v='administrative'/><tag k='admin_level' v='8'/><tag k='name' v='Eta'/>",
                27, 28, 29, 30, 27);
        way(osm, 80, "", 31, 32, 33);
        relation(osm, 1, "Alpha", "8", "1:outer", "2:outer", "3:outer", "5:inner");
        relation(osm, 2, "Beta", "8", "2:", "4:");
        relation(osm, 3, "Gamma", "8", "10:outer", "11:", "12:outer");
        relation(osm, 4, "Delta", "8", "80:outer", "999:outer");
        relation(osm, 5, "Epsilon", "8", "80:outer");
        relation(osm, 6, "Eta", "8", "70:outer");
        relation(osm, 7, "Theta", "10", "1:outer", "2:outer", "3:outer");
        osm.append("</osm>\n");
        return TestFiles.write(dir, "boundaries.osm", osm.toString(), StandardCharsets.UTF_8);
    }

    private static void way(StringBuilder osm, long id, String tags, int... refs) {
        osm.append("<way id='").append(id).append("'>");
        for (int r : refs) {
            osm.append("<nd ref='").append(r).append("'/>");
        }
        osm.append(tags).append("</way>\n");
    }

    private static void relation(StringBuilder osm, long id, String name, String level, String... members) {
        osm.append("<relation id='").append(id).append("'>");
        for (String m : members) {
            String[] refRole = m.split(":", -1);
            osm.append("<member type='way' ref='").append(refRole[0]).append("' role='").append(refRole[1]).append("'/>");
        }
        osm.append("<member type='node' ref='9' role='admin_centre'/>");
        osm.append("<tag k='type' v='boundary'/><tag k='boundary' v='administrative'/><tag k='admin_level' v='")
                .append(level).append("'/><tag k='name' v='").append(name).append("'/></relation>\n");
    }

    @Test
    void assemblesRingsHolesAndIslandsOfOneLevelAndSaysWhatItLeftOut() throws IOException {
        PlanningAreaReadResult r = new OsmBoundaryReader(8).readXml(extract(), "boundaries.osm");

        Map<String, Geometry> areas = r.areas().stream()
                .collect(Collectors.toMap(PlanningArea::name, PlanningArea::areaWgs84, (a, b) -> a, LinkedHashMap::new));
        assertThat(areas.keySet()).containsExactlyInAnyOrder("Alpha (relation 1)", "Beta", "Gamma", "Alpha (way 60)", "Eta");
        assertThat(areas.get("Alpha (relation 1)").getArea()).isCloseTo(4 - 0.25, within(1e-9));
        assertThat(areas.get("Beta").getArea()).isCloseTo(4, within(1e-9));
        assertThat(areas.get("Gamma").getArea()).isCloseTo(9 - 1 + 0.25, within(1e-9));
        assertThat(areas.get("Alpha (way 60)").getArea()).isCloseTo(1, within(1e-9));
        assertThat(areas.get("Eta").getArea()).isCloseTo(1, within(1e-9));
        areas.values().forEach(g -> assertThat(g.isValid()).isTrue());
        GeometryFactory gf = new GeometryFactory();
        Function<double[], Geometry> point = c -> gf.createPoint(new Coordinate(c[0], c[1]));
        assertThat(areas.get("Alpha (relation 1)").contains(point.apply(new double[] {0.75, 0.75}))).isFalse();
        assertThat(areas.get("Gamma").contains(point.apply(new double[] {11.1, 1.1}))).isFalse();
        assertThat(areas.get("Gamma").contains(point.apply(new double[] {11.5, 1.5}))).isTrue();
        assertThat(r.skips()).containsExactlyInAnyOrder(
                new ImportSkip("relation 4 (Delta)", "cut by the extract's edge: 1 of 2 member ways (or their nodes) are not in the file"),
                new ImportSkip("relation 5 (Epsilon)", "its ways do not close into rings"));
    }

    @Test
    void landUseAreasAreNamedByTheirValueAndJoinedPerValue() throws IOException {
        // two touching residential squares (1 each), a commercial 1 x 2 rectangle, and a retail multipolygon:
        // a 3 x 3 outer way with a 1 x 1 inner one (8), whose outer way also carries the tag (counted once)
        StringBuilder osm = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6'>\n");
        double[][] xy = {{50, 0}, {51, 0}, {51, 1}, {50, 1}, {52, 0}, {52, 1}, {60, 0}, {61, 0}, {61, 2}, {60, 2},
            {70, 0}, {73, 0}, {73, 3}, {70, 3}, {71, 1}, {72, 1}, {72, 2}, {71, 2}, {80, 0}, {81, 0}, {81, 1}, {80, 1}};
        for (int i = 0; i < xy.length; i++) {
            osm.append("<node id='").append(i + 1).append("' lon='").append(xy[i][0]).append("' lat='").append(xy[i][1])
                    .append("'/>\n");
        }
        way(osm, 100, "<tag k='landuse' v='residential'/>", 1, 2, 3, 4, 1);
        way(osm, 101, "<tag k='landuse' v='residential'/><tag k='name' v='Vila Nova'/>", 2, 5, 6, 3, 2);
        way(osm, 102, "<tag k='landuse' v='commercial'/>", 7, 8, 9, 10, 7);
        way(osm, 103, "<tag k='landuse' v='retail'/>", 11, 12, 13, 14, 11);
        way(osm, 104, "", 15, 16, 17, 18, 15);
        way(osm, 105, "<tag k='highway' v='residential'/>", 1, 2, 3);
        way(osm, 106, "<tag k='place' v='suburb'/><tag k='name' v='Centro'/>", 19, 20, 21, 22, 19);
        osm.append("<relation id='200'><member type='way' ref='103' role='outer'/><member type='way' ref='104' role='inner'/>"
                + "<tag k='type' v='multipolygon'/><tag k='landuse' v='retail'/></relation>\n</osm>\n");
        Path file = TestFiles.write(dir, "landuse.osm", osm.toString(), StandardCharsets.UTF_8);

        PlanningAreaReadResult r = OsmBoundaryReader.byTag("landuse").readXml(file, "landuse.osm");

        Map<String, Geometry> areas = r.areas().stream()
                .collect(Collectors.toMap(PlanningArea::name, PlanningArea::areaWgs84, (x, y) -> x, LinkedHashMap::new));
        assertThat(areas.keySet()).containsExactlyInAnyOrder("residential", "commercial", "retail");
        assertThat(areas.get("residential").getArea()).isCloseTo(2, within(1e-9));
        assertThat(areas.get("residential").getNumGeometries()).isEqualTo(1);
        assertThat(areas.get("commercial").getArea()).isCloseTo(2, within(1e-9));
        assertThat(areas.get("retail").getArea()).isCloseTo(8, within(1e-9));
        assertThat(r.joined()).isEqualTo(1);
        assertThatThrownBy(() -> OsmBoundaryReader.byTag("landuse").readXml(extract(), "boundaries.osm"))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("boundaries.osm has no multipolygon relations or closed ways tagged landuse=*");

        // key=value: the areas with that tag, named by their name (neighbourhoods as districts)
        PlanningAreaReadResult suburbs = OsmBoundaryReader.byTag("place=suburb").readXml(file, "landuse.osm");
        assertThat(suburbs.areas()).extracting(PlanningArea::name).containsExactly("Centro");
        assertThat(suburbs.areas().get(0).areaWgs84().getArea()).isCloseTo(1, within(1e-9));
        assertThatThrownBy(() -> OsmBoundaryReader.byTag("place=quarter").readXml(file, "landuse.osm"))
                .hasMessage("landuse.osm has no named multipolygon relations or closed ways tagged place=quarter");
    }

    @Test
    void withoutALevelTheRefusalListsTheLevelsTheExtractHas() throws IOException {
        Path file = extract();
        assertThatThrownBy(() -> new OsmBoundaryReader(null).readXml(file, "boundaries.osm"))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("name the admin_level of the boundaries to import (adminLevel=, or --admin-level on the command line); boundaries.osm has admin_level "
                        + "8 (7 boundaries), 10 (1 boundary)");
        assertThatThrownBy(() -> new OsmBoundaryReader(6).readXml(file, "boundaries.osm"))
                .hasMessage("no administrative boundaries at admin_level 6; boundaries.osm has admin_level "
                        + "8 (7 boundaries), 10 (1 boundary)");
        assertThatThrownBy(() -> new OsmBoundaryReader(13)).hasMessage("adminLevel 13 out of range [1, 12]");
    }

    @Test
    void anExtractWithoutBoundariesIsRefused() {
        // the demo extract was filtered for routing: it keeps no boundary=administrative
        assertThatThrownBy(() -> new OsmBoundaryReader(10).readPbf(TestFiles.POA_PBF, "poa_osm.pbf"))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("poa_osm.pbf has no boundary=administrative relations or closed ways with an admin_level; "
                        + "import the districts from GeoJSON or GeoPackage polygons instead");
    }

    @Test
    void helsinkiKeepsTheTwoDistrictsTheExtractHoldsWholeAndEachHoldsItsOwnLabel() {
        PlanningAreaReadResult r = new OsmBoundaryReader(10).readPbf(TestFiles.HELSINKI_PBF, "helsinki.osm.pbf");

        Map<String, Geometry> areas = r.areas().stream().collect(Collectors.toMap(PlanningArea::name, PlanningArea::areaWgs84));
        assertThat(areas.keySet()).containsExactlyInAnyOrder("Kaartinkaupunki", "Kluuvi");
        // the extract lists 13 relations of admin_level 10; the other 11 reach beyond its edge
        assertThat(r.skips()).hasSize(11).allSatisfy(s -> assertThat(s.reason()).startsWith("cut by the extract's edge"));
        // OSM's place=suburb label nodes of the two districts (mapped apart from the boundaries)
        GeometryFactory gf = new GeometryFactory();
        Geometry kaartinkaupunkiLabel = gf.createPoint(new Coordinate(24.9472225, 60.1652138));
        Geometry kluuviLabel = gf.createPoint(new Coordinate(24.9473293, 60.1707783));
        assertThat(areas.get("Kaartinkaupunki").contains(kaartinkaupunkiLabel)).isTrue();
        assertThat(areas.get("Kaartinkaupunki").contains(kluuviLabel)).isFalse();
        assertThat(areas.get("Kluuvi").contains(kluuviLabel)).isTrue();
        assertThat(areas.get("Kluuvi").contains(kaartinkaupunkiLabel)).isFalse();
        // neighbours: they share a border and no area
        assertThat(areas.get("Kluuvi").intersection(areas.get("Kaartinkaupunki")).getArea()).isLessThan(1e-12);
        assertThat(areas.get("Kluuvi").touches(areas.get("Kaartinkaupunki"))
                || areas.get("Kluuvi").distance(areas.get("Kaartinkaupunki")) < 1e-9).isTrue();
        areas.values().forEach(g -> assertThat(g.isValid()).isTrue());
    }
}
