package cn.cfp.reporting.internal;

import cn.cfp.reporting.CncaReporting;
import cn.cfp.reporting.ReportChannel;
import cn.cfp.reporting.ReportItem;
import cn.cfp.reporting.ReportKind;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;

/**
 * A report item as the API answers it: the item, its age in days and its reporting, with its public data.
 *
 * @param reported null while unreported; {@code by} only for the body's staff (the regulator's view leaves it out)
 */
record ItemJson(long id, ReportKind kind, String number, String scheme, Integer version, String status, LocalDate eventDate,
                Instant recordedAt, long ageDays, Reported reported, JsonNode certificate, JsonNode statusChange) {

    record Reported(long submissionId, Instant at, String by, ReportChannel channel, String receipt) {
    }

    static ItemJson of(ReportItem i, CncaReporting reporting, LocalDate today, boolean withWho) {
        JsonNode data = reporting.data(i);
        Reported r = i.reported() == null ? null : new Reported(i.reported().submissionId(), i.reported().at(),
                withWho ? i.reported().by() : null, i.reported().channel(), i.reported().receipt());
        return new ItemJson(i.id(), i.kind(), i.number(), i.schemeCode(), i.version(), i.status(), i.eventDate(), i.recordedAt(),
                i.ageDays(today), r, data.get("certificate"), data.get("statusChange"));
    }
}
