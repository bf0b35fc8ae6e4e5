package cn.cfp.registry.internal;

import cn.cfp.registry.OpenData;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes the open-data export once a day on Spring's scheduler (enabled by the notification module's SchedulingConfig);
 * {@link OpenData#export(String)} is idempotent and audits each run.
 */
@Component
class OpenDataJob {

    private final OpenData openData;

    OpenDataJob(OpenData openData) {
        this.openData = openData;
    }

    @Scheduled(cron = "${cfp.registry.open-data-cron:0 20 2 * * *}")
    void run() {
        openData.export("daily");
    }
}
