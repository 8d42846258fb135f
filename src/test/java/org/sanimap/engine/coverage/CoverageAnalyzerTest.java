package org.sanimap.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sanimap.testing.Haversine;

class CoverageAnalyzerTest {

    static final Path SHARED = Path.of(System.getenv().getOrDefault("SANIMAP_TEST_SHARED_DIR", "../shared"));

    static List<DemandPoint> portoAlegreHexagons() throws Exception {
        List<DemandPoint> demand = new ArrayList<>();
        List<String> lines = Files.readAllLines(SHARED.resolve("data/porto-alegre/poa_hexgrid.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            demand.add(new DemandPoint(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), null));
        }
        return demand;
    }

    static List<FacilityPoint> randomFacilities(long seed, int n, List<DemandPoint> within) {
        double minLon = within.stream().mapToDouble(DemandPoint::lonWgs84).min().orElseThrow();
        double maxLon = within.stream().mapToDouble(DemandPoint::lonWgs84).max().orElseThrow();
        double minLat = within.stream().mapToDouble(DemandPoint::latWgs84).min().orElseThrow();
        double maxLat = within.stream().mapToDouble(DemandPoint::latWgs84).max().orElseThrow();
        Random random = new Random(seed);
        List<FacilityPoint> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            out.add(new FacilityPoint("f" + j, minLon + random.nextDouble() * (maxLon - minLon),
                    minLat + random.nextDouble() * (maxLat - minLat)));
        }
        return out;
    }

    /** The obvious n x m computation with the test's own haversine. */
    static double bruteForceCovered(List<DemandPoint> demand, List<FacilityPoint> facilities, double radius) {
        double covered = 0;
        for (DemandPoint d : demand) {
            for (FacilityPoint f : facilities) {
                if (Haversine.meters(d.lonWgs84(), d.latWgs84(), f.lonWgs84(), f.latWgs84()) <= radius) {
                    covered += d.population();
                    break;
                }
            }
        }
        return covered;
    }

    @Test
    void coveredPopulationMatchesBruteForceOnPortoAlegre() throws Exception {
        List<DemandPoint> demand = portoAlegreHexagons();
        for (long seed : new long[] {1, 2, 3}) {
            for (double radius : new double[] {300, 500, 1000}) {
                List<FacilityPoint> facilities = randomFacilities(seed, 60, demand);
                CoverageResult result = CoverageAnalyzer.analyze(demand, facilities, radius);
                assertThat(result.coveredPopulation()).as("seed %d radius %s", seed, radius)
                        .isCloseTo(bruteForceCovered(demand, facilities, radius), within(1e-6));
                assertThat(result.totalPopulation()).isEqualTo(812_935.0);
                assertThat(result.cells()).isEqualTo(1227);
            }
        }
    }

    @Test
    void aPointExactlyAtTheRadiusIsCoveredAndJustBeyondIsNot() {
        FacilityPoint f = new FacilityPoint("f", 120.0, 0.0);
        // 300 m due north on the mean sphere: Δφ = 300 / R radians
        double dLat = Math.toDegrees(300.0 / GreatCircle.MEAN_EARTH_RADIUS_METERS);
        List<DemandPoint> demand = List.of(new DemandPoint("at", 120.0, dLat, 10, null),
                new DemandPoint("beyond", 120.0, dLat * 1.0001, 20, null));
        CoverageResult r = CoverageAnalyzer.analyze(demand, List.of(f), 300);
        assertThat(r.isCovered(0)).isTrue();
        assertThat(r.isCovered(1)).isFalse();
        assertThat(r.coveredPopulation()).isEqualTo(10.0);
    }

    @Test
    void perDistrictFiguresAddUpAndFacilitiesOutsideEveryDistrictStillCover() {
        List<DemandPoint> demand = List.of(new DemandPoint("a", 0, 0, 5, "东城区"), new DemandPoint("b", 0.001, 0, 7, "西城区"),
                new DemandPoint("c", 1, 1, 11, null), new DemandPoint("d", 0.0005, 0.0005, 0, "东城区"));
        // the facility lies between the districts, in none of them
        CoverageResult r = CoverageAnalyzer.analyze(demand, List.of(new FacilityPoint("f", 0.0005, 0)), 200);
        assertThat(r.perDistrict()).extracting(DistrictCoverage::district).containsExactly("(none)", "东城区", "西城区");
        assertThat(r.perDistrict().stream().mapToDouble(DistrictCoverage::totalPopulation).sum()).isEqualTo(r.totalPopulation());
        assertThat(r.perDistrict().stream().mapToDouble(DistrictCoverage::coveredPopulation).sum()).isEqualTo(r.coveredPopulation());
        assertThat(r.coveredPopulation()).isEqualTo(12.0);
        assertThat(r.coveredCells()).isEqualTo(3);
        assertThat(r.perDistrict().get(1)).isEqualTo(new DistrictCoverage("东城区", 5, 5, 2, 2));
    }

    @Test
    void emptyLayersGiveZerosNotErrors() {
        CoverageResult noFacilities = CoverageAnalyzer.analyze(List.of(new DemandPoint("a", 0, 0, 5, null)), List.of(), 300);
        assertThat(noFacilities.coveredPopulation()).isZero();
        assertThat(noFacilities.coveredPercent()).isZero();
        CoverageResult noDemand = CoverageAnalyzer.analyze(List.of(), List.of(new FacilityPoint("f", 0, 0)), 300);
        assertThat(noDemand.cells()).isZero();
        assertThat(noDemand.coveredPercent()).isZero();
        assertThat(noDemand.perDistrict()).isEmpty();
    }

    @Test
    void coverageNeverShrinksAsTheRadiusGrows() throws Exception {
        List<DemandPoint> demand = portoAlegreHexagons();
        for (long seed = 10; seed < 15; seed++) {
            List<FacilityPoint> facilities = randomFacilities(seed, 25, demand);
            double previous = -1;
            for (double radius = 100; radius <= 2000; radius += 100) {
                double covered = CoverageAnalyzer.analyze(demand, facilities, radius).coveredPopulation();
                assertThat(covered).isGreaterThanOrEqualTo(previous);
                previous = covered;
            }
        }
    }

    @Test
    void parallelAndSequentialAgreeAndWorldWideDataUsesTheSparseGrid() {
        Random random = new Random(5);
        List<DemandPoint> demand = new ArrayList<>();
        List<FacilityPoint> facilities = new ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            demand.add(new DemandPoint("d" + i, -180 + 360 * random.nextDouble(), -60 + 120 * random.nextDouble(), 1, null));
        }
        for (int j = 0; j < 800; j++) {
            DemandPoint near = demand.get(j * 10);
            facilities.add(new FacilityPoint("f" + j, near.lonWgs84() + 0.001, near.latWgs84()));
        }
        CoverageAnalyzer analyzer = new CoverageAnalyzer();
        CoverageResult parallel = analyzer.compute(demand, facilities, 300);
        CoverageResult sequential = analyzer.withParallel(false).compute(demand, facilities, 300);
        assertThat(parallel.covered()).isEqualTo(sequential.covered());
        assertThat(analyzer.index(facilities, 300).gridIsSparse()).isTrue();
        assertThat(parallel.coveredPopulation()).isEqualTo(bruteForceCovered(demand, facilities, 300));
    }

    @Test
    void anotherEarthRadiusChangesDistances() {
        // 1 degree of latitude is 111,319.49 m on a sphere of 6,378,100 m and 111,195.08 m on the mean sphere
        List<DemandPoint> demand = List.of(new DemandPoint("a", 0, 1, 1, null));
        List<FacilityPoint> facilities = List.of(new FacilityPoint("f", 0, 0));
        assertThat(CoverageAnalyzer.analyze(demand, facilities, 111_250).coveredCells()).isEqualTo(1);
        assertThat(new CoverageAnalyzer().withEarthRadiusMeters(6_378_100).compute(demand, facilities, 111_250)
                .coveredCells()).isZero();
    }
}
