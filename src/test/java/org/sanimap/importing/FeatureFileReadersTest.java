package org.sanimap.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanimap.demand.DemandCell;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;

/** GeoJSON, GeoPackage, demand and district readers on real and hand-made files. */
class FeatureFileReadersTest {

    @TempDir
    Path dir;

    @Test
    void geoJsonFeaturesBecomeFacilitiesAndNullGeometriesAreSkipped() throws Exception {
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","id":"a1","geometry":{"type":"Point","coordinates":[116.4,39.9]},
                  "properties":{"type":"mobile_toilet","status":"planned","name":"移动厕所 1","barrierFree":true,"capacity":4}},
                 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]},
                  "properties":{"type":"transfer_station","capacity":500,"statusSince":"2012-09"}},
                 {"type":"Feature","geometry":null,"properties":{"type":"public_toilet"}}]}
                """;
        Path file = TestFiles.write(dir, "f.geojson", json, StandardCharsets.UTF_8);
        FacilityReadResult result = new GeoJsonFacilityReader(null, null).read(file, "f.geojson");

        assertThat(result.facilities()).hasSize(2);
        FacilityAttributes mobile = result.facilities().get(0);
        assertThat(mobile.type()).isEqualTo(FacilityType.MOBILE_TOILET);
        assertThat(mobile.status()).isEqualTo(FacilityStatus.PLANNED);
        assertThat(mobile.barrierFree()).isTrue();
        assertThat(mobile.source().key()).isEqualTo("file:f.geojson:id=a1");
        FacilityAttributes station = result.facilities().get(1);
        assertThat(station.lonWgs84()).isEqualTo(1.0);
        assertThat(station.latWgs84()).isEqualTo(1.0);
        assertThat(station.sizeClass()).hasValueSatisfying(s -> assertThat(s.code()).isEqualTo("large"));
        assertThat(station.source().key()).isEqualTo("file:f.geojson:feature=2");
        assertThat(result.skips()).singleElement().satisfies(s -> assertThat(s.location()).isEqualTo("feature 3"));
        // in service (the default for features) since September 2012; the mobile toilet states no date
        assertThat(result.statusSince()).containsExactly(null, java.time.LocalDate.of(2012, 9, 1));
    }

    @Test
    void brokenGeoJsonIsRejectedWithItsPosition() throws Exception {
        Path file = TestFiles.write(dir, "b.geojson", "{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new GeoJsonFacilityReader(null, null).read(file, "b.geojson"))
                .isInstanceOf(ImportRejectedException.class).hasMessageStartingWith("invalid GeoJSON: ")
                .hasMessageContaining("line 2");
        Path range = TestFiles.write(dir, "r.geojson", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[200,10]},\"properties\":{\"type\":\"public_toilet\"}}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new GeoJsonFacilityReader(null, null).read(range, "r.geojson"))
                .hasMessage("longitude 200.0 out of range [-180, 180] at feature 1");
    }

    /** A GeoPackage with one point table per name, each holding one public toilet named after its table. */
    private File pointTables(String fileName, String... tables) {
        File file = dir.resolve(fileName).toFile();
        GeoPackageManager.create(file);
        GeoPackage gpkg = GeoPackageManager.open(file);
        try {
            for (String table : tables) {
                GeometryColumns columns = new GeometryColumns();
                columns.setTableName(table);
                columns.setColumnName("geom");
                columns.setGeometryType(GeometryType.POINT);
                columns.setSrsId(4326);
                columns.setZ((byte) 0);
                columns.setM((byte) 0);
                gpkg.createFeatureTable(FeatureTableMetadata.create(columns, List.of(
                        FeatureColumn.createColumn("name", GeoPackageDataType.TEXT),
                        FeatureColumn.createColumn("type", GeoPackageDataType.TEXT))));
                FeatureDao dao = gpkg.getFeatureDao(table);
                FeatureRow row = dao.newRow();
                row.setGeometry(GeoPackageGeometryData.create(4326, new mil.nga.sf.Point(24.94, 60.17)));
                row.setValue("name", tables.length == 1 ? "Kauppatori WC" : table + " WC");
                row.setValue("type", "public_toilet");
                dao.create(row);
            }
        } finally {
            gpkg.close();
        }
        return file;
    }

    @Test
    void aGeoPackageOfSeveralTablesIsReadOnlyByTheTableNamed() {
        File file = pointTables("two.gpkg", "toilets", "roads");
        assertThatThrownBy(() -> new GeoPackageFacilityReader(null, null).read(file.toPath(), "two.gpkg", null))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("the GeoPackage has 2 feature tables [toilets, roads]; name the one to import (table=)");
        assertThat(new GeoPackageFacilityReader(null, null).read(file.toPath(), "two.gpkg", "roads").facilities())
                .singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("roads WC"));
    }

    @Test
    void geoPackagePointLayerIsRead() throws Exception {
        File file = pointTables("points.gpkg", "toilets");
        FacilityReadResult result = new GeoPackageFacilityReader(null, null).read(file.toPath(), "points.gpkg", null);
        assertThat(result.facilities()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("Kauppatori WC");
            assertThat(f.type()).isEqualTo(FacilityType.PUBLIC_TOILET);
            assertThat(f.lonWgs84()).isEqualTo(24.94);
            assertThat(f.latWgs84()).isEqualTo(60.17);
        });
    }

    @Test
    void helsinkiPopulationGridHas92CellsAnd71724People() {
        // shared/data/README.md: 92 cells, 71,724 people, EPSG:4326
        DemandReadResult result = new DemandGeoPackageReader().read(TestFiles.HELSINKI_GRID, "grid.gpkg", null);
        assertThat(result.cells()).hasSize(92);
        assertThat(result.cells().stream().mapToDouble(DemandCell::population).sum()).isEqualTo(71_724.0);
        assertThat(result.cells()).allSatisfy(c -> {
            assertThat(c.areaWgs84()).isNotNull();
            assertThat(c.areaWgs84().contains(c.areaWgs84().getFactory().createPoint(
                    new org.locationtech.jts.geom.Coordinate(c.lonWgs84(), c.latWgs84())))).isTrue();
        });
    }

    @Test
    void portoAlegreHexagonsHave1227CellsAnd812935People() throws Exception {
        // shared/data/README.md: 1,227 cells, 812,935 people
        DemandReadResult result = new DemandCsvReader().read(TestFiles.POA_HEXGRID, "poa_hexgrid.csv");
        assertThat(result.cells()).hasSize(1227);
        assertThat(result.cells().stream().mapToDouble(DemandCell::population).sum()).isEqualTo(812_935.0);
        assertThat(result.cells().get(0).key()).isEqualTo("89a901291abffff");
        assertThat(result.cells().get(0).lonWgs84()).isCloseTo(-51.1582459466033, within(1e-12));
    }

    @Test
    void districtPolygonsAreReadByNameAndPointsSkipped() throws Exception {
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]},"properties":{"名称":"鼓楼区"}},
                 {"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[2,2],[3,2],[3,3],[2,3],[2,2]]]]},"properties":{"name":"台江区"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[5,5]},"properties":{"name":"not an area"}}]}
                """;
        Path file = TestFiles.write(dir, "d.geojson", json, StandardCharsets.UTF_8);
        PlanningAreaReadResult result = new PlanningAreaReader().readGeoJson(file, "d.geojson");
        assertThat(result.areas()).extracting(a -> a.name()).containsExactly("鼓楼区", "台江区");
        assertThat(result.skips()).singleElement().satisfies(s -> assertThat(s.location()).isEqualTo("feature 3"));
    }

    @Test
    void aSelfIntersectingDistrictIsRefusedWithWhereItCrosses() throws Exception {
        // a bow-tie: its two halves would cancel to an area of 0; the ring crosses itself at (1, 0.5)
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[2,1],[2,0],[0,1],[0,0]]]},"properties":{"name":"蝶形区"}}]}
                """;
        Path file = TestFiles.write(dir, "bow.geojson", json, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new PlanningAreaReader().readGeoJson(file, "bow.geojson"))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("district '蝶形区' is not a valid polygon: Self-intersection at (1.000000, 0.500000); repair it "
                        + "(e.g. QGIS: Fix geometries) and import again at feature 1");
    }
    @Test
    void landUseParcelsAreNamedByTheAttributeAskedForAndJoinedPerClass() throws Exception {
        // three parcels: two touching residential ones (1 x 1 and 1 x 2 degrees) and a commercial one
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]},"properties":{"name":"阳光小区","landuse":"residential"}},
                 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[5,0],[6,0],[6,1],[5,1],[5,0]]]},"properties":{"name":"万达广场","landuse":"commercial"}},
                 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[1,0],[2,0],[2,2],[1,2],[1,0]]]},"properties":{"name":"幸福里","landuse":"residential"}}]}
                """;
        Path file = TestFiles.write(dir, "landuse.geojson", json, StandardCharsets.UTF_8);

        PlanningAreaReadResult result = new PlanningAreaReader("landuse").readGeoJson(file, "landuse.geojson");

        assertThat(result.areas()).extracting(a -> a.name()).containsExactly("residential", "commercial");
        assertThat(result.joined()).isEqualTo(1);
        // the two touching residential parcels dissolve into one polygon of 1 + 2 square degrees
        assertThat(result.areas().get(0).areaWgs84().getArea()).isEqualTo(3.0);
        assertThat(result.areas().get(0).areaWgs84().getNumGeometries()).isEqualTo(1);
        assertThatThrownBy(() -> new PlanningAreaReader("用地性质").readGeoJson(file, "landuse.geojson"))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("no feature has the attribute '用地性质'; the first has [landuse, name]");
    }
}
