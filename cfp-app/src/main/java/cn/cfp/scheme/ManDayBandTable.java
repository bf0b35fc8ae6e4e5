package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A man-day table by a counted driver (BOM items, GHG sources); bands are ascending, contiguous, non-overlapping. */
public record ManDayBandTable(Driver driver, List<ManDayBand> bands, LocalizedText note) implements Summarizable {

    public enum Driver {
        BOM_ITEMS("BOM 物料数量", "BOM items"), GHG_SOURCES("GHG 排放源和吸收汇个数", "GHG sources and sinks");

        private final String zh;
        private final String en;

        Driver(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String label(Locale locale) {
            return LocalizedText.english(locale) ? en : zh;
        }
    }

    public ManDayBandTable {
        bands = List.copyOf(bands);
    }

    public Optional<ManDayBand> bandFor(int count) {
        return bands.stream().filter(b -> b.covers(count)).findFirst();
    }

    @Override
    public String summary(Locale locale) {
        return driver.label(locale) + " — " + Texts.join(bands, b -> b.summary(locale), "; ");
    }
}
