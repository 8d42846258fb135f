package org.sanimap.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FootAccessRulesTest {

    @Test
    void followsTheFootProfileRules() {
        assertThat(FootAccessRules.walkable(Map.of("highway", "footway"))).isTrue();
        assertThat(FootAccessRules.walkable(Map.of("highway", "residential"))).isTrue();
        assertThat(FootAccessRules.walkable(Map.of("highway", "primary"))).isTrue();
        assertThat(FootAccessRules.walkable(Map.of("highway", "motorway"))).isFalse();
        assertThat(FootAccessRules.walkable(Map.of("highway", "motorway", "foot", "yes"))).isTrue();
        assertThat(FootAccessRules.walkable(Map.of("highway", "footway", "foot", "no"))).isFalse();
        assertThat(FootAccessRules.walkable(Map.of("highway", "service", "access", "private"))).isFalse();
        assertThat(FootAccessRules.walkable(Map.of("highway", "service", "access", "private", "foot", "yes"))).isTrue();
        assertThat(FootAccessRules.walkable(Map.of("highway", "primary", "sidewalk", "separate"))).isFalse();
        assertThat(FootAccessRules.walkable(Map.of("highway", "construction"))).isFalse();
        assertThat(FootAccessRules.walkable(Map.of("building", "yes"))).isFalse();
        assertThat(FootAccessRules.walkable(Map.of("highway", "residential", "area", "yes"))).isFalse();
        assertThat(FootAccessRules.walkable(Map.of("highway", "pedestrian", "area", "yes"))).isTrue();
    }
}
