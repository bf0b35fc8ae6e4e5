package cn.cfp.reporting;

import java.util.List;

/** A request to record that these items were reported to CNCA: the channel, CNCA's receipt reference, a note. */
public record MarkReported(List<Long> itemIds, ReportChannel channel, String receipt, String note) {
}
