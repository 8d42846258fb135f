package org.sanimap.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FacilityDomainTest {

    @Test
    void sizeClassFollowsTheCapacityBoundsInTonnesPerDay() {
        // small < 150 t/d, medium 150-450 t/d, large > 450 t/d
        assertThat(SizeClass.of(FacilityType.TRANSFER_STATION, 149.9)).contains(SizeClass.SMALL);
        assertThat(SizeClass.of(FacilityType.TRANSFER_STATION, 150.0)).contains(SizeClass.MEDIUM);
        assertThat(SizeClass.of(FacilityType.COLLECTION_STATION, 450.0)).contains(SizeClass.MEDIUM);
        assertThat(SizeClass.of(FacilityType.TRANSFER_STATION, 450.1)).contains(SizeClass.LARGE);
        assertThat(SizeClass.of(FacilityType.PUBLIC_TOILET, 600.0)).isEmpty();
        assertThat(SizeClass.of(FacilityType.TRANSFER_STATION, null)).isEmpty();
    }

    @Test
    void codesParseLeniently() {
        assertThat(FacilityType.fromCode(" Public-Toilet ")).isEqualTo(FacilityType.PUBLIC_TOILET);
        assertThat(FacilityStatus.fromCode("under construction")).isEqualTo(FacilityStatus.UNDER_CONSTRUCTION);
        assertThat(ToiletGrade.fromCode("二类")).isEqualTo(ToiletGrade.II);
        assertThatThrownBy(() -> ToiletGrade.fromCode("IV")).hasMessage("unknown toilet grade 'IV'; expected one of I, II, III");
    }

    @Test
    void aRecordUpdatingAStoredFacilityKeepsWhatItLeavesEmptyAndAStatusItDoesNotState() {
        FacilityAttributes stored = new FacilityAttributes(FacilityType.PUBLIC_TOILET, FacilityStatus.SUSPENDED, "旧名", "湖滨路 1 号",
                "西湖区", 2.0, ToiletGrade.II, "06:00-22:00", true, "环卫所", 120.1, 30.2, FacilitySource.manual());
        FacilityAttributes osm = new FacilityAttributes(FacilityType.PUBLIC_TOILET, FacilityStatus.IN_SERVICE, "新名", null, null,
                null, null, "24/7", null, null, 120.2, 30.3, FacilitySource.manual());

        FacilityAttributes merged = osm.over(stored, false);
        assertThat(merged).isEqualTo(new FacilityAttributes(FacilityType.PUBLIC_TOILET, FacilityStatus.SUSPENDED, "新名",
                "湖滨路 1 号", "西湖区", 2.0, ToiletGrade.II, "24/7", true, "环卫所", 120.2, 30.3, FacilitySource.manual()));
        assertThat(osm.over(stored, true).status()).isEqualTo(FacilityStatus.IN_SERVICE);
    }

    @Test
    void attributesRefuseOutOfRangeCoordinatesWithExactMessages() {
        assertThatThrownBy(() -> new FacilityAttributes(FacilityType.PUBLIC_TOILET, FacilityStatus.IN_SERVICE, null, null,
                null, null, null, null, null, null, 0, 95.2, null)).hasMessage("latitude 95.2 out of range [-90, 90]");
        assertThatThrownBy(() -> new FacilityAttributes(FacilityType.PUBLIC_TOILET, FacilityStatus.IN_SERVICE, null, null,
                null, null, null, null, null, null, -180.5, 0, null)).hasMessage("longitude -180.5 out of range [-180, 180]");
        assertThatThrownBy(() -> new FacilityAttributes(FacilityType.PUBLIC_TOILET, FacilityStatus.IN_SERVICE, null, null,
                null, -1.0, null, null, null, null, 0, 0, null)).hasMessage("capacity -1.0 must be a non-negative number");
    }

    @Test
    void blankTextBecomesNullAndManualIsTheDefaultSource() {
        FacilityAttributes a = new FacilityAttributes(FacilityType.MOBILE_TOILET, FacilityStatus.PLANNED, "  ", " 路 ",
                null, null, null, null, null, null, 1, 2, null);
        assertThat(a.name()).isNull();
        assertThat(a.address()).isEqualTo("路");
        assertThat(a.source()).isEqualTo(FacilitySource.manual());
    }
}
