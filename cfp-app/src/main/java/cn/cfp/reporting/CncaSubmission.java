package cn.cfp.reporting;

import java.time.Instant;
import java.util.List;

/** One report made to CNCA, covering one or more items: when, by whom, how, and CNCA's reply or receipt reference. */
public record CncaSubmission(long id, ReportChannel channel, String receipt, String note, String submittedBy,
                             Instant submittedAt, List<Long> itemIds) {

    public CncaSubmission {
        itemIds = List.copyOf(itemIds);
    }
}
