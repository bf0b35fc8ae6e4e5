package cn.cfp.reporting.internal;

import cn.cfp.reporting.CncaReporting;
import cn.cfp.reporting.ReportItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A report item as a page row: the item, the holder and products from its public data, its age, whether overdue. */
record ItemRow(ReportItem item, String holder, String products, String footprints, String cause, long ageDays, boolean overdue) {

    static List<ItemRow> of(List<ReportItem> items, CncaReporting reporting, LocalDate today, Set<Long> overdue) {
        List<ItemRow> rows = new ArrayList<>();
        for (ReportItem i : items) {
            JsonNode data = reporting.data(i);
            JsonNode cert = data.path("certificate");
            List<String> products = new ArrayList<>();
            List<String> footprints = new ArrayList<>();
            for (JsonNode p : cert.path("products")) {
                products.add((p.path("name").asString("") + " " + p.path("model").asString("")).strip());
                footprints.add(p.path("footprint").asString("") + " " + p.path("footprintUnit").asString(""));
            }
            rows.add(new ItemRow(i, cert.path("holderName").asString(""), String.join("；", products), String.join("；", footprints),
                    data.path("statusChange").path("cause").asString(""), i.ageDays(today), overdue.contains(i.id())));
        }
        return rows;
    }
}
