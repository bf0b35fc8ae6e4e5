package cn.cfp.registry;

import cn.cfp.body.BodyIdentity;
import cn.cfp.certificate.PublicCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry benchmark's data (profile {@code bench} only; docs/performance.md "Public registry"): at start-up,
 * {@code cfp.registry.bench.certificates} certificates (default 100,000) written through the module's own repository
 * as the event listener writes them, in batches, unless the registry already holds that many; their numbers go to
 * {@code <data-dir>/bench-numbers.txt} for the load generator.
 */
@Component
@Profile("bench")
class RegistryBenchSeed {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryBenchSeed.class);

    private final RegistryRepository repository;
    private final TransactionTemplate tx;
    private final BodyIdentity body;
    private final Clock clock;
    private final int count;
    private final Path numbersFile;

    RegistryBenchSeed(RegistryRepository repository, PlatformTransactionManager transactions, BodyIdentity body, Clock clock,
                      @Value("${cfp.registry.bench.certificates:100000}") int count, @Value("${cfp.data-dir}") Path dataDir) {
        this.repository = repository;
        this.tx = new TransactionTemplate(transactions);
        this.body = body;
        this.clock = clock;
        this.count = count;
        this.numbersFile = dataDir.resolve("bench-numbers.txt");
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        LocalDate today = LocalDate.now(clock);
        List<String> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            numbers.add("CFP-" + body.bodyCode() + "-" + today.getYear() + "-" + String.format("%03d", i / 10_000)
                    + "-" + String.format("%04d", i % 10_000));
        }
        long have = repository.count();
        long started = System.nanoTime();
        if (have < count) {
            Instant at = clock.instant();
            for (int from = (int) have; from < count; from += 1000) {
                int start = from;
                tx.executeWithoutResult(s -> {
                    for (int i = start; i < Math.min(start + 1000, count); i++) {
                        repository.publish(certificate(numbers.get(i), i, today), at);
                    }
                });
            }
        }
        try {
            Files.write(numbersFile, numbers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("registry bench: {} certificates ({} added in {} ms); numbers in {}", count, Math.max(0, count - have),
                (System.nanoTime() - started) / 1_000_000, numbersFile);
    }

    private PublicCertificate certificate(String number, int i, LocalDate today) {
        String company = "基准测试企业 " + i;
        return new PublicCertificate(number, i % 3 == 0 ? "CNCA-CFP-00" : i % 3 == 1 ? "CNEX-01-G" : "CGC-R52003", 1,
                company + " 有限公司", "北京市海淀区基准路 " + i + " 号", company + " 制造", "天津市基准路 " + i + " 号",
                company + " 工厂", "河北省基准路 " + i + " 号", "电动机单元 " + (i % 50),
                List.of(new PublicCertificate.Product("隔爆型三相异步电动机", "YB3-" + i, new BigDecimal("18.5").add(BigDecimal.valueOf(i % 100, 1)),
                        "kgCO2e/台", "1 台")),
                "1 台电动机", "从摇篮到大门", today.minusYears(1), today.minusDays(1), "GB/T 24067-2024", "产品碳足迹核查+获证后监督",
                today.minusDays(i % 700), today.minusDays(i % 700), null, today.minusDays(i % 700).plusYears(2),
                body.name(), body.address(), body.certificateUrl(number), null, null);
    }
}
