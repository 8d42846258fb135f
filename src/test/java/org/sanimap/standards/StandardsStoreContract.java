package org.sanimap.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanimap.facility.FacilityType;
import org.springframework.beans.factory.annotation.Autowired;

/** The seeded catalogue and rule edits behave the same on both stores. */
abstract class StandardsStoreContract {

    @Autowired
    StandardsService standards;

    @Test
    void theSeedHoldsEveryRuleOfTheCatalogueFileWithOnlyTheGb55013RulesActive() throws Exception {
        List<StandardRule> file = StandardsCatalogueReader.read(new StringReader(
                Files.readString(Path.of("data/standards/standards.csv"))));
        java.util.Set<String> seeded = file.stream().map(StandardRule::code).collect(java.util.stream.Collectors.toSet());
        // other tests of this class may add rules; the seed is what carries the file's codes
        List<StoredRule> stored = standards.list(null, null, false).stream().filter(s -> seeded.contains(s.rule().code())).toList();
        assertThat(file).hasSize(22);
        assertThat(stored).extracting(StoredRule::rule).containsExactlyInAnyOrderElementsOf(file);
        assertThat(stored).filteredOn(s -> s.rule().active()).extracting(s -> s.rule().code())
                .containsExactlyInAnyOrder("gb55013-toilet-radius", "gb55013-collection-point-radius");
        assertThat(standards.activeRadius(FacilityType.PUBLIC_TOILET)).hasValueSatisfying(s -> {
            assertThat(s.rule().maxValue()).isEqualTo(300.0);
            assertThat(s.rule().source()).isEqualTo("GB 55013-2021 5.0.1");
        });
        assertThat(standards.activeRadius(FacilityType.COLLECTION_POINT).orElseThrow().rule().maxValue()).isEqualTo(120.0);
    }

    @Test
    void editsNeedTheCurrentVersion() {
        StoredRule created = standards.create(new StandardRule("city-" + getClass().getSimpleName().toLowerCase(),
                FacilityType.MOBILE_TOILET, RuleKind.SPACING, "event_area", 50.0, 200.0, "市容环卫局 2026 号文", "L", false, null));
        StandardRule edited = new StandardRule(created.rule().code(), FacilityType.MOBILE_TOILET, RuleKind.SPACING,
                "event_area", 50.0, 150.0, "市容环卫局 2026 号文", "L", true, "tightened");
        StoredRule updated = standards.update(created.id(), edited, created.version());
        assertThat(updated.rule()).isEqualTo(edited);
        assertThat(updated.version()).isEqualTo(created.version() + 1);
        assertThatThrownBy(() -> standards.update(created.id(), edited, created.version()))
                .isInstanceOf(StaleRuleException.class);
    }
}
