package cn.cfp.registry;

import static org.awaitility.Awaitility.await;

import cn.cfp.certificate.CertificateEvents;
import cn.cfp.certificate.CertificateStatus;
import cn.cfp.certificate.PublicCertificate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the registry the way the certificate module does: by publishing its events in a committed transaction; then
 * waits until the registry's listener has recorded them.
 */
public final class RegistryFixture {

    private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 5000));

    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Registry registry;
    private final Clock clock;

    public RegistryFixture(ApplicationContext context) {
        this.events = context;
        this.tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.registry = context.getBean(Registry.class);
        this.clock = context.getBean(Clock.class);
    }

    /** A fresh number of 000 Annex 4's form, printed with hyphens: CFP-0123-<year>-<product code>-<serial>. */
    public String newNumber() {
        int s = SERIAL.incrementAndGet();
        return "CFP-0123-" + LocalDate.now(clock).getYear() + "-" + String.format("%03d", s % 1000) + "-" + String.format("%04d", s);
    }

    /**
     * A certificate with ordinary public values: issued today, valid {@code validDays}, one product, the verified footprint of
     * the back-half walk (18.5 kgCO2e per piece).
     */
    public PublicCertificate certificate(String number, String scheme, String company, String product, int validDays) {
        LocalDate today = LocalDate.now(clock);
        return new PublicCertificate(number, scheme, 1, company, "北京市海淀区公开路 8 号", company + " 制造", "天津市公开路 9 号",
                company + " 工厂", "河北省公开路 10 号", "隔爆型电动机单元",
                List.of(new PublicCertificate.Product(product, "YB3-" + number.substring(number.length() - 4),
                        new BigDecimal("18.5"), "kgCO2e/件", "1 件")),
                "1 件产品", "从摇篮到大门", today.minusYears(1), today.minusDays(1), "GB/T 24067-2024", "产品碳足迹核查+获证后监督",
                today, today, null, today.plusDays(validDays), "示例产品碳足迹认证中心", "北京市朝阳区示例路 1 号",
                "http://localhost:8080/c/" + number, null, null);
    }

    public void issue(PublicCertificate c) {
        tx.executeWithoutResult(s -> events.publishEvent(new CertificateEvents.Issued(4242L, c, Instant.now(clock))));
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.find(c.number()).filter(e -> e.certificate().version() == c.version()).isPresent());
    }

    /** Whether the registry shows the certificate with this status now. */
    public boolean isShown(String number, CertificateStatus status) {
        return registry.find(number).filter(e -> e.status() == status).isPresent();
    }

    /** Publishes a status change; the caller waits for its effect where it wants to see the cache's behaviour. */
    public void status(String number, CertificateStatus status, LocalDate decided, LocalDate effective, String cause) {
        tx.executeWithoutResult(s -> events.publishEvent(new CertificateEvents.StatusChanged(number, status, decided, effective,
                null, "cause.test", cause, Instant.now(clock))));
    }
}
