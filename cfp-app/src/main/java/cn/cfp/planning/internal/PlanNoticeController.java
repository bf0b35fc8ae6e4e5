package cn.cfp.planning.internal;

import cn.cfp.access.Actor;
import cn.cfp.document.Notice;
import cn.cfp.document.NoticePdf;
import cn.cfp.planning.InspectionScheme;
import cn.cfp.planning.PlanStatus;
import cn.cfp.planning.PlanView;
import cn.cfp.planning.Plans;
import cn.cfp.planning.VerificationPlan;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The team notice (names and roles told to the client, who may object [000 Annex 2 §4.2 note]) and the
 * plan notice (inspection scheme and verification plan as sent to the client [R-PLAN-1, R-PLAN-6]) as PDF.
 */
@RestController
class PlanNoticeController {

    private final Plans plans;
    private final NoticePdf pdf;
    private final Clock clock;

    PlanNoticeController(Plans plans, NoticePdf pdf, Clock clock) {
        this.plans = plans;
        this.pdf = pdf;
        this.clock = clock;
    }

    @GetMapping({"/planning/{applicationId}/notices/{kind}.pdf", "/api/planning/{applicationId}/notices/{kind}.pdf"})
    ResponseEntity<byte[]> notice(Actor me, @PathVariable long applicationId, @PathVariable String kind) {
        PlanView visible = plans.view(me, applicationId); // record-level check
        PlanView plan = plans.forApplication(applicationId).orElseThrow();
        Notice notice = switch (kind.toLowerCase(Locale.ROOT)) {
            case "team" -> team(visible);
            case "plan" -> plan(me, plan);
            default -> throw Refusal.notFound("planning.notice.unknownKind", kind, List.of("team", "plan"));
        };
        return pdf.response(notice, plan.applicationReference() + "-" + kind.toLowerCase(Locale.ROOT) + ".pdf");
    }

    private Notice team(PlanView plan) {
        if (plan.team().isEmpty()) {
            throw Refusal.conflict("planning.notice.noTeam", plan.applicationReference());
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"申请编号 Application", plan.applicationReference()});
        for (PlanView.Member m : plan.team()) {
            rows.add(new String[] {m.role().label(Locale.SIMPLIFIED_CHINESE) + " " + m.role().label(Locale.ENGLISH), m.name()});
        }
        return new Notice("检查组组成通知书", "Notice of the Inspection Team", plan.applicationReference() + "-TEAM", "认证机构",
                plan.applicationReference(), LocalDate.now(clock), rows,
                List.of("如对检查组成员有异议（如存在利益冲突），请在收到本通知后及时书面提出。",
                        "If you object to a member (e.g. a conflict of interest), tell us in writing promptly. [CNCA-CFP-00 Annex 2 §4.2]"));
    }

    private Notice plan(Actor me, PlanView plan) {
        boolean ready = plan.status() == PlanStatus.SENT || me.isStaff() && plan.status() == PlanStatus.APPROVED;
        if (!ready) {
            throw Refusal.conflict("planning.notice.notReady", plan.applicationReference(), plan.status());
        }
        InspectionScheme s = plan.inspectionScheme();
        VerificationPlan v = plan.verificationPlan();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"申请编号 Application", plan.applicationReference()});
        rows.add(new String[] {"检查目的 Purpose", s.purpose()});
        rows.add(new String[] {"认证单元 Units", s.units()});
        rows.add(new String[] {"产品类型 Product types", s.productTypes()});
        rows.add(new String[] {"系统边界 System boundary", s.systemBoundary()});
        rows.add(new String[] {"功能单位 Functional unit", s.functionalUnit()});
        rows.add(new String[] {"数据时间范围 Data period", s.dataPeriodFrom() + " – " + s.dataPeriodTo()});
        rows.add(new String[] {"依据 Basis", s.basis()});
        rows.add(new String[] {"现场检查要求 On-site requirements", s.onSiteRequirements()});
        rows.add(new String[] {"核查要求 Verification requirements", s.verificationRequirements()});
        rows.add(new String[] {"日程 Schedule", s.schedule()});
        rows.add(new String[] {"现场日期 Visit date", String.valueOf(plan.visitDate())});
        rows.add(new String[] {"检查组 Team", String.join("；", plan.team().stream()
                .map(m -> m.name() + "（" + m.role().label(Locale.SIMPLIFIED_CHINESE) + "）").toList())});
        if (plan.manDays() != null) {
            rows.add(new String[] {"人日 Man-days", plan.manDays().total().toPlainString()});
        }
        if (v != null) {
            rows.add(new String[] {"保证等级 Assurance level", v.assuranceLevel() == null ? "—" : v.assuranceLevel().name()});
            rows.add(new String[] {"实质性 Materiality", v.materialityPercent() == null ? "—" : v.materialityPercent().toPlainString() + " %"});
            rows.add(new String[] {"抽样计划 Sampling plan", v.samplingPlan()});
            rows.add(new String[] {"证据收集计划 Evidence-gathering plan", v.evidencePlan()});
        }
        return new Notice("检查方案及核查计划通知书", "Inspection Scheme and Verification Plan", plan.applicationReference() + "-PLAN",
                "认证机构", plan.applicationReference(), LocalDate.now(clock), rows,
                List.of("请按上述日程做好现场检查和核查的准备，并确保现场检查期间有认证范围内的产品在生产。",
                        "Please prepare for the visit; a product in scope must be in production during it. [CNCA-CFP-00 §7.5.1]"));
    }
}
