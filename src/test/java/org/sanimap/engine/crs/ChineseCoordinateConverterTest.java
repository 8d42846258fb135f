package org.sanimap.engine.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.sanimap.testing.Haversine;

class ChineseCoordinateConverterTest {

    // Published pairs from the README of wandergis/coordtransform (a widely used implementation):
    // wgs84togcj02(116.404, 39.915) = [116.41024449916938, 39.91640428150164]
    // gcj02tobd09(116.404, 39.915)  = [116.41036949371029, 39.92133699351021]
    // bd09togcj02(116.404, 39.915)  = [116.39762729119315, 39.90865673957631]

    @Test
    void forwardTransformsReproducePublishedValues() {
        LonLat gcj = ChineseCoordinateConverter.wgs84ToGcj02(116.404, 39.915);
        assertThat(gcj.lon()).isCloseTo(116.41024449916938, within(1e-10));
        assertThat(gcj.lat()).isCloseTo(39.91640428150164, within(1e-10));
        LonLat bd = ChineseCoordinateConverter.gcj02ToBd09(116.404, 39.915);
        assertThat(bd.lon()).isCloseTo(116.41036949371029, within(1e-10));
        assertThat(bd.lat()).isCloseTo(39.92133699351021, within(1e-10));
    }

    @Test
    void inversesRecoverThePublishedInputsToAMillimetre() {
        LonLat wgs = ChineseCoordinateConverter.gcj02ToWgs84(116.41024449916938, 39.91640428150164);
        assertThat(metres(wgs, new LonLat(116.404, 39.915))).isLessThan(0.001);
        LonLat gcj = ChineseCoordinateConverter.bd09ToGcj02(116.41036949371029, 39.92133699351021);
        assertThat(metres(gcj, new LonLat(116.404, 39.915))).isLessThan(0.001);
        // the published one-step bd09->gcj02 inverse is an approximation; ours agrees with it to a metre
        LonLat oneStep = ChineseCoordinateConverter.bd09ToGcj02(116.404, 39.915);
        assertThat(metres(oneStep, new LonLat(116.39762729119315, 39.90865673957631))).isLessThan(1.0);
    }

    @Test
    void roundTripsAcrossChineseCitiesStayBelowACentimetre() {
        double[][] cities = {{121.4737, 31.2304}, {113.2644, 23.1291}, {104.0665, 30.5723}, {126.6424, 45.7567},
            {87.6168, 43.8256}, {119.2965, 26.0745}, {91.1409, 29.6456}};
        for (double[] c : cities) {
            LonLat gcj = ChineseCoordinateConverter.wgs84ToGcj02(c[0], c[1]);
            assertThat(metres(ChineseCoordinateConverter.gcj02ToWgs84(gcj.lon(), gcj.lat()), new LonLat(c[0], c[1])))
                    .isLessThan(0.01);
            LonLat bd = ChineseCoordinateConverter.wgs84ToBd09(c[0], c[1]);
            assertThat(metres(ChineseCoordinateConverter.bd09ToWgs84(bd.lon(), bd.lat()), new LonLat(c[0], c[1])))
                    .isLessThan(0.01);
            // the offset itself is hundreds of metres, so the round trip is not trivially the identity
            assertThat(metres(gcj, new LonLat(c[0], c[1]))).isGreaterThan(50);
        }
    }

    @Test
    void outsideChinaGcj02IsWgs84() {
        LonLat p = ChineseCoordinateConverter.wgs84ToGcj02(-51.2, -30.03);
        assertThat(p).isEqualTo(new LonLat(-51.2, -30.03));
        assertThat(ChineseCoordinateConverter.gcj02ToWgs84(24.94, 60.17)).isEqualTo(new LonLat(24.94, 60.17));
    }

    static double metres(LonLat a, LonLat b) {
        return Haversine.meters(a.lon(), a.lat(), b.lon(), b.lat());
    }
}
