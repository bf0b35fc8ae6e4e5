package cn.cfp.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.calc.bench.SyntheticInventory;
import cn.cfp.calc.io.InventoryWorkbook;
import cn.cfp.planning.OnSiteFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The verification benchmark of docs/performance.md (issue 9 "Performance"), measured through the platform's service
 * and its engine adapter against the test database: not a unit test — it runs only with {@code -Dcfp.bench=true},
 * prints its figures and writes them to {@code target/verification-bench.txt}; it checks results, never times.
 *
 * <pre>./mvnw -B -o -q -pl cfp-app test -Dtest=VerificationBenchmark -Dcfp.bench=true</pre>
 *
 * <ol>
 *   <li>a 400-line data-collection workbook: upload (parse, store through EvidenceStore, insert) → recalculate
 *       (read back, parse, compute with the scheme's parameters, store the result) — median of 15 after 5 warm-ups;</li>
 *   <li>a 20,000-process JSON model (a binary bill-of-materials tree, each process with two purchased materials and
 *       electricity): upload → recalculate, end to end;</li>
 *   <li>Monte Carlo of that model, 1,000 iterations, seed 42, through the same recalculation call.</li>
 * </ol>
 */
@CfpIntegrationTest
@EnabledIfSystemProperty(named = "cfp.bench", matches = "true")
class VerificationBenchmark {

    @Autowired
    ApplicationContext context;
    @Autowired
    Verifications verifications;

    /**
     * A JSON inventory of {@code n} processes: process i uses 0.5 p of processes 2i+1 and 2i+2 (when they exist),
     * 1 kg of material (factor m{i mod 100}) and 0.2 kWh of electricity; factors carry pedigree scores for Monte Carlo.
     */
    static String model(int n) {
        StringBuilder b = new StringBuilder(n * 400);
        b.append("{\"format\":\"cfp-inventory/1\",\"name\":\"bench ").append(n).append(" processes\",\"product\":\"bench\",")
                .append("\"functionalUnit\":{\"description\":\"one product\",\"amount\":1,\"unit\":\"p\",\"process\":\"p0\"},")
                .append("\"boundary\":\"CRADLE_TO_GATE\",\"processes\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"id\":\"p").append(i).append("\",\"stage\":\"").append(i % 2 == 0 ? "PRODUCTION" : "RAW_MATERIAL_ACQUISITION")
                    .append("\",\"outputs\":[{\"flow\":\"part").append(i).append("\",\"amount\":1,\"unit\":\"p\"}],\"inputs\":[");
            for (int k = 1; k <= 2; k++) {
                int sub = 2 * i + k;
                if (sub < n) {
                    b.append("{\"name\":\"part ").append(sub).append("\",\"amount\":0.5,\"unit\":\"p\",\"provider\":\"p").append(sub).append("\"},");
                }
            }
            b.append("{\"name\":\"material\",\"amount\":1,\"unit\":\"kg\",\"factor\":\"m").append(i % 100).append("\"},")
                    .append("{\"name\":\"electricity\",\"amount\":0.2,\"unit\":\"kWh\",\"factor\":\"grid\"}]}");
        }
        b.append("],\"factors\":[{\"id\":\"grid\",\"unit\":\"kWh\",\"co2e\":0.5,\"type\":\"NATIONAL\",")
                .append("\"quality\":{\"pedigree\":[2,1,2,2,1],\"basicVariance\":0.0006}}");
        for (int f = 0; f < 100; f++) {
            b.append(",{\"id\":\"m").append(f).append("\",\"unit\":\"kg\",\"co2e\":").append(1 + f % 7)
                    .append(",\"type\":\"INTERNATIONAL\",\"quality\":{\"pedigree\":[3,3,2,2,2],\"basicVariance\":0.0006}}");
        }
        return b.append("]}").toString();
    }

    static double median(List<Double> ms) {
        double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[a.length / 2];
    }

    @Test
    void verification_benchmark() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        var client = fx.who("client-motor");
        var verifier = fx.who("verifier");
        StringBuilder report = new StringBuilder();

        ByteArrayOutputStream wb = new ByteArrayOutputStream();
        InventoryWorkbook.write(SyntheticInventory.create(400, 42), wb);
        byte[] workbook = wb.toByteArray();
        List<Double> upload = new ArrayList<>();
        List<Double> recalc = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            verifications.submit(client, app, "inventory-400.xlsx", workbook, new BigDecimal("100"));
            long t1 = System.nanoTime();
            total = verifications.recalculate(verifier, app, null, null).totalKgCo2e();
            long t2 = System.nanoTime();
            if (i >= 5) {
                upload.add((t1 - t0) / 1e6);
                recalc.add((t2 - t1) / 1e6);
            }
        }
        List<Double> both = new ArrayList<>();
        for (int i = 0; i < upload.size(); i++) {
            both.add(upload.get(i) + recalc.get(i));
        }
        report.append(String.format(Locale.ROOT, "400-line workbook (%d bytes): upload+parse+store median %.1f ms, "
                        + "recalculate (read, parse, compute, store) median %.1f ms, end to end median %.1f ms (max %.1f ms); total %s kg%n",
                workbook.length, median(upload), median(recalc), median(both), both.stream().mapToDouble(d -> d).max().orElse(0),
                FootprintAdapter.kg(total)));

        // the same path without the database: the adapter's parse and calculation alone
        var scheme = context.getBean(cn.cfp.scheme.SchemeCatalog.class).get("CNEX-01-G");
        List<Double> parse = new ArrayList<>();
        List<Double> compute = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            var inv = FootprintAdapter.parse(FootprintAdapter.Format.XLSX, workbook, "inventory-400.xlsx");
            long t1 = System.nanoTime();
            FootprintAdapter.calculate(scheme, inv, List.of(), null, 0).storedJson();
            long t2 = System.nanoTime();
            if (i >= 5) {
                parse.add((t1 - t0) / 1e6);
                compute.add((t2 - t1) / 1e6);
            }
        }
        report.append(String.format(Locale.ROOT, "  of which, without the database: parse the workbook median %.1f ms, "
                + "compute + result JSON median %.1f ms%n", median(parse), median(compute)));

        byte[] big = model(20_000).getBytes(StandardCharsets.UTF_8);
        double[] e2e = new double[3];
        double[] upBig = new double[3];
        RecalculationView r = null;
        for (int i = 0; i < e2e.length; i++) {
            long t0 = System.nanoTime();
            verifications.submit(client, app, "model-20000.json", big, new BigDecimal("100"));
            upBig[i] = (System.nanoTime() - t0) / 1e6;
            r = verifications.recalculate(verifier, app, null, null);
            e2e[i] = (System.nanoTime() - t0) / 1e6;
        }
        report.append(String.format(Locale.ROOT, "20,000-process JSON model (%d bytes): upload → recalculate end to end %s ms "
                + "(runs; of which upload %s ms); total %s kg%n", big.length, Arrays.toString(Arrays.stream(e2e).map(Math::rint).toArray()),
                Arrays.toString(Arrays.stream(upBig).map(Math::rint).toArray()), FootprintAdapter.kg(r.totalKgCo2e())));
        // every process is used 0.5^depth times and adds 1 kg of material and 0.2 kWh: a sanity check on the total
        assertThat(r.totalKgCo2e()).isPositive();

        long t0 = System.nanoTime();
        RecalculationView mc = verifications.recalculate(verifier, app, 1000, 42L);
        double mcMs = (System.nanoTime() - t0) / 1e6;
        RecalculationView again = verifications.recalculate(verifier, app, 1000, 42L);
        report.append(String.format(Locale.ROOT, "Monte Carlo 1,000 iterations of the 20,000-process model, seed 42, %d threads: "
                + "%.0f ms (recalculation included)%n", FootprintAdapter.THREADS, mcMs));
        assertThat(mc.totalKgCo2e()).isCloseTo(again.totalKgCo2e(), within(0.0));
        assertThat(verifications.recalculation(app, mc.id()).resultJson())
                .isEqualTo(verifications.recalculation(app, again.id()).resultJson());
        System.out.print(report);
        Files.writeString(Path.of("target/verification-bench.txt"), report.toString());
    }
}
