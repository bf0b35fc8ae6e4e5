package cn.cfp.scheme;

import java.util.List;
import java.util.Optional;

/**
 * An enterprise assurance-capability checklist (企业保证能力检查) as a scheme uses it: the item set (000 Annex 1, CEC Annex 3)
 * with the scheme's clause headings applied (CGC Annex 2 renames some headings) [back-half §1.3].
 *
 * @param set   the item set's key, e.g. {@code ANNEX1}, {@code CEC_ANNEX3}
 * @param title the checklist's title as the scheme prints it
 * @param cite  where the set is stated, e.g. {@code 000 Ann.1}
 * @param items every item in order
 */
public record AssuranceChecklist(String set, LocalizedText title, String cite, List<Item> items) {

    /** How an item applies: to every case, only when the scope includes a life-cycle stage, or optional (必要时). */
    public enum Applicability { ALWAYS, SCOPE, OPTIONAL }

    /**
     * One item.
     *
     * @param id            stable id, e.g. {@code A1-2.3}
     * @param clause        the clause as printed, e.g. {@code 2.3}
     * @param heading       the clause's heading (the scheme's wording)
     * @param check         what is checked
     * @param applicability always / scope / optional
     * @param scopeStage    for SCOPE: the life-cycle stage (delivery-storage, use, end-of-life)
     * @param cite          the clause cite, used as the nonconformity's clause
     */
    public record Item(String id, String clause, LocalizedText heading, LocalizedText check, Applicability applicability,
                       String scopeStage, String cite) {
    }

    public AssuranceChecklist {
        items = List.copyOf(items);
    }

    public Optional<Item> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
