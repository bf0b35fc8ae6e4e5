package cn.cfp.application;

import cn.cfp.party.Site;
import cn.cfp.scheme.ProductClass;
import cn.cfp.scheme.Scheme;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A product line of an application: name, model, a production site of the application's factory, non-negative counts. */
final class ProductPolicy {

    static final int MAX_NAME = 200;
    static final int MAX_MODEL = 100;
    static final int MAX_CATEGORY = 100;

    private ProductPolicy() {
    }

    static Verdict check(String productName, String model, Long siteId, Optional<Site> site, long factoryOrgId, Integer bomItems,
                         Integer ghgSources, Scheme scheme, String category) {
        List<Reason> problems = new ArrayList<>();
        if (productName == null || productName.isBlank()) {
            problems.add(Reason.of("application.product.nameRequired").at("productName"));
        } else if (productName.strip().length() > MAX_NAME) {
            problems.add(Reason.of("application.product.tooLong", MAX_NAME).at("productName"));
        }
        if (model == null || model.isBlank()) {
            problems.add(Reason.of("application.product.modelRequired").at("model"));
        } else if (model.strip().length() > MAX_MODEL) {
            problems.add(Reason.of("application.product.tooLong", MAX_MODEL).at("model"));
        }
        if (siteId == null) {
            problems.add(Reason.of("application.product.siteRequired").at("siteId"));
        } else if (site.isEmpty() || site.get().organisationId() != factoryOrgId) {
            problems.add(Reason.of("application.product.siteNotFactorys", siteId).at("siteId"));
        }
        if (bomItems != null && bomItems < 0 || ghgSources != null && ghgSources < 0) {
            problems.add(Reason.of("application.product.negativeCount").at("bomItems"));
        }
        // a scheme that lists product classes (CEC Table 1 [002 §4], CGC fields [003 ¶14]) is chosen from, never typed;
        // a scheme without classes leaves the class free text
        List<ProductClass> classes = scheme.productClasses();
        if (category != null && !category.isBlank() && !classes.isEmpty() && classes.stream().noneMatch(c -> c.matches(category))) {
            problems.add(Reason.of("application.product.notAClass", category.strip(), classes, scheme.unitDivision().cite()).at("category"));
        } else if (category != null && category.strip().length() > MAX_CATEGORY) {
            problems.add(Reason.of("application.product.tooLong", MAX_CATEGORY).at("category"));
        }
        return Verdict.of(problems);
    }

    /** What the product records as its class: the scheme's class it names (its {@link ProductClass#value()}), else the text; null when blank. */
    static String recordedClass(Scheme scheme, String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        return scheme.productClasses().stream().filter(c -> c.matches(category)).findFirst().map(ProductClass::value)
                .orElse(category.strip());
    }
}
