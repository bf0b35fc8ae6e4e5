package cn.cfp.planning.internal;

import cn.cfp.application.ApplicationView;
import cn.cfp.application.Applications;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.shared.DateTexts;
import org.springframework.context.MessageSource;

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
    private final Applications applications;
    private final Organisations organisations;
    private final MessageSource messages;

    PlanNoticeController(Plans plans, NoticePdf pdf, Clock clock, Applications applications, Organisations organisations,
                         MessageSource messages) {
        this.plans = plans;
        this.pdf = pdf;
        this.clock = clock;
        this.applications = applications;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping({"/planning/{applicationId}/notices/{kind}.pdf", "/api/planning/{applicationId}/notices/{kind}.pdf"})
    ResponseEntity<byte[]> notice(Actor me, @PathVariable long applicationId, @PathVariable String kind, Locale locale) {
        PlanView visible = plans.view(me, applicationId); // record-level check
        PlanView plan = plans.forApplication(applicationId).orElseThrow();
        Texts t = new Texts(locale);
        Notice notice = switch (kind.toLowerCase(Locale.ROOT)) {
            case "team" -> team(visible, t);
            case "plan" -> plan(me, plan, t);
            default -> throw Refusal.notFound("planning.notice.unknownKind", kind, List.of("team", "plan"));
        };
        return pdf.response(notice, plan.applicationReference() + "-" + kind.toLowerCase(Locale.ROOT) + ".pdf");
    }

    /** The notice's words, all in the reader's language (issue 8 item 12: one language per notice). */
    private final class Texts {
        final Locale locale;

        Texts(Locale locale) {
            this.locale = locale;
        }

        String get(String key) {
            return messages.getMessage("planning.pdf." + key, null, locale);
        }
    }

    /** Addressed to the applicant company, signed by the certification body (issue 8 item 17). */
    private Notice notice(PlanView plan, String kind, Texts t, List<String[]> rows, List<String> paragraphs) {
        ApplicationView app = applications.get(plan.applicationId());
        String company = organisations.find(app.applicantOrgId()).map(Organisation::name).orElse(plan.applicationReference());
        String body = organisations.all().stream().filter(o -> o.kind() == Organisation.Kind.BODY).findFirst()
                .map(Organisation::name).orElse(t.get("body"));
        return new Notice(t.get(kind + ".title"), t.locale, plan.applicationReference() + "-" + kind.toUpperCase(Locale.ROOT),
                body, company, LocalDate.now(clock), rows, paragraphs);
    }

    private Notice team(PlanView plan, Texts t) {
        if (plan.team().isEmpty()) {
            throw Refusal.conflict("planning.notice.noTeam", plan.applicationReference());
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {t.get("application"), plan.applicationReference()});
        for (PlanView.Member m : plan.team()) {
            rows.add(new String[] {m.role().label(t.locale), m.name()});
        }
        return notice(plan, "team", t, rows, List.of(t.get("team.objection")));
    }

    private Notice plan(Actor me, PlanView plan, Texts t) {
        boolean ready = plan.status().sent() || me.isStaff() && plan.status() == PlanStatus.APPROVED;
        if (!ready) {
            throw Refusal.conflict("planning.notice.notReady", plan.applicationReference(), plan.status());
        }
        InspectionScheme s = plan.inspectionScheme();
        VerificationPlan v = plan.verificationPlan();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {t.get("application"), plan.applicationReference()});
        if (plan.currentRevision() != null) {
            rows.add(new String[] {t.get("revision"), String.valueOf(plan.currentRevision().number())});
        }
        rows.add(new String[] {t.get("purpose"), s.purpose()});
        rows.add(new String[] {t.get("units"), s.units()});
        rows.add(new String[] {t.get("productTypes"), s.productTypes()});
        rows.add(new String[] {t.get("systemBoundary"), s.systemBoundary()});
        rows.add(new String[] {t.get("functionalUnit"), s.functionalUnit()});
        rows.add(new String[] {t.get("dataPeriod"), DateTexts.date(s.dataPeriodFrom(), t.locale) + " – " + DateTexts.date(s.dataPeriodTo(), t.locale)});
        rows.add(new String[] {t.get("basis"), s.basis()});
        rows.add(new String[] {t.get("onSite"), s.onSiteRequirements()});
        rows.add(new String[] {t.get("verification"), s.verificationRequirements()});
        rows.add(new String[] {t.get("schedule"), s.schedule()});
        rows.add(new String[] {t.get("visitDate"), DateTexts.date(plan.visitDate(), t.locale)});
        rows.add(new String[] {t.get("team"), String.join(t.get("separator"), plan.team().stream()
                .map(m -> m.name() + " (" + m.role().label(t.locale) + ")").toList())});
        if (plan.manDays() != null) {
            rows.add(new String[] {t.get("manDays"), plan.manDays().total().toPlainString()});
        }
        if (v != null) {
            rows.add(new String[] {t.get("assurance"), v.assuranceLevel() == null ? "—" : v.assuranceLevel().label(t.locale)});
            rows.add(new String[] {t.get("materiality"), v.materialityPercent() == null ? "—" : v.materialityPercent().toPlainString() + " %"});
            rows.add(new String[] {t.get("sampling"), v.samplingPlan()});
            rows.add(new String[] {t.get("evidence"), v.evidencePlan()});
        }
        return notice(plan, "plan", t, rows, List.of(t.get("plan.prepare")));
    }
}
