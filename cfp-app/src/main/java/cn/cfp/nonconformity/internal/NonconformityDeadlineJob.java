package cn.cfp.nonconformity.internal;

import cn.cfp.nonconformity.Nonconformities;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the deadline check of nonconformities (R-NC-3) once a day on Spring's scheduler (enabled by the notification
 * module's SchedulingConfig); {@link Nonconformities#applyDeadlines()} is idempotent and audits each run.
 */
@Component
class NonconformityDeadlineJob {

    private final Nonconformities ncs;

    NonconformityDeadlineJob(Nonconformities ncs) {
        this.ncs = ncs;
    }

    @Scheduled(cron = "${cfp.nonconformity.deadline-cron:0 30 1 * * *}")
    void run() {
        ncs.applyDeadlines();
    }
}
