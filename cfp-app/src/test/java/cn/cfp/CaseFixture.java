package cn.cfp;

import static org.awaitility.Awaitility.await;

import cn.cfp.access.Actor;
import cn.cfp.access.CfpPrincipal;
import cn.cfp.application.AcceptCommand;
import cn.cfp.application.Applications;
import cn.cfp.application.ContractReview;
import cn.cfp.application.Eligibility;
import cn.cfp.party.Organisations;
import cn.cfp.planning.PlanView;
import cn.cfp.planning.Plans;
import cn.cfp.scheme.ApplicationForm;
import cn.cfp.scheme.ChecklistItem;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Makes applications and cases the way people do — through the modules' own use cases (the client fills in and
 * submits, the project manager accepts), never by writing another module's tables.
 */
public final class CaseFixture {

    public static final byte[] PDF = "%PDF-1.4\n% test document\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final Applications applications;
    private final Organisations organisations;
    private final SchemeCatalog schemes;
    private final Plans plans;
    private final UserDetailsService users;
    private final cn.cfp.access.UserDirectory directory;
    private final Clock clock;
    private BinaryOperator<String> marker = (key, ordinary) -> ordinary;

    public CaseFixture(ApplicationContext context) {
        this.applications = context.getBean(Applications.class);
        this.organisations = context.getBean(Organisations.class);
        this.schemes = context.getBean(SchemeCatalog.class);
        this.plans = context.getBean(Plans.class);
        this.users = context.getBean(UserDetailsService.class);
        this.directory = context.getBean(cn.cfp.access.UserDirectory.class);
        this.clock = context.getBean(Clock.class);
    }

    public Actor who(String username) {
        return ((CfpPrincipal) users.loadUserByUsername(username)).actor();
    }

    public long userId(String username) {
        return who(username).id();
    }

    public long clientOrg(String clientUser) {
        return who(clientUser).organisationId();
    }

    /**
     * A new client company with one client user (password {@code cfp-demo-2026}), onboarded as an administrator does;
     * its credit code is a fresh valid GB 32100 code.
     */
    public String newClient(String username) {
        String code = creditCode();
        long org = organisations.registerClient("admin", new cn.cfp.party.ClientRegistration("测试企业 " + username, "Test " + username,
                code, "测试路 1 号", "张三", "李四", "010-12345678"), null);
        directory.create("admin", username, "客户 " + username, "cfp-demo-2026", java.util.Set.of(cn.cfp.access.Role.CLIENT), org);
        return username;
    }

    /** A random unified social credit code with its check character (GB 32100-2015). */
    static String creditCode() {
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        java.util.Random r = new java.util.Random();
        StringBuilder b = new StringBuilder("91");
        while (b.length() < 17) {
            b.append(charset.charAt(r.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += charset.indexOf(b.charAt(i)) * weights[i];
        }
        int c = 31 - sum % 31;
        return b.append(charset.charAt(c == 31 ? 0 : c)).toString();
    }

    /**
     * The application's free texts, its document file names and the fee go through {@code marker} (a key, the ordinary
     * text) — for the confidentiality test [R-PUB-1, decision D4]; by default the ordinary text.
     */
    public CaseFixture marking(BinaryOperator<String> marker) {
        this.marker = marker;
        return this;
    }

    /** A new production site of the client's own company. */
    public long newSite(String clientUser) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return organisations.addSite(clientUser, clientOrg(clientUser), "厂区 " + tag, "测试路 " + tag + " 号");
    }

    /** A complete application of the client's company (applicant = manufacturer = factory) with one product, submitted. */
    public long submitted(String clientUser, String schemeCode, String category, Integer bomItems, Integer ghgSources) {
        Actor client = who(clientUser);
        Scheme scheme = schemes.get(schemeCode);
        long org = client.organisationId();
        Map<String, String> form = new LinkedHashMap<>(filledForm(scheme));
        form.replaceAll((k, v) -> v.startsWith("示例：") ? marker.apply("applicationForm", v) : v);
        long id = applications.create(client, schemeCode, org, org, form);
        long site = newSite(clientUser);
        applications.addProduct(client, id, "隔爆型三相异步电动机", "M-" + id, category, site, bomItems, ghgSources);
        for (ChecklistItem item : scheme.documentChecklist().value().items()) {
            switch (item.kind()) {
                case REQUIRED -> applications.attachDocument(client, id, item.id(), marker.apply("documentName", item.id()) + ".pdf",
                        new ByteArrayInputStream(PDF));
                case CONDITIONAL -> {
                    if (item.answeredBy() == null) {   // an item the parties decide is not asked (corrections B-6)
                        applications.answerCondition(client, id, item.id(), false);
                    }
                }
                case OPTIONAL -> { }
            }
        }
        Map<Eligibility, Boolean> all = new LinkedHashMap<>();
        for (Eligibility e : Eligibility.values()) {
            all.put(e, true);
        }
        applications.declareEligibility(client, id, all);
        applications.submit(client, id);
        return id;
    }

    /** Submitted, then accepted by the project manager {@code pm}: the case opens and its plan is started. */
    public long accepted(String clientUser, String schemeCode, String category, Integer bomItems, Integer ghgSources) {
        long id = submitted(clientUser, schemeCode, category, bomItems, ghgSources);
        applications.accept(who("pm"), id, new AcceptCommand(EnumSet.allOf(ContractReview.class), LocalDate.now(clock),
                marker.apply("fee", "人民币 30,000 元"), null, null));
        awaitPlan(id);
        return id;
    }

    /** The plan the planning module starts when the case opens (its listener runs after the acceptance commits). */
    public PlanView awaitPlan(long applicationId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> plans.forApplication(applicationId).isPresent());
        return plans.forApplication(applicationId).orElseThrow();
    }

    public static AcceptCommand acceptance(LocalDate signedOn) {
        return new AcceptCommand(EnumSet.allOf(ContractReview.class), signedOn, "人民币 30,000 元", null, null);
    }

    /** Answers every field of the scheme's application form: text, the first option of a choice, yes. */
    public static Map<String, String> filledForm(Scheme scheme) {
        Map<String, String> form = new LinkedHashMap<>();
        ApplicationForm f = scheme.applicationForm().value();
        if (f == null) {
            return form;
        }
        for (ApplicationForm.Field field : f.fields()) {
            form.put(field.id(), switch (field.type()) {
                case TEXT -> field.id().equals("functional-unit") ? "1 台" : "示例：" + field.label().zh();
                case CHOICE -> field.options().get(0).zh();
                case YES_NO -> "true";
            });
        }
        return form;
    }
}
