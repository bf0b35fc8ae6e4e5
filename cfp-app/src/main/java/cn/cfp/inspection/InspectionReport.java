package cn.cfp.inspection;

import cn.cfp.application.ApplicationView;
import cn.cfp.application.Applications;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.document.Notice;
import cn.cfp.document.NoticePdf;
import cn.cfp.nonconformity.NonconformityView;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.scheme.InspectionRules;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.shared.DateTexts;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The on-site inspection report (现场检查报告, R-INS-4; back-half §1.5): the scheme's report contents in order (000
 * §7.5.4 six, CEC §5.6 four), each filled from the visit record — basic information, purpose/basis/scope, the process
 * (visit, attendance, production observed, sample), the statement of conformity with every nonconformity and its
 * status, the conclusion, the team's commitment — plus the client's disagreement. One language per report.
 */
@Component
public class InspectionReport {

    private final Inspections inspections;
    private final cn.cfp.nonconformity.Nonconformities nonconformities;
    private final Cases cases;
    private final Applications applications;
    private final Organisations organisations;
    private final SchemeCatalog schemes;
    private final NoticePdf pdf;
    private final MessageSource messages;
    private final Clock clock;

    InspectionReport(Inspections inspections, cn.cfp.nonconformity.Nonconformities nonconformities, Cases cases, Applications applications, Organisations organisations,
                     SchemeCatalog schemes, NoticePdf pdf, MessageSource messages, Clock clock) {
        this.inspections = inspections;
        this.nonconformities = nonconformities;
        this.cases = cases;
        this.applications = applications;
        this.organisations = organisations;
        this.schemes = schemes;
        this.pdf = pdf;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public Notice notice(cn.cfp.access.Actor reader, long applicationId, Locale locale) {
        CertificationCase c = cases.require(applicationId);
        InspectionRules rules = inspections.rules(applicationId);
        InspectionView v = inspections.view(applicationId);
        ApplicationView app = applications.get(applicationId);
        Scheme scheme = schemes.get(c.schemeCode());
        Map<Long, String> sites = inspections.sites(applicationId);
        Map<Long, String> units = inspections.units(applicationId);
        List<NonconformityView> ncs = inspections.inspectionNonconformities(applicationId);
        Map<Long, cn.cfp.nonconformity.NonconformityDetail> details = new java.util.HashMap<>();
        nonconformities.details(reader, applicationId).forEach(d -> details.put(d.nc().id(), d));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {t(locale, "application"), c.reference()});
        rows.add(new String[] {t(locale, "scheme"), scheme.documentNumber() + " " + scheme.name().in(locale)});
        List<String> paragraphs = new ArrayList<>();
        int n = 1;
        for (InspectionRules.InspectionItem part : rules.reportContents()) {
            paragraphs.add(n++ + ". " + part.text().in(locale));
            paragraphs.addAll(content(part.id(), locale, c, v, rules, app, scheme, sites, units, ncs, details));
        }
        if (v.disagreement() != null) {
            paragraphs.add(t(locale, "disagreement") + v.disagreement());
        }
        String company = organisations.find(app.applicantOrgId()).map(Organisation::name).orElse(c.reference());
        String body = organisations.all().stream().filter(o -> o.kind() == Organisation.Kind.BODY).findFirst()
                .map(Organisation::name).orElse(t(locale, "body"));
        return new Notice(t(locale, "title"), locale, c.reference() + "-INSPECTION", body, company, LocalDate.now(clock),
                rows, paragraphs);
    }

    public byte[] render(cn.cfp.access.Actor reader, long applicationId, Locale locale) {
        return pdf.render(notice(reader, applicationId, locale));
    }

    public org.springframework.http.ResponseEntity<byte[]> response(cn.cfp.access.Actor reader, long applicationId, Locale locale) {
        Notice notice = notice(reader, applicationId, locale);
        return pdf.response(notice, notice.reference() + ".pdf");
    }

    private List<String> content(String id, Locale l, CertificationCase c, InspectionView v, InspectionRules rules,
                                 ApplicationView app, Scheme scheme, Map<Long, String> sites, Map<Long, String> units,
                                 List<NonconformityView> ncs, Map<Long, cn.cfp.nonconformity.NonconformityDetail> details) {
        List<String> out = new ArrayList<>();
        switch (id) {
            case "basic-information" -> {
                for (long org : List.of(app.applicantOrgId(), app.manufacturerOrgId(), app.factoryOrgId())) {
                    organisations.find(org).ifPresent(o -> out.add(o.name() + (o.address() == null ? "" : "，" + o.address())));
                }
                sites.values().forEach(s -> out.add(t(l, "site") + s));
            }
            case "purpose-basis-scope" -> {
                out.add(t(l, "basis") + scheme.documentNumber() + "；" + rules.checklist().title().in(l));
                out.add(t(l, "units") + String.join("；", units.values()));
            }
            case "process" -> {
                out.add(t(l, "visit") + DateTexts.date(v.scheduledOn(), l) + "，" + t(l, "started") + DateTexts.time(v.startedAt(), l));
                v.attendance().forEach(a -> out.add(t(l, "attendee") + messages.getMessage("inspection.meeting." + a.meeting().name(), null, l) + "：" + a.name() + "（" + a.organisation()
                        + (a.position() == null ? "" : "，" + a.position()) + "）" + (a.signed() ? t(l, "signed") : "")));
                if (v.production() != null) {
                    out.add(t(l, "production") + v.production().model() + "，" + v.production().line()
                            + (v.production().note() == null ? "" : "，" + v.production().note()));
                }
                if (v.sampleSeed() != null) {
                    out.add(t(l, "seed") + v.sampleSeed());
                }
                v.samples().forEach(s -> out.add(t(l, "sample") + units.getOrDefault(s.unitId(), String.valueOf(s.unitId()))
                        + "：" + String.join("、", s.sample())));
            }
            case "conformity" -> {
                Map<Answer.Result, Integer> counts = new EnumMap<>(Answer.Result.class);
                v.checklist().forEach(a -> counts.merge(a.result(), 1, Integer::sum));
                v.consistency().forEach(a -> counts.merge(a.result(), 1, Integer::sum));
                List<String> parts = new ArrayList<>();
                counts.forEach((r, k) -> parts.add(t(l, "result." + r.name()) + " " + k));
                out.add(t(l, "counts") + String.join("，", parts));
                if (ncs.isEmpty()) {
                    out.add(t(l, "noNc"));
                }
                for (NonconformityView nc : ncs) {
                    out.add(t(l, "nc") + nc.number() + "（" + nc.clause() + "）：" + nc.description() + "；"
                            + t(l, "ncStatus") + t(l, "nc." + nc.status().name()));
                    cn.cfp.nonconformity.NonconformityDetail d = details.get(nc.id());
                    if (d != null && !d.answers().isEmpty()) {
                        cn.cfp.nonconformity.NonconformityAnswer a = d.answers().get(d.answers().size() - 1);
                        out.add("  " + t(l, "correction") + nz(a.correction()) + "；" + t(l, "correctiveAction") + nz(a.correctiveAction()));
                        out.add("  " + t(l, "ncVerification") + (a.verdict() == null ? t(l, "ncVerification.pending")
                                : t(l, "ncVerification." + a.verdict().name()) + (a.verdictReason() == null ? "" : "（" + a.verdictReason() + "）")));
                    }
                }
            }
            case "conclusion" -> {
                long nonconforming = v.checklist().stream().filter(a -> a.result() == Answer.Result.NONCONFORMS).count();
                long inconsistent = v.consistency().stream().filter(a -> a.result() == Answer.Result.INCONSISTENT).count();
                out.add(t(l, "assurance") + (nonconforming == 0 ? t(l, "assurance.conforms")
                        : t(l, "assurance.nonconforms") + " " + nonconforming));
                out.add(t(l, "consistencyResult") + (inconsistent == 0 ? t(l, "assurance.conforms")
                        : t(l, "assurance.nonconforms") + " " + inconsistent));
                out.add(v.completed() ? t(l, "conclusion.done")
                        : ncs.stream().anyMatch(NonconformityView::open) ? t(l, "conclusion.openNc") : t(l, "conclusion.pending"));
            }
            case "commitment" -> out.add(t(l, "commitment"));
            default -> {
            }
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }

    private String t(Locale locale, String key) {
        return messages.getMessage("inspection.report." + key, null, locale);
    }
}
