package cn.cfp.reporting;

import cn.cfp.certificate.CertificateEvents;
import cn.cfp.certificate.CertificateStatus;
import cn.cfp.certificate.PublicCertificate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the certificate module's events as it does (in a transaction; the reporting listener runs after commit)
 * and waits for the report items. Each test uses its own scheme code, so the lists it reads hold only its items.
 */
final class ReportingFixture {

    final String scheme = "T-RPT-" + UUID.randomUUID().toString().substring(0, 8);
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final CncaReporting reporting;
    private final Clock clock;

    ReportingFixture(ApplicationContext context) {
        this.events = context;
        this.tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.reporting = context.getBean(CncaReporting.class);
        this.clock = context.getBean(Clock.class);
    }

    String newNumber() {
        return "CFP-TEST-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static PublicCertificate certificate(String number, String scheme, int version, LocalDate issuedOn, LocalDate changedOn) {
        return new PublicCertificate(number, scheme, version, "华安电机有限公司", "江苏省常州市武进区示例路 8 号", "华安电机有限公司",
                "江苏省常州市武进区示例路 8 号", "华安电机有限公司一厂", "江苏省常州市武进区示例路 9 号", "YE3 系列三相异步电动机",
                List.of(new PublicCertificate.Product("三相异步电动机", "YE3-132M-4", new BigDecimal("18.5"), "kgCO2e/台", "1 台")),
                "1 台", "从摇篮到大门", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "GB/T 24067-2024",
                "文件评审 + 现场检查 + 碳足迹核查", issuedOn, issuedOn, changedOn, issuedOn.plusYears(3).minusDays(1),
                "示例产品碳足迹认证中心", "北京市朝阳区示例路 1 号", "http://localhost:8080/c/" + number, null, null);
    }

    /** Issues version 1 (today) and returns its item. */
    ReportItem issue(String number) {
        return publishAndWait(new CertificateEvents.Issued(1L, certificate(number, scheme, 1, today(), null), clock.instant()),
                number, ReportKind.ISSUE);
    }

    ReportItem change(String number, int version) {
        return publishAndWait(new CertificateEvents.Issued(1L, certificate(number, scheme, version, today(), today()), clock.instant()),
                number, ReportKind.CHANGE);
    }

    ReportItem status(String number, CertificateStatus status, String cause) {
        return publishAndWait(new CertificateEvents.StatusChanged(number, status, today(), today(), null, "CAUSE-1", cause,
                clock.instant()), number, ReportKind.of(status));
    }

    LocalDate today() {
        return reporting.today();
    }

    private ReportItem publishAndWait(Object event, String number, ReportKind kind) {
        int before = count(number, kind);
        tx.executeWithoutResult(s -> events.publishEvent(event));
        return await(() -> {
            List<ReportItem> items = mine(number, kind);
            return items.size() > before ? items.get(items.size() - 1) : null;
        });
    }

    List<ReportItem> mine(String number, ReportKind kind) {
        return reporting.items(new ItemFilter(scheme, kind, null, null, null)).stream().filter(i -> i.number().equals(number)).toList();
    }

    private int count(String number, ReportKind kind) {
        return mine(number, kind).size();
    }

    static <T> T await(Supplier<T> probe) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            T t = probe.get();
            if (t != null) {
                return t;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the report item did not appear within 20 s");
    }
}
