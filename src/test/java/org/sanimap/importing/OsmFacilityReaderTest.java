package org.sanimap.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;

class OsmFacilityReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsElevenToiletsFromThePortoAlegreExtract() {
        // shared/data/README.md: the extract has 11 amenity=toilets
        FacilityReadResult result = new OsmFacilityReader(OsmReadOptions.defaults()).readPbf(TestFiles.POA_PBF);
        assertThat(result.facilities()).filteredOn(f -> f.type() == FacilityType.PUBLIC_TOILET).hasSize(11);
        assertThat(result.facilities()).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(FacilityStatus.IN_SERVICE);
            assertThat(f.lonWgs84()).isBetween(-51.2664, -51.1322);
            assertThat(f.latWgs84()).isBetween(-30.1133, -29.9876);
            assertThat(f.source().key()).startsWith("osm:");
        });
    }

    @Test
    void readsHelsinkiToiletsAndWastePointsButNotLitterBinsByDefault() {
        // shared/data/README.md: 27 toilets, 10 recycling, 28 waste_disposal, 90 waste baskets
        FacilityReadResult result = new OsmFacilityReader(OsmReadOptions.defaults()).readPbf(TestFiles.HELSINKI_PBF);
        assertThat(result.facilities()).filteredOn(f -> f.type() == FacilityType.PUBLIC_TOILET).hasSize(27);
        assertThat(result.facilities()).filteredOn(f -> f.type() == FacilityType.COLLECTION_POINT
                || f.type() == FacilityType.COLLECTION_STATION).hasSize(10 + 28);
        assertThat(result.facilities()).hasSize(65);
        assertThat(result.facilities()).extracting(f -> f.source().key()).doesNotHaveDuplicates();

        FacilityReadResult withBins = new OsmFacilityReader(new OsmReadOptions(true)).readPbf(TestFiles.HELSINKI_PBF);
        assertThat(withBins.facilities()).hasSize(65 + 90);
    }

    @Test
    void waysBecomeTheirCentroidAndNamesFallBackToChinese() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <osm version="0.6">
                  <node id="1" lat="30.0" lon="120.0"/>
                  <node id="2" lat="30.0" lon="120.002"/>
                  <node id="3" lat="30.002" lon="120.002"/>
                  <node id="4" lat="30.002" lon="120.0"/>
                  <node id="5" lat="30.1" lon="120.1">
                    <tag k="amenity" v="toilets"/><tag k="name:zh" v="西湖公厕"/><tag k="wheelchair" v="yes"/>
                    <tag k="addr:street" v="北山街"/><tag k="addr:housenumber" v="8"/>
                  </node>
                  <node id="6" lat="30.1" lon="120.1"><tag k="amenity" v="waste_basket"/></node>
                  <node id="7" lat="30.1" lon="120.1" visible="false"><tag k="amenity" v="toilets"/></node>
                  <way id="10">
                    <nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/>
                    <tag k="amenity" v="waste_transfer_station"/><tag k="name" v="Transfer"/>
                  </way>
                  <way id="11"><nd ref="99"/><nd ref="98"/><tag k="amenity" v="recycling"/></way>
                </osm>
                """;
        Path file = TestFiles.write(dir, "small.osm", xml, StandardCharsets.UTF_8);
        FacilityReadResult result = new OsmFacilityReader(OsmReadOptions.defaults()).readXml(file);

        assertThat(result.facilities()).hasSize(2);
        FacilityAttributes toilet = result.facilities().get(0);
        assertThat(toilet.name()).isEqualTo("西湖公厕");
        assertThat(toilet.barrierFree()).isTrue();
        assertThat(toilet.address()).isEqualTo("北山街 8");
        assertThat(toilet.source().key()).isEqualTo("osm:node/5");
        FacilityAttributes station = result.facilities().get(1);
        assertThat(station.type()).isEqualTo(FacilityType.TRANSFER_STATION);
        // centroid of the square 120.000-120.002 x 30.000-30.002
        assertThat(station.lonWgs84()).isCloseTo(120.001, within(1e-9));
        assertThat(station.latWgs84()).isCloseTo(30.001, within(1e-9));
        assertThat(station.source().key()).isEqualTo("osm:way/10");
        assertThat(result.skips()).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("way 11");
            assertThat(s.reason()).isEqualTo("none of its nodes is in the extract");
        });
    }

    @Test
    void aPlainStartDateDatesTheFacilityAndFreeTextOnesAreLeftOut() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <osm version="0.6">
                  <node id="1" lat="30.1" lon="120.1"><tag k="amenity" v="toilets"/><tag k="start_date" v="2015-06-01"/></node>
                  <node id="2" lat="30.1" lon="120.2"><tag k="amenity" v="toilets"/><tag k="start_date" v="2008"/></node>
                  <node id="3" lat="30.1" lon="120.3"><tag k="amenity" v="toilets"/><tag k="start_date" v="~1990"/></node>
                  <node id="4" lat="30.1" lon="120.4"><tag k="amenity" v="toilets"/><tag k="start_date" v="1990s"/></node>
                  <node id="5" lat="30.1" lon="120.5"><tag k="amenity" v="toilets"/></node>
                </osm>
                """;
        Path file = TestFiles.write(dir, "dated.osm", xml, StandardCharsets.UTF_8);
        FacilityReadResult result = new OsmFacilityReader(OsmReadOptions.defaults()).readXml(file);

        assertThat(result.facilities()).extracting(f -> f.source().key())
                .containsExactly("osm:node/1", "osm:node/2", "osm:node/3", "osm:node/4", "osm:node/5");
        // a year stands for its first day; OSM's approximate forms are no date, and no reason to leave a toilet out
        assertThat(result.statusSince()).containsExactly(java.time.LocalDate.of(2015, 6, 1), java.time.LocalDate.of(2008, 1, 1),
                null, null, null);
        assertThat(result.skips()).isEmpty();
    }

    @Test
    void garbageIsRejectedNotCrashedOn() throws Exception {
        byte[] garbage = new byte[1 << 20];
        new Random(7).nextBytes(garbage);
        Path file = dir.resolve("garbage.pbf");
        Files.write(file, garbage);
        assertThatThrownBy(() -> new OsmFacilityReader(OsmReadOptions.defaults()).readPbf(file))
                .isInstanceOf(ImportRejectedException.class).hasMessageStartingWith("not a valid OSM PBF file");
        Path xml = TestFiles.write(dir, "not.osm", "<html><body>hi</body></html>", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new OsmFacilityReader(OsmReadOptions.defaults()).readXml(xml))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("not an OSM XML file: the root element is <html>, not <osm>");
    }
}
