package cn.cfp.nonconformity;

import cn.cfp.scheme.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One nonconformity as read (R-NC). {@code number} runs 1, 2, … per case and is never reused. */
public record NonconformityView(long id, long applicationId, int number, Stage source, String sourceRef, String clause,
                                String description, String ncClass, BigDecimal effectPercent, LocalDate dueOn,
                                NonconformityStatus status, String raisedBy, Instant raisedAt, int version) {

    public boolean open() {
        return status.open();
    }
}
