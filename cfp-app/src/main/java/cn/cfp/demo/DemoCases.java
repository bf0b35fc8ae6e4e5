package cn.cfp.demo;

import cn.cfp.access.Actor;
import cn.cfp.access.CfpPrincipal;
import cn.cfp.application.AcceptCommand;
import cn.cfp.application.Applications;
import cn.cfp.application.ContractReview;
import cn.cfp.application.DocumentReviewConclusion;
import cn.cfp.application.DocumentReviews;
import cn.cfp.application.Eligibility;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.party.Organisations;
import cn.cfp.planning.Complexity;
import cn.cfp.planning.InspectionScheme;
import cn.cfp.planning.MemberInput;
import cn.cfp.planning.Plans;
import cn.cfp.planning.RiskAssessment;
import cn.cfp.planning.RiskFactor;
import cn.cfp.planning.RiskRating;
import cn.cfp.planning.TeamRole;
import cn.cfp.planning.VerificationPlan;
import cn.cfp.scheme.ApplicationForm;
import cn.cfp.scheme.AssuranceLevel;
import cn.cfp.scheme.ChecklistItem;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Demo cases (issue 9): a few cases of the demo clients brought through the front half with the modules' own use cases,
 * so a person trying the platform finds work at every on-site stage — a CNEX case whose visit has started (inspection
 * and verification), a CGC case at its on-site inspection, a CICC case at its stage 1, a CEC case whose plan was sent
 * (document review next). Loaded with the demo data when {@code cfp.demo.cases} is on (the default; the tests turn it
 * off so their counts start from the users alone).
 */
@org.springframework.stereotype.Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "cfp.demo.enabled", havingValue = "true")
@org.springframework.core.annotation.Order(30)
class DemoCases implements org.springframework.boot.ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    static final byte[] PDF = "%PDF-1.4\n% CFP demo document\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** How far a demo case goes. */
    enum Until { PLAN_SENT, VISIT_STARTED }

    private final Applications applications;
    private final Organisations organisations;
    private final SchemeCatalog schemes;
    private final Plans plans;
    private final DocumentReviews reviews;
    private final WorkingDayCalendar calendar;
    private final UserDetailsService users;
    private final Clock clock;
    private final DemoData demo;
    private final boolean enabled;

    DemoCases(Applications applications, Organisations organisations, SchemeCatalog schemes, Plans plans, DocumentReviews reviews,
              WorkingDayCalendar calendar, UserDetailsService users, Clock clock, DemoData demo,
              @org.springframework.beans.factory.annotation.Value("${cfp.demo.cases:true}") boolean enabled) {
        this.demo = demo;
        this.enabled = enabled;
        this.applications = applications;
        this.organisations = organisations;
        this.schemes = schemes;
        this.plans = plans;
        this.reviews = reviews;
        this.calendar = calendar;
        this.users = users;
        this.clock = clock;
    }

    /**
     * After the demo staff profiles ({@code DemoProfiles}, order 20) exist, on the start that loaded the demo data: each
     * step in its own transaction, as a person would take it (the listeners run after each commit).
     */
    @Override
    public void run(org.springframework.boot.ApplicationArguments args) {
        if (!enabled || !args.getNonOptionArgs().isEmpty() || !demo.loadedNow()) {
            return;
        }
        try {
            load();
            log.info("demo cases loaded");
        } catch (RuntimeException e) {
            log.warn("demo cases not loaded: {}", e.toString());
        }
    }

    void load() {
        make("client-motor", "CNEX-01-G", "隔爆型三相异步电动机", "YBX4-160M-4", "PV13", null, Until.VISIT_STARTED);
        make("client-motor", "CGC-R52003", "三相异步电动机", "YE4-132S-4", "PV13", null, Until.VISIT_STARTED);
        make("client-motor", "CICC-ZY-GZ-20", "永磁同步电动机", "TYCX-100L", "PV13", null, Until.VISIT_STARTED);
        make("client-furniture", "CEC-FURNITURE", "实木餐桌", "SY-T1800", "木家具", "FURNITURE", Until.PLAN_SENT);
    }

    private Actor who(String username) {
        return ((CfpPrincipal) users.loadUserByUsername(username)).actor();
    }

    private void make(String clientUser, String schemeCode, String product, String model, String category, String field, Until until) {
        Actor client = who(clientUser);
        Actor pm = who("pm");
        Scheme scheme = schemes.get(schemeCode);
        long org = client.organisationId();
        long id = applications.create(client, schemeCode, org, org, form(scheme));
        long site = organisations.addSite(clientUser, org, "一号厂区", "演示路 1 号");
        applications.addProduct(client, id, product, model, category, site, 80, 10);
        for (ChecklistItem item : scheme.documentChecklist().value().items()) {
            switch (item.kind()) {
                case REQUIRED -> applications.attachDocument(client, id, item.id(), item.id() + ".pdf", new ByteArrayInputStream(PDF));
                case CONDITIONAL -> {
                    if (item.answeredBy() == null) {
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
        LocalDate today = LocalDate.now(clock);
        applications.accept(pm, id, new AcceptCommand(EnumSet.allOf(ContractReview.class), today, "人民币 30,000 元（演示）", null, null));
        // the plan is started by the planning module's listener once the acceptance has committed
        Instant until2 = Instant.now().plus(Duration.ofSeconds(20));
        while (plans.forApplication(id).isEmpty()) {
            if (Instant.now().isAfter(until2)) {
                log.warn("demo case {}: the plan did not start in time; left at acceptance", id);
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LocalDate visit = calendar.plusWorkingDays(today, 5).date();
        plans.proposeTeam(pm, id, field, List.of(new MemberInput(who("inspector").id(), TeamRole.LEADER),
                new MemberInput(who("inspector2").id(), TeamRole.INSPECTOR), new MemberInput(who("verifier").id(), TeamRole.VERIFIER)));
        plans.setInspectionScheme(pm, id, new InspectionScheme("产品碳足迹标识认证（初次）", product + " " + model + " 一个单元", product,
                "从摇篮到大门", "1 台", LocalDate.of(today.getYear() - 1, 1, 1), LocalDate.of(today.getYear() - 1, 12, 31),
                scheme.documentNumber() + "; GB/T 24067-2024", "企业保证能力检查及产品一致性检查", "按核查计划核查初级数据和次级数据",
                "第一天：首次会议、现场检查；第二天：数据核查、末次会议", visit));
        plans.setVerificationPlan(pm, id, new VerificationPlan("产品用途、工艺和报告期已了解", Complexity.LOW, "单一工厂、工艺简单",
                Arrays.stream(RiskFactor.values()).map(f -> new RiskAssessment(f, RiskRating.LOW, "见信息分析")).toList(),
                AssuranceLevel.LIMITED, new BigDecimal("5"), "按排放源重要性抽样", "查阅电表读数、采购台账和发票",
                "第一天数据核查，第二天现场走访"));
        plans.approve(pm, id);
        plans.send(pm, id);
        if (until == Until.PLAN_SENT) {
            return;
        }
        reviews.conclude(pm, id, DocumentReviewConclusion.CONFORMS, "文件齐全、有效（演示）", null, Map.of());
        if (!plans.visitGate(id).allowed()) {
            plans.confirm(client, id, null, "同意现场计划安排（演示）");
        }
        plans.startVisit(who("inspector"), id);
    }

    private static Map<String, String> form(Scheme scheme) {
        Map<String, String> form = new LinkedHashMap<>();
        ApplicationForm f = scheme.applicationForm().value();
        if (f == null) {
            return form;
        }
        for (ApplicationForm.Field field : f.fields()) {
            form.put(field.id(), switch (field.type()) {
                case TEXT -> field.id().equals("functional-unit") ? "1 台" : "演示：" + field.label().zh();
                case CHOICE -> field.options().get(0).zh();
                case YES_NO -> "true";
            });
        }
        return form;
    }
}
