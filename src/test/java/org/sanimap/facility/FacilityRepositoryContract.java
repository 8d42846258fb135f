package org.sanimap.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanimap.store.SpatialSql;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The repository behaviour both stores must show; run by one subclass per store. Expected values come
 * from the inputs (what was written), never from an earlier run.
 */
abstract class FacilityRepositoryContract {

    @Autowired
    FacilityRepository repository;
    @Autowired
    FacilityService service;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SpatialSql spatial;

    private final Instant now = Instant.parse("2026-06-30T08:15:30.123456Z");

    @BeforeEach
    void emptyStore() {
        jdbc.update("DELETE FROM facility");
    }

    abstract String expectedVendor();

    @Test
    void selectsTheDialectOfTheConnectedStore() {
        assertThat(spatial.vendor()).isEqualTo(expectedVendor());
    }

    @Test
    void storesEveryAttributeAndReadsItBackUnchanged() {
        FacilityAttributes written = new FacilityAttributes(FacilityType.TRANSFER_STATION, FacilityStatus.UNDER_CONSTRUCTION,
                "城东垃圾转运站 <b>&amp;</b>", "解放路 12 号", "鼓楼区", 320.5, null, "06:00-22:00", true, "市环卫处",
                119.296472, 26.074508, FacilitySource.file("file:stations.csv:id=7", "stations.csv row 8"));
        Facility stored = repository.insert(written, now);

        Facility read = repository.findById(stored.id()).orElseThrow();
        assertThat(read.attributes()).isEqualTo(written);
        assertThat(read.attributes().sizeClass()).contains(SizeClass.MEDIUM);
        assertThat(read.createdAt()).isEqualTo(now);
        assertThat(read.updatedAt()).isEqualTo(now);
        assertThat(read.version()).isEqualTo(1);
    }

    @Test
    void bboxReturnsExactlyThePointsInsideIt() {
        // a 5 x 5 lattice 0.01 degree apart; the box holds the 3 x 3 centre (edges inclusive)
        List<FacilityAttributes> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                all.add(toilet("t" + i + j, 10 + i * 0.01, 50 + j * 0.01, FacilityStatus.IN_SERVICE, null));
            }
        }
        repository.insertAll(all, now);

        FacilityPage page = repository.search(new FacilityQuery(new double[] {10.01, 50.01, 10.03, 50.03}, Set.of(),
                Set.of(), null, 0, 100));

        assertThat(page.totalCount()).isEqualTo(9);
        assertThat(page.facilities()).extracting(f -> f.attributes().name())
                .containsExactlyInAnyOrder("t11", "t12", "t13", "t21", "t22", "t23", "t31", "t32", "t33");
    }

    @Test
    void filtersByTypeStatusAndDistrictTogether() {
        repository.insertAll(List.of(
                toilet("a", 1, 1, FacilityStatus.IN_SERVICE, "东城区"),
                toilet("b", 1, 1, FacilityStatus.PLANNED, "东城区"),
                toilet("c", 1, 1, FacilityStatus.IN_SERVICE, "西城区"),
                point(FacilityType.COLLECTION_POINT, "d", FacilityStatus.IN_SERVICE, "东城区")), now);

        FacilityPage page = repository.search(new FacilityQuery(null, Set.of(FacilityType.PUBLIC_TOILET),
                Set.of(FacilityStatus.IN_SERVICE), "东城区", 0, 100));

        assertThat(page.facilities()).extracting(f -> f.attributes().name()).containsExactly("a");
        assertThat(repository.districts()).containsExactly("东城区", "西城区");
    }

    @Test
    void pagesCoverEveryRowOnceInIdOrder() {
        List<FacilityAttributes> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(toilet("p" + i, i * 0.001, 0, FacilityStatus.IN_SERVICE, null));
        }
        repository.insertAll(rows, now);

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            FacilityPage p = repository.search(new FacilityQuery(null, Set.of(), Set.of(), null, page, 10));
            assertThat(p.totalCount()).isEqualTo(25);
            p.facilities().forEach(f -> seen.add(f.attributes().name()));
        }
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo("p0");
        assertThat(seen.get(24)).isEqualTo("p24");
    }

    @Test
    void updateWithAStaleVersionChangesNothing() {
        Facility f = repository.insert(toilet("old", 5, 5, FacilityStatus.PLANNED, null), now);
        FacilityAttributes moved = f.attributes().movedTo(5.5, 5.5);

        assertThat(repository.update(f.id(), moved, f.version(), now.plusSeconds(1))).isTrue();
        assertThat(repository.update(f.id(), moved.withStatus(FacilityStatus.APPROVED), f.version(), now)).isFalse();

        Facility read = repository.findById(f.id()).orElseThrow();
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.attributes().status()).isEqualTo(FacilityStatus.PLANNED);
        assertThat(read.attributes().lonWgs84()).isEqualTo(5.5);
        assertThatThrownBy(() -> service.update(f.id(), moved, 1)).isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("you sent version 1 but the stored version is 2");
    }

    @Test
    void upsertMatchesBySourceKeyAndCountsWhatChanged() {
        List<FacilityAttributes> first = List.of(osm(1, "one"), osm(2, "two"), osm(3, "three"));
        assertThat(service.upsertBySourceKey(first)).isEqualTo(new UpsertCounts(3, 0, 0));

        List<FacilityAttributes> second = List.of(osm(1, "one"), osm(2, "TWO"), osm(3, "three"), osm(4, "four"));
        assertThat(service.upsertBySourceKey(second)).isEqualTo(new UpsertCounts(1, 1, 2));
        assertThat(service.upsertBySourceKey(second)).isEqualTo(new UpsertCounts(0, 0, 4));
        assertThat(repository.count()).isEqualTo(4);
    }

    @Test
    void aFailingUpsertWritesNothing() {
        List<FacilityAttributes> withDuplicate = List.of(osm(10, "a"), osm(11, "b"), osm(10, "again"));
        assertThatThrownBy(() -> service.upsertBySourceKey(withDuplicate)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("osm:node/10");
        assertThat(repository.count()).isZero();
    }

    @Test
    void extentSpansAllFacilities() {
        assertThat(repository.extent()).isEmpty();
        repository.insertAll(List.of(toilet("sw", -51.2, -30.1, FacilityStatus.IN_SERVICE, null),
                toilet("ne", -51.1, -29.9, FacilityStatus.IN_SERVICE, null)), now);
        assertThat(repository.extent()).hasValueSatisfying(e -> assertThat(e).containsExactly(-51.2, -30.1, -51.1, -29.9));
    }

    @Test
    void deleteNeedsTheCurrentVersion() {
        Facility f = repository.insert(toilet("gone", 1, 2, FacilityStatus.IN_SERVICE, null), now);
        assertThat(repository.delete(f.id(), 99)).isFalse();
        assertThat(repository.delete(f.id(), 1)).isTrue();
        assertThat(repository.findById(f.id())).isEmpty();
    }

    @Test
    void timestampsKeepMicroseconds() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Facility f = repository.insert(toilet("t", 0, 0, FacilityStatus.IN_SERVICE, null), t);
        assertThat(repository.findById(f.id()).orElseThrow().createdAt()).isEqualTo(t);
    }

    static FacilityAttributes toilet(String name, double lon, double lat, FacilityStatus status, String district) {
        return new FacilityAttributes(FacilityType.PUBLIC_TOILET, status, name, null, district, null, ToiletGrade.II, null,
                null, null, lon, lat, FacilitySource.file("file:test:" + name + ":" + lon + ":" + lat + ":" + status + ":" + district, name));
    }

    static FacilityAttributes point(FacilityType type, String name, FacilityStatus status, String district) {
        return new FacilityAttributes(type, status, name, null, district, null, null, null, null, null, 1, 1,
                FacilitySource.file("file:test:" + name, name));
    }

    @Test
    void recordsOfAFileThatItNoLongerHoldsAreCountedByItsNameTakenLiterally() {
        // "_" and "%" in a file name are no wildcards: town_a.csv does not reach townXa.csv's records
        service.upsertBySourceKey(List.of(fromFile("town_a.csv", "T1"), fromFile("town_a.csv", "T2"), fromFile("townXa.csv", "U1"),
                fromFile("100%.csv", "P1"), fromFile("1000.csv", "Q1")));
        String prefix = FacilitySource.fileKeyPrefix("town_a.csv");
        assertThat(service.countMissingFrom(prefix, List.of(prefix + "id=T1"))).isEqualTo(1);
        assertThat(service.countMissingFrom(prefix, List.of(prefix + "id=T1", prefix + "id=T2"))).isZero();
        assertThat(service.countMissingFrom(FacilitySource.fileKeyPrefix("100%.csv"), List.of())).isEqualTo(1);
        assertThat(repository.count()).isEqualTo(5);
    }

    static FacilityAttributes fromFile(String fileName, String id) {
        return new FacilityAttributes(FacilityType.PUBLIC_TOILET, FacilityStatus.IN_SERVICE, id, null, null, null, null,
                null, null, null, 120.0, 30.0, FacilitySource.file(FacilitySource.fileKeyPrefix(fileName) + "id=" + id, fileName));
    }

    static FacilityAttributes osm(long id, String name) {
        return new FacilityAttributes(FacilityType.PUBLIC_TOILET, FacilityStatus.IN_SERVICE, name, null, null, null, null,
                null, null, null, -51.2 + id * 0.001, -30.0, FacilitySource.osm("node", id));
    }
}
