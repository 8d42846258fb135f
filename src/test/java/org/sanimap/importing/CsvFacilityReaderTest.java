package org.sanimap.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanimap.engine.crs.ChineseCoordinateConverter;
import org.sanimap.engine.crs.LonLat;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.sanimap.facility.ToiletGrade;
import org.sanimap.testing.Haversine;

class CsvFacilityReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsChineseHeadersAndValuesSavedAsGbkByExcel() throws Exception {
        String csv = "序号,名称,类型,状态,所属区,地址,经度,纬度,等级,无障碍,责任单位\n"
                + "1,鼓楼公厕,公厕,在建,鼓楼区,东街 1 号,119.30,26.08,二类,是,市环卫处\n"
                + "2,台江转运站,转运站,已建成,台江区,,119.31,26.06,,否,\n";
        Path file = TestFiles.write(dir, "台账.csv", csv, Charset.forName("GBK"));
        FacilityReadResult result = new CsvFacilityReader(CsvReadOptions.defaults()).read(file, "台账.csv");

        assertThat(result.facilities()).hasSize(2);
        FacilityAttributes toilet = result.facilities().get(0);
        assertThat(toilet.name()).isEqualTo("鼓楼公厕");
        assertThat(toilet.type()).isEqualTo(FacilityType.PUBLIC_TOILET);
        assertThat(toilet.status()).isEqualTo(FacilityStatus.UNDER_CONSTRUCTION);
        assertThat(toilet.district()).isEqualTo("鼓楼区");
        assertThat(toilet.toiletGrade()).isEqualTo(ToiletGrade.II);
        assertThat(toilet.barrierFree()).isTrue();
        assertThat(toilet.operator()).isEqualTo("市环卫处");
        assertThat(toilet.source().key()).isEqualTo("file:台账.csv:id=1");
        assertThat(result.facilities().get(1).type()).isEqualTo(FacilityType.TRANSFER_STATION);
        assertThat(result.facilities().get(1).status()).isEqualTo(FacilityStatus.COMPLETED);
    }

    @Test
    void convertsGcj02AndBd09ToWgs84() throws Exception {
        LonLat truth = new LonLat(121.4737, 31.2304);
        LonLat gcj = ChineseCoordinateConverter.wgs84ToGcj02(truth.lon(), truth.lat());
        LonLat bd = ChineseCoordinateConverter.wgs84ToBd09(truth.lon(), truth.lat());
        Path gcjFile = TestFiles.write(dir, "gcj.csv", "name,type,lng,lat\na,public_toilet," + gcj.lon() + "," + gcj.lat() + "\n",
                StandardCharsets.UTF_8);
        Path bdFile = TestFiles.write(dir, "bd.csv", "name,type,lng,lat\na,public_toilet," + bd.lon() + "," + bd.lat() + "\n",
                StandardCharsets.UTF_8);

        FacilityAttributes fromGcj = new CsvFacilityReader(new CsvReadOptions(CoordinateSystem.GCJ02, null, null, null, null))
                .read(gcjFile, "gcj.csv").facilities().get(0);
        FacilityAttributes fromBd = new CsvFacilityReader(new CsvReadOptions(CoordinateSystem.BD09, null, null, null, null))
                .read(bdFile, "bd.csv").facilities().get(0);

        assertThat(Haversine.meters(fromGcj.lonWgs84(), fromGcj.latWgs84(), truth.lon(), truth.lat())).isLessThan(0.01);
        assertThat(Haversine.meters(fromBd.lonWgs84(), fromBd.latWgs84(), truth.lon(), truth.lat())).isLessThan(0.01);
    }

    @Test
    void everyBadRowIsReportedWithItsRowNumber() throws Exception {
        Path file = TestFiles.write(dir, "bad.csv", "name,type,lon,lat\nok,public_toilet,10,10\nfar,public_toilet,10,95.2\n"
                + "odd,toliet,10,10\nnan,public_toilet,abc,10\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new CsvFacilityReader(CsvReadOptions.defaults()).read(file, "bad.csv"))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors()).containsExactly(
                        "latitude 95.2 out of range [-90, 90] at row 3",
                        "unknown facility type 'toliet'; expected one of public_toilet, mobile_toilet, collection_point, "
                                + "collection_station, transfer_station at row 4",
                        "longitude 'abc' is not a number at row 5"));
    }

    @Test
    void semicolonsBomExplicitColumnsAndADefaultTypeWork() throws Exception {
        Path file = TestFiles.write(dir, "semi.csv", "\uFEFFNAME;EAST;NORTH\nbin 1;24.94;60.17\n", StandardCharsets.UTF_8);
        FacilityReadResult result = new CsvFacilityReader(new CsvReadOptions(CoordinateSystem.WGS84, "EAST", "NORTH",
                FacilityType.COLLECTION_POINT, FacilityStatus.PLANNED)).read(file, "semi.csv");
        assertThat(result.facilities()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("bin 1");
            assertThat(f.type()).isEqualTo(FacilityType.COLLECTION_POINT);
            assertThat(f.status()).isEqualTo(FacilityStatus.PLANNED);
            assertThat(f.lonWgs84()).isEqualTo(24.94);
            assertThat(f.source().key()).isEqualTo("file:semi.csv:row=2");
        });
    }

    @Test
    void missingCoordinateColumnsAndEmptyFilesAreRejected() throws Exception {
        Path noLat = TestFiles.write(dir, "nolat.csv", "name,type,lon\na,public_toilet,1\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new CsvFacilityReader(CsvReadOptions.defaults()).read(noLat, "nolat.csv"))
                .hasMessage("no latitude column (lat, latitude, y or 纬度); the header has [name, type, lon]");
        Path empty = TestFiles.write(dir, "empty.csv", "", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new CsvFacilityReader(CsvReadOptions.defaults()).read(empty, "empty.csv"))
                .hasMessage("file is empty");
        Path header = TestFiles.write(dir, "header.csv", "name,type,lon,lat\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new CsvFacilityReader(CsvReadOptions.defaults()).read(header, "header.csv"))
                .hasMessage("header.csv has a header but no data rows");
    }
}
