package cn.cfp.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes an audit checkpoint every {@code cfp.audit.checkpoint-interval} while the platform runs and once more at a
 * graceful shutdown, after the web server has finished its last requests (issue 8 item 4). Only the running platform
 * writes checkpoints; {@code cfp audit verify} (no web server) only reads them.
 */
@Component
@ConditionalOnWebApplication
class CheckpointWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointWriter.class);

    private final AuditCheckpoints checkpoints;
    private final Duration interval;
    private ScheduledExecutorService executor;

    CheckpointWriter(AuditCheckpoints checkpoints, @Value("${cfp.audit.checkpoint-interval}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("cfp.audit.checkpoint-interval (CFP_AUDIT_CHECKPOINT_INTERVAL) must be positive, "
                    + "e.g. 5m; it is " + interval);
        }
        this.checkpoints = checkpoints;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-checkpoint");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::checkpoint, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        checkpoint();
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Stops after the web server (a lower phase stops later), so the last checkpoint includes the last requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void checkpoint() {
        try {
            checkpoints.write();
        } catch (RuntimeException e) {
            log.error("audit checkpoint failed", e);
        }
    }
}
