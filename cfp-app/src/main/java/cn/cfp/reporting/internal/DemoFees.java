package cn.cfp.reporting.internal;

import cn.cfp.reporting.FeeBasis;
import cn.cfp.reporting.FeeItem;
import cn.cfp.reporting.FeeScheduleDraft;
import cn.cfp.reporting.FeeSchedules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's fee schedule (once, when there is none): plausible lines, saved as demonstration values — the public page
 * says so. A body publishes its own [000 §10].
 */
@Component
@ConditionalOnProperty(name = "cfp.demo.enabled", havingValue = "true")
@Order(20)
class DemoFees implements ApplicationRunner {

    private final FeeSchedules fees;
    private final Clock clock;

    DemoFees(FeeSchedules fees, Clock clock) {
        this.fees = fees;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().isEmpty()) {
            return; // a CLI command, not the platform
        }
        fees.loadDemo(schedule(LocalDate.now(clock).withDayOfYear(1)));
    }

    static FeeScheduleDraft schedule(LocalDate effectiveOn) {
        return new FeeScheduleDraft(0, effectiveOn, "演示数据：以下金额仅为演示值，不是任何认证机构的实际收费标准。",
                "Demo data: the amounts below are demonstration values, not any certification body's actual fees.", List.of(
                new FeeItem("申请受理费", "Application fee", FeeBasis.PER_APPLICATION, new BigDecimal("500.00"), null, null),
                new FeeItem("文件评审费", "Document review", FeeBasis.PER_MAN_DAY, new BigDecimal("2800.00"),
                        "按方案规定的人日数计", "man-days as the scheme sets them"),
                new FeeItem("现场检查/核查费", "On-site inspection / verification", FeeBasis.PER_MAN_DAY, new BigDecimal("2800.00"),
                        "差旅费按实际发生另计", "travel charged at cost"),
                new FeeItem("技术复核与认证决定费", "Technical review and decision", FeeBasis.PER_UNIT, new BigDecimal("1500.00"), null, null),
                new FeeItem("证书费", "Certificate fee", FeeBasis.PER_CERTIFICATE, new BigDecimal("600.00"),
                        "含电子证书与标识文件", "electronic certificate and label files included"),
                new FeeItem("年度监督费", "Annual surveillance", FeeBasis.PER_YEAR, new BigDecimal("5600.00"),
                        "按 2 人日计", "2 man-days")));
    }
}
