package cn.cfp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.body.BodyIdentity;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.scheme.Step;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * For the tests after issue 10: a case at TECHNICAL_REVIEW ({@link ReviewReadyFixture}) taken over the REST API through
 * the technical review (every item answered), the approval where the scheme requires one, the decision, the certificate's
 * draft, confirmation and checks, its number (submitted to and confirmed by CNCA for the national label schemes, allocated
 * by the scheme's own format otherwise [decision D2]) and the issue. {@link #issue} does it all and answers the number;
 * the steps are public for tests that assert between them ({@link CertificationFlowApiTest}). Free texts go through
 * {@link ReviewReadyFixture#text} so the confidentiality test can mark them.
 */
public final class CertifiedFixture {

    private final ReviewReadyFixture walk;
    private final SchemeCatalog schemes;
    private final BodyIdentity body;
    private final Clock clock;

    public CertifiedFixture(ApplicationContext context, ReviewReadyFixture walk) {
        this.walk = walk;
        this.schemes = context.getBean(SchemeCatalog.class);
        this.body = context.getBean(BodyIdentity.class);
        this.clock = context.getBean(Clock.class);
    }

    /** From TECHNICAL_REVIEW to an issued certificate with the positive {@code outcome}; answers the certificate number. */
    public String issue(long app, String scheme, String outcome) {
        review(app, outcome);
        JsonNode v = prepare(app, scheme);
        if (cnca(scheme)) {
            assertThat(v.get("number").get("state").asString()).isEqualTo("REQUESTED");
            submitNumberRequest(app);
            confirmNumber(app);
        }
        return issueNow(app);
    }

    /**
     * With the scheme's positive outcome for a case whose nonconformities were raised and closed (the walk raises some):
     * a CERTIFIED outcome for "some nonconformities" where the scheme has one, else one not limited to "none".
     */
    public String issue(long app, String scheme) {
        JsonNode review = walk.ok(walk.call("GET", "/api/review/" + app, "reviewer", null));
        String chosen = null;
        int rank = Integer.MAX_VALUE;
        for (JsonNode o : review.get("outcomes")) {
            if (!"CERTIFIED".equals(o.get("result").asString())) {
                continue;
            }
            String ncs = o.path("nonconformities").isNull() ? "" : o.path("nonconformities").asString("");
            int r = ncs.equals("SOME") ? 0 : ncs.equals("NONE") ? 2 : 1;
            if (r < rank) {
                rank = r;
                chosen = o.get("key").asString();
            }
        }
        assertThat(chosen).as(scheme + ": a positive outcome").isNotNull();
        return issue(app, scheme, chosen);
    }

    /** Every review item answered CONFORMS, the review completed, the approval where required, the decision taken. */
    public void review(long app, String outcome) {
        JsonNode review = walk.ok(walk.call("GET", "/api/review/" + app, "reviewer", null));
        List<Map<String, Object>> answers = new ArrayList<>();
        review.get("items").forEach(i -> answers.add(Map.of("key", i.get("key").asString(), "answer", "CONFORMS",
                "note", walk.text("reviewItemNote", "已复核"))));
        walk.ok(walk.call("POST", "/api/review/" + app + "/items", "reviewer", Map.of("answers", answers)));
        walk.ok(walk.call("POST", "/api/review/" + app + "/completion", "reviewer", Map.of("text", walk.text("reviewCompletion", "复核通过"))));
        assertThat(walk.stages(app)).containsExactly(Stage.DECISION);
        if (!review.get("approvalBy").isNull()) {
            walk.ok(walk.call("POST", "/api/review/" + app + "/approval", "decider", Map.of("text", walk.text("approvalNote", "同意"))));
        }
        walk.ok(walk.call("POST", "/api/review/" + app + "/decision", "decider",
                Map.of("outcome", outcome, "reasons", walk.text("decisionReasons", "符合认证要求"))));
        assertThat(walk.ok(walk.call("GET", "/api/cases/" + app, "pm", null)).toString()).contains("CERTIFIED");
    }

    /** The draft (from the decision, after commit) filled, confirmed and checked; answers the certificate's view. */
    public JsonNode prepare(long app, String scheme) {
        String base = base(app);
        JsonNode arrived = awaitDraft(base);
        assertThat(arrived.get("preview").get("products").get(0).get("footprint").decimalValue()).isEqualByComparingTo("18.5");
        var content = schemes.get(scheme).certificateContent().value();
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("issuerName", "张签发");
        draft.put("basis", "GB/T 24067-2024、" + scheme);
        draft.put("productCode", "102");
        draft.put("trademark", "牛牌");
        draft.put("assuranceLevel", "合理保证");
        draft.put("surveillanceRecord", "首次发证");
        draft.put("reportPeriod", "2025年1月1日至2025年12月31日");
        walk.ok(walk.call("PUT", base + "/draft", "preparer", draft));
        walk.ok(walk.call("POST", base + "/confirmation", "preparer", null));
        List<String> fields = content.checkedFields().stream().map(Step::key).toList();
        JsonNode v = walk.ok(walk.call("POST", base + "/checks", "reviewer", Map.of("fields", fields)));
        assertThat(v.get("stage").asString()).isEqualTo("CHECKED");
        return v;
    }

    /** Whether the scheme's numbers are assigned by CNCA [decision D2]. */
    public boolean cnca(String scheme) {
        return "CNCA".equals(schemes.get(scheme).certificateNumber().value().authority().name());
    }

    /** The record that the number request went to CNCA. */
    public void submitNumberRequest(long app) {
        walk.ok(walk.call("POST", "/api/numbering/" + app + "/submission", "preparer",
                Map.of("submittedOn", LocalDate.now(clock).toString(), "channel", walk.text("numberingChannel", "CNCA 平台"),
                        "note", walk.text("numberingNote", "报送"))));
    }

    /** The number CNCA confirms (compact form: CFP + body code + year + product code 102 + a serial from the case id). */
    public String confirmNumber(long app) {
        String compact = "CFP" + body.bodyCode() + LocalDate.now(clock).getYear() + "102" + String.format("%04d", app % 10_000);
        walk.ok(walk.call("POST", "/api/numbering/" + app + "/confirmed", "preparer", Map.of("number", compact)));
        return compact;
    }

    /** Issues the checked certificate; answers its number. */
    public String issueNow(long app) {
        JsonNode v = walk.ok(walk.call("POST", base(app) + "/issue", "decider", null));
        assertThat(v.get("stage").asString()).isEqualTo("ISSUED");
        return v.get("issues").get(0).get("number").asString();
    }

    public String base(long app) {
        return "/api/certificates/cases/" + app;
    }

    private JsonNode awaitDraft(String base) {
        long until = System.currentTimeMillis() + 20_000;
        while (true) {
            HttpResponse<String> r = walk.call("GET", base, "preparer", null);
            if (r.statusCode() == 200 || System.currentTimeMillis() > until) {
                return walk.ok(r);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
