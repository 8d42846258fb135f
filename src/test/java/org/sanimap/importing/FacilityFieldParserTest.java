package org.sanimap.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The date forms of {@code status_since} that bureaus' ledgers use, and the exact refusals. */
class FacilityFieldParserTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void statusSinceReadsDaysMonthsAndYearsInTheLedgersForms() {
        assertThat(FacilityFieldParser.statusSince("2019-05-01", TODAY)).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(FacilityFieldParser.statusSince("2019/5/1", TODAY)).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(FacilityFieldParser.statusSince("2019.05.01", TODAY)).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(FacilityFieldParser.statusSince("2019年5月1日", TODAY)).isEqualTo(LocalDate.of(2019, 5, 1));
        // a month or a year stands for its first day
        assertThat(FacilityFieldParser.statusSince("2019年5月", TODAY)).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(FacilityFieldParser.statusSince("2019-05", TODAY)).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(FacilityFieldParser.statusSince("2019年", TODAY)).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(FacilityFieldParser.statusSince(" 2019 ", TODAY)).isEqualTo(LocalDate.of(2019, 1, 1));
        // a time of day (GeoPackage DATETIME, spreadsheet exports) is dropped
        assertThat(FacilityFieldParser.statusSince("2019-05-01T08:30:00Z", TODAY)).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(FacilityFieldParser.statusSince("2019-05-01 08:30", TODAY)).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(FacilityFieldParser.statusSince("2026-12-04", TODAY)).isEqualTo(TODAY);
        assertThat(FacilityFieldParser.statusSince("  ", TODAY)).isNull();
        assertThat(FacilityFieldParser.statusSince(null, TODAY)).isNull();
    }

    @Test
    void statusSinceRefusesWhatIsNoDateOrCannotHaveHappened() {
        assertThatThrownBy(() -> FacilityFieldParser.statusSince("2019-02-30", TODAY))
                .hasMessage("status_since '2019-02-30' is not a date (yyyy-mm-dd, yyyy-mm or yyyy, or 2019年6月1日)");
        assertThatThrownBy(() -> FacilityFieldParser.statusSince("05/01/2019", TODAY))
                .hasMessage("status_since '05/01/2019' is not a date (yyyy-mm-dd, yyyy-mm or yyyy, or 2019年6月1日)");
        assertThatThrownBy(() -> FacilityFieldParser.statusSince("2026-12-05", TODAY))
                .hasMessage("status_since 2026-12-05 is after today (2026-12-04)");
        assertThatThrownBy(() -> FacilityFieldParser.statusSince("1850", TODAY))
                .hasMessage("status_since 1850 is before 1900");
        assertThat(FacilityFieldParser.statusSinceIfDate("~1990", TODAY)).isEmpty();
        assertThat(FacilityFieldParser.statusSinceIfDate("2027", TODAY)).isEmpty();
    }
}
