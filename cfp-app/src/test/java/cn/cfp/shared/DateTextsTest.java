package cn.cfp.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Issue 8 item 12: dates and times in Asia/Shanghai, in the reader's format. */
class DateTextsTest {

    @Test
    void a_moment_is_printed_in_china_time_whatever_zone_it_was_stored_in() {
        // 2026-12-31 17:30 UTC is already 1 January 2027, 01:30 in Shanghai (UTC+8)
        Instant newYearInChina = Instant.parse("2026-12-31T17:30:00Z");
        assertThat(DateTexts.time(newYearInChina, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2027-01-01 01:30");
        assertThat(DateTexts.date(newYearInChina, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2027-01-01");
        assertThat(DateTexts.time(OffsetDateTime.parse("2026-12-31T17:30:00Z"), Locale.ENGLISH)).isEqualTo("1 Jan 2027, 01:30");
    }

    @Test
    void a_date_prints_in_the_readers_language_and_the_year_has_no_thousands_separator() {
        LocalDate d = LocalDate.of(2027, 3, 5);
        assertThat(DateTexts.date(d, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2027-03-05");
        assertThat(DateTexts.date(d, Locale.ENGLISH)).isEqualTo("5 Mar 2027").doesNotContain("2,027");
        assertThat(DateTexts.time(d, Locale.ENGLISH)).isEqualTo("5 Mar 2027");
        assertThat(DateTexts.date(null, Locale.ENGLISH)).isEmpty();
    }
}
