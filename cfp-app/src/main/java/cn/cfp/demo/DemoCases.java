package cn.cfp.demo;

import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo cases (issues 9 and 10), made on a fresh database with the modules' own use cases ({@link DemoWalk}), so a person
 * trying the platform finds work at every stage:
 * <ul>
 *   <li>mid-way: a CNEX case whose visit has started (inspection and verification), a CGC case at its on-site
 *       inspection, a CICC case at its stage 1, a CEC case whose plan was sent (document review next);</li>
 *   <li>ready for technical review: one case per shipped scheme walked through every stage of its route with the
 *       verified footprint 18.5 kg CO2e per piece and every nonconformity closed (R-REV-1's starting point).</li>
 * </ul>
 * Loaded with the demo data when {@code cfp.demo.cases} is on (the default; the tests turn it off so their counts start
 * from the users alone). A step a module refuses is logged with its scheme, step and reasons, and the next case goes on:
 * the platform starts either way.
 */
@org.springframework.stereotype.Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "cfp.demo.enabled", havingValue = "true")
class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    /** The mid-way cases: scheme, product, how far. */
    private static final DemoWalk.DemoProduct EX_MOTOR = new DemoWalk.DemoProduct("client-motor", "隔爆型三相异步电动机", "YBX4-160M-4",
            "PV13", null, "1 台");
    private static final DemoWalk.DemoProduct MOTOR = new DemoWalk.DemoProduct("client-motor", "三相异步电动机", "YE4-132S-4", "PV13",
            null, "1 台");
    private static final DemoWalk.DemoProduct PM_MOTOR = new DemoWalk.DemoProduct("client-motor", "永磁同步电动机", "TYCX-100L", "PV13",
            null, "1 台");
    private static final DemoWalk.DemoProduct TABLE = new DemoWalk.DemoProduct("client-furniture", "实木餐桌", "SY-T1800", "木家具",
            "FURNITURE", "1 张");

    private final DemoWalk walk;
    private final SchemeCatalog schemes;
    private final DemoData demo;
    private final org.springframework.boot.ApplicationArguments arguments;
    private final boolean enabled;

    DemoCases(DemoWalk walk, SchemeCatalog schemes, DemoData demo, org.springframework.boot.ApplicationArguments arguments,
              @org.springframework.beans.factory.annotation.Value("${cfp.demo.cases:true}") boolean enabled) {
        this.walk = walk;
        this.arguments = arguments;
        this.schemes = schemes;
        this.demo = demo;
        this.enabled = enabled;
    }

    /**
     * Once the platform is ready (after every runner, so after the demo staff profiles of {@code DemoProfiles}), on the
     * start that loaded the demo data: the cases are made in the background, each step in its own transaction as a
     * person would take it (the listeners run after each commit), so the walk never delays the start; a log line says
     * when they are there.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void onReady() {
        if (!enabled || !arguments.getNonOptionArgs().isEmpty() || !demo.loadedNow()) {
            return;
        }
        log.info("demo cases: being made in the background through the real workflow (about a minute) ...");
        Thread t = new Thread(this::loadAndLog, "cfp-demo-cases");
        t.setDaemon(true);
        t.start();
    }

    private void loadAndLog() {
        long started = System.nanoTime();
        try {
            Result r = load();
            log.info("demo cases ready after {} s: {} mid-way, certified with an issued certificate (application per scheme) {}{}",
                    (System.nanoTime() - started) / 1_000_000_000, r.midway(), r.ready(),
                    r.failed() == 0 ? "" : "; " + r.failed() + " not made (see the warnings above)");
        } catch (RuntimeException e) {
            log.warn("demo cases not made: {}", e.toString(), e);
        }
    }

    /** What was made: the mid-way case count, the application per scheme at TECHNICAL_REVIEW, how many failed. */
    record Result(int midway, Map<String, Long> ready, int failed) {
    }

    /** Makes the demo cases; a failed case is logged and left where its walk stopped, the others go on. */
    Result load() {
        int midway = 0;
        int failed = 0;
        Map<String, Runnable> midwayCases = new LinkedHashMap<>();
        midwayCases.put("CNEX-01-G", () -> walk.visitStarted(schemes.get("CNEX-01-G"), EX_MOTOR));
        midwayCases.put("CGC-R52003", () -> walk.visitStarted(schemes.get("CGC-R52003"), MOTOR));
        midwayCases.put("CICC-ZY-GZ-20", () -> walk.visitStarted(schemes.get("CICC-ZY-GZ-20"), PM_MOTOR));
        midwayCases.put("CEC-FURNITURE", () -> walk.planSent(schemes.get("CEC-FURNITURE"), TABLE));
        for (Map.Entry<String, Runnable> c : midwayCases.entrySet()) {
            if (attempt(c.getKey(), c.getValue())) {
                midway++;
            } else {
                failed++;
            }
        }
        Map<String, Long> ready = new LinkedHashMap<>();
        for (Scheme s : schemes.all()) {
            if (!DemoWalk.PRODUCTS.containsKey(s.code())) {
                log.info("demo: scheme {} has no demo product, so no walked demo case", s.code());
                continue;
            }
            long[] id = new long[1];
            if (attempt(s.code(), () -> id[0] = walk.toCertificateIssued(s.code()))) {
                ready.put(s.code(), id[0]);
            } else {
                failed++;
            }
        }
        return new Result(midway, ready, failed);
    }

    private static boolean attempt(String scheme, Runnable r) {
        try {
            r.run();
            return true;
        } catch (DemoWalk.StepFailed e) {
            log.warn("{}", e.getMessage(), e.getCause());
        } catch (RuntimeException e) {
            log.warn("demo case of {} not made: {}", scheme, e.toString(), e);
        }
        return false;
    }
}
