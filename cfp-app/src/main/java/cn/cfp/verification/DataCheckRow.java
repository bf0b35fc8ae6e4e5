package cn.cfp.verification;

import cn.cfp.scheme.VerificationTables;
import java.util.Map;

/**
 * One row of a data-check table of a life-cycle stage [000 Ann.2 §4.3.2.1(3), §4.3.2.2(6); 002 §5.4.3.2 a)]: the
 * prefilled columns from the latest submission's inventory and the verifier's saved columns (null version: not saved).
 *
 * @param key                the datum the row checks ({@code process / item})
 * @param prefilled          the columns taken from the inventory, by column key (a null source: site data)
 * @param cells              the verifier's columns, by column key
 * @param supplierData       Table 2: the secondary datum comes from a supplier (must be third-party verified)
 * @param thirdPartyVerified Table 2: the supplier's datum was verified by a third party [000 Ann.2 §4.3.2.2(4)]
 * @param foreignData        Table 2: the datum is foreign data (its source and applicability confirmed)
 * @param foreignDataNote    Table 2: why the foreign datum is credible and applicable [000 Ann.2 §4.3.2.2(5)]
 */
public record DataCheckRow(VerificationTables.Table table, String stage, String key, int number,
                           Map<String, String> prefilled, Map<String, String> cells, Aspect.Conclusion conclusion,
                           boolean supplierData, boolean thirdPartyVerified, boolean foreignData, String foreignDataNote,
                           String savedBy, Integer version) {

    public String cell(String column) {
        return cells.get(column);
    }

    public String value(String column) {
        return prefilled.containsKey(column) ? prefilled.get(column) : cells.get(column);
    }

    public boolean saved() {
        return version != null;
    }
}
