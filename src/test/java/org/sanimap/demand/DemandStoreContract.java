package org.sanimap.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.sanimap.facility.UpsertCounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Demand layers and planning areas behave the same on both stores. */
abstract class DemandStoreContract {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    @Autowired
    DemandService service;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyStore() {
        jdbc.update("DELETE FROM demand_cell");
        jdbc.update("DELETE FROM demand_layer");
        jdbc.update("DELETE FROM planning_area");
    }

    @Test
    void cellsRoundTripWithTheirPolygonsAndPopulation() {
        Polygon square = square(24.94, 60.17, 0.005);
        List<DemandCell> cells = List.of(new DemandCell("a", 24.9425, 60.1725, 812.5, square),
                new DemandCell("b", 24.95, 60.18, 0, null));

        assertThat(service.upsertLayer("grid", "grid.gpkg", cells)).isEqualTo(new UpsertCounts(2, 0, 0));

        List<DemandCell> read = service.cells("grid", null);
        assertThat(read).extracting(DemandCell::key).containsExactly("a", "b");
        assertThat(read.get(0).population()).isEqualTo(812.5);
        assertThat(read.get(0).areaWgs84().norm().equalsExact(square.norm())).isTrue();
        assertThat(read.get(1).areaWgs84()).isNull();
        assertThat(service.layers()).singleElement().satisfies(l -> {
            assertThat(l.cellCount()).isEqualTo(2);
            assertThat(l.totalPopulation()).isEqualTo(812.5);
        });
    }

    @Test
    void reimportingTheSameCellsChangesNothingAndANewFileReplacesTheLayer() {
        List<DemandCell> cells = List.of(new DemandCell("a", 1, 1, 10, null), new DemandCell("b", 2, 2, 20, null));
        service.upsertLayer("l", null, cells);
        service.upsertLayer("other", null, List.of(new DemandCell("b", 2, 2, 5, null)));
        assertThat(service.upsertLayer("l", null, cells)).isEqualTo(new UpsertCounts(0, 0, 2));
        // a new grid: a changed, b gone, c new; the total is the new file's, never old plus new
        assertThat(service.upsertLayer("l", null, List.of(new DemandCell("a", 1, 1, 11, null),
                new DemandCell("c", 3, 3, 30, null)))).isEqualTo(new UpsertCounts(1, 1, 0, 1));
        assertThat(service.cells("l", null)).extracting(DemandCell::key).containsExactly("a", "c");
        assertThat(service.layers()).filteredOn(x -> x.name().equals("l")).singleElement()
                .satisfies(x -> assertThat(x.totalPopulation()).isEqualTo(41.0));
        assertThat(service.cells("other", null)).extracting(DemandCell::population).containsExactly(5.0);
    }

    @Test
    void aNewDistrictFileReplacesItsLayerOnly() {
        service.upsertPlanningAreas("区", List.of(new PlanningArea("鼓楼区", square(0, 0, 1)), new PlanningArea("台江区", square(1, 0, 1))));
        service.upsertPlanningAreas("街道", List.of(new PlanningArea("东街街道", square(0, 0, 0.5))));
        // 台江区 merged into 鼓楼区
        assertThat(service.upsertPlanningAreas("区", List.of(new PlanningArea("鼓楼区", square(0, 0, 2)))))
                .isEqualTo(new UpsertCounts(0, 1, 0, 1));
        assertThat(service.planningAreaNames()).containsExactlyInAnyOrder("鼓楼区", "东街街道");
    }

    @Test
    void bboxSelectsCellCentres() {
        service.upsertLayer("l", null, List.of(new DemandCell("in", 1, 1, 1, null), new DemandCell("out", 3, 3, 1, null)));
        assertThat(service.cells(null, new double[] {0, 0, 2, 2})).extracting(DemandCell::key).containsExactly("in");
    }

    @Test
    void duplicateCellIdsAreRefusedAndNothingIsWritten() {
        List<DemandCell> cells = List.of(new DemandCell("a", 1, 1, 1, null), new DemandCell("a", 2, 2, 1, null));
        assertThatThrownBy(() -> service.upsertLayer("dup", null, cells)).hasMessageContaining("'a' appears twice");
        assertThat(service.layers()).isEmpty();
    }

    @Test
    void deletingALayerTakesItsCellsOrAreasAndLeavesTheOthers() {
        service.upsertLayer("keep", null, List.of(new DemandCell("a", 1, 1, 10, null)));
        service.upsertLayer("drop", null, List.of(new DemandCell("a", 1, 1, 5, null), new DemandCell("b", 2, 2, 7, null)));
        service.upsertPlanningAreas("区", List.of(new PlanningArea("鼓楼区", square(0, 0, 1)), new PlanningArea("台江区", square(1, 0, 1))));
        service.upsertPlanningAreas("街道", List.of(new PlanningArea("东街街道", square(0, 0, 0.5))));
        assertThat(service.planningAreaLayers()).containsExactly(new PlanningAreaLayerSummary("区", 2),
                new PlanningAreaLayerSummary("街道", 1));
        assertThat(service.planningAreas("区")).extracting(PlanningArea::name).containsExactlyInAnyOrder("鼓楼区", "台江区");
        assertThat(service.planningAreas("街道")).singleElement().satisfies(a -> assertThat(a.areaWgs84().getArea()).isEqualTo(0.25));

        service.deleteLayer("drop");
        assertThat(service.layers()).extracting(DemandLayerSummary::name).containsExactly("keep");
        assertThat(service.cells(null, null)).extracting(DemandCell::population).containsExactly(10.0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM demand_cell", Long.class)).isEqualTo(1);
        assertThat(service.deletePlanningAreaLayer("区")).isEqualTo(2);
        assertThat(service.planningAreaNames()).containsExactly("东街街道");

        assertThatThrownBy(() -> service.deleteLayer("drop")).isInstanceOf(LayerNotFoundException.class)
                .hasMessage("demand layer 'drop' not found; there are [keep]");
        assertThatThrownBy(() -> service.deletePlanningAreaLayer("区")).isInstanceOf(LayerNotFoundException.class)
                .hasMessage("district layer '区' not found; there are [街道]");
    }

    @Test
    void planningAreasRoundTripIncludingMultiPolygonsAndChineseNames() {
        Geometry multi = WGS84.createMultiPolygon(new Polygon[] {square(0, 0, 1), square(2, 2, 1)});
        service.upsertPlanningAreas("districts", List.of(new PlanningArea("鼓楼区", square(10, 10, 1)),
                new PlanningArea("台江区", multi)));

        List<PlanningArea> read = service.planningAreas();
        assertThat(read).extracting(PlanningArea::name).containsExactlyInAnyOrder("鼓楼区", "台江区");
        PlanningArea taijiang = read.stream().filter(a -> a.name().equals("台江区")).findFirst().orElseThrow();
        assertThat(taijiang.areaWgs84().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(taijiang.areaWgs84().getArea()).isEqualTo(2.0);
        // names alone, each once over all layers, in code-point order (台 U+53F0 before 鼓 U+9F13)
        service.upsertPlanningAreas("districts-2019", List.of(new PlanningArea("鼓楼区", square(10, 10, 2))));
        assertThat(service.planningAreaNames()).containsExactly("台江区", "鼓楼区");
        // the same 鼓楼区 again is unchanged; 台江区, no longer in the file, leaves the layer
        assertThat(service.upsertPlanningAreas("districts", List.of(new PlanningArea("鼓楼区", square(10, 10, 1)))))
                .isEqualTo(new UpsertCounts(0, 0, 1, 1));
    }

    static Polygon square(double lon, double lat, double side) {
        return WGS84.createPolygon(new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon + side, lat),
                new Coordinate(lon + side, lat + side), new Coordinate(lon, lat + side), new Coordinate(lon, lat)});
    }
}
