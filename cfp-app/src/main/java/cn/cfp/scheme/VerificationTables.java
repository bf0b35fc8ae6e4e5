package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;

/**
 * The data-check tables the verifier fills per life-cycle stage [000 Ann.2 §4.3.2.1(3), §4.3.2.2(6)]: Table 1 (primary
 * data) and Table 2 (secondary data) in every scheme; CEC adds Table 3 (primary data quality requirements)
 * [002 §5.4.3.2 a)].
 */
public record VerificationTables(List<Table> tables) implements Summarizable {

    /** One table of the verification worksheet. */
    public enum Table {
        PRIMARY_DATA("初级数据核查表", "primary data check"),
        SECONDARY_DATA("次级数据核查表", "secondary data check"),
        PRIMARY_DATA_QUALITY("初级数据质量要求", "primary data quality requirements");

        private final String zh;
        private final String en;

        Table(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String label(Locale locale) {
            return Texts.pick(locale, zh, en);
        }
    }

    public VerificationTables {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    public boolean has(Table t) {
        return tables.contains(t);
    }

    @Override
    public String summary(Locale locale) {
        return Texts.join(tables, t -> t.label(locale), "; ");
    }
}
