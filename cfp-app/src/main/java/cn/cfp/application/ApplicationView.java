package cn.cfp.application;

import java.time.LocalDate;
import java.util.List;

/**
 * A certification application as other modules see it (planning, inspection, verification). Where the certification
 * stands after acceptance (stage, waived stages, clock, end) is the case's ({@code cases.Cases}).
 *
 * @param acceptedOn formal acceptance date: the 90-day clock starts here (R-APP-4, R-PLAN-5); null before
 */
public record ApplicationView(long id, String reference, String schemeCode, long applicantOrgId, long manufacturerOrgId,
                              long factoryOrgId, ApplicationStatus status, List<Site> sites, List<Product> products,
                              List<Unit> units, LocalDate acceptedOn) {

    /** A production site of the factory. */
    public record Site(long id, String name, String address) {
    }

    /** A product/model line of the application, with the counts that drive man-days (CGC BOM items, CICC GHG sources). */
    public record Product(long id, String productName, String model, String category, Long siteId,
                          Integer bomItems, Integer ghgSources) {
    }

    /** A certification unit (R-UNIT). */
    public record Unit(long id, String label, Long siteId, String category, List<String> models,
                       String functionalUnit, boolean agreed, String divisionReason) {

        public Unit(long id, String label, Long siteId, String category, List<String> models, String functionalUnit, boolean agreed) {
            this(id, label, siteId, category, models, functionalUnit, agreed, null);
        }
    }

    public ApplicationView {
        sites = List.copyOf(sites);
        products = List.copyOf(products);
        units = List.copyOf(units);
    }
}
