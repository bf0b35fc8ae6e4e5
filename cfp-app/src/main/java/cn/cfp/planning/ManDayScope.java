package cn.cfp.planning;

/**
 * What one man-day computation covers (a site, a certification unit or the whole project, per the scheme's basis)
 * with the counts that drive the tables.
 *
 * @param bomItems            BOM item count (CGC ¶54, ¶69); null when unknown
 * @param ghgSources          GHG sources and sinks (CICC App. A); null when unknown
 * @param inspectionExempt    on-site inspection waived for this application [R-APP-5]
 * @param verificationAdopted a prior verification adopted: no on-site verification [R-APP-5]
 */
public record ManDayScope(String key, String label, Integer bomItems, Integer ghgSources, boolean inspectionExempt,
                          boolean verificationAdopted) {
}
