package cn.cfp.application;

import cn.cfp.party.Site;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A product line of an application: name, model, a production site of the application's factory, non-negative counts. */
final class ProductPolicy {

    static final int MAX_NAME = 200;
    static final int MAX_MODEL = 100;

    private ProductPolicy() {
    }

    static Verdict check(String productName, String model, Long siteId, Optional<Site> site, long factoryOrgId, Integer bomItems,
                         Integer ghgSources) {
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
        return Verdict.of(problems);
    }
}
