package org.sanimap.engine.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CoveringInstanceTest {

    private static CoveringInstance read(String text) throws IOException {
        return CoveringInstance.read(new BufferedReader(new StringReader(text)));
    }

    @Test
    void coordInstancesGiveLatitudeThenLongitude() throws IOException {
        CoveringInstance ny = read("NAME : t\nTYPE : MCLP\nEDGE_WEIGHT_TYPE : COORD\nDIMENSION : 2\nNODE_COORD_SECTION\n"
                + "40.6899138 -074.0453133\n40.7140465 -073.9861951\nDEMAND_SECTION\n3\n5\nEOF\n");
        assertThat(ny.planar()).isFalse();
        assertThat(ny.latDegrees()).containsExactly(40.6899138, 40.7140465);
        assertThat(ny.lonDegrees()).containsExactly(-74.0453133, -73.9861951);
        assertThat(ny.demand()).containsExactly(3, 5);
    }

    @Test
    void otherEdgeWeightTypesArePlanarXyAsTheReferenceCodeReadsThem() throws IOException {
        // the SJC instances of Lorena and Pereira carry "EDGE_WEIGHT_TYPE : 32"; AILS-MCLP measures them as EUC_2D
        for (String type : new String[] {"EUC_2D", "32"}) {
            CoveringInstance sjc = read("NAME : SJC\nTYPE : MCLP\nEDGE_WEIGHT_TYPE : " + type + "\nDIMENSION : 2\n"
                    + "NODE_COORD_SECTION\n409154 435528\n409151 435683\nDEMAND_SECTION\n50\n4\nEOF");
            assertThat(sjc.planar()).as(type).isTrue();
            assertThat(sjc.x()).containsExactly(409154, 409151);
            assertThat(sjc.y()).containsExactly(435528, 435683);
            assertThatThrownBy(sjc::latDegrees).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void badInputNamesItsLine() {
        assertThatThrownBy(() -> read("EDGE_WEIGHT_TYPE : COORD\nNODE_COORD_SECTION\n409154 435528\nDEMAND_SECTION\n1\n"))
                .hasMessage("latitude 409154.0 out of range [-90, 90] at line 3 (EDGE_WEIGHT_TYPE COORD gives lat lon;"
                        + " planar x y need EDGE_WEIGHT_TYPE : EUC_2D)");
        assertThatThrownBy(() -> read("NODE_COORD_SECTION\n40 200\nDEMAND_SECTION\n1\n"))
                .hasMessage("longitude 200.0 out of range [-180, 180] at line 2");
        assertThatThrownBy(() -> read("DIMENSION : 3\nNODE_COORD_SECTION\n40 20\nDEMAND_SECTION\n1\n"))
                .hasMessage("DIMENSION 3 but 1 nodes");
        assertThatThrownBy(() -> read("NODE_COORD_SECTION\n40 x\nDEMAND_SECTION\n1\n"))
                .hasMessage("line 2 '40 x' is not a number pair or demand");
        assertThatThrownBy(() -> read("NODE_COORD_SECTION\n40 20\n41 21\nDEMAND_SECTION\n1\n"))
                .hasMessage("2 coordinates but 1 demands");
    }
}
