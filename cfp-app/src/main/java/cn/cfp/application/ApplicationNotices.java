package cn.cfp.application;

import cn.cfp.cases.CaseClock;
import cn.cfp.cases.CertificationCase;
import cn.cfp.cases.Cases;
import cn.cfp.document.Notice;
import cn.cfp.scheme.Stage;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.shared.Refusal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Builds the formal notices of the application phase (R-APP-3, R-DOC-1) for PDF and UI. */
@Service
public class ApplicationNotices {

    public enum Kind { ACCEPTANCE, REFUSAL, SUPPLEMENT, TERMINATION }

    private final Applications applications;
    private final Cases cases;
    private final Organisations organisations;

    ApplicationNotices(Applications applications, Cases cases, Organisations organisations) {
        this.applications = applications;
        this.cases = cases;
        this.organisations = organisations;
    }

    /** The notice of this kind, or a refusal when the application has not reached the state it notifies. */
    public Notice notice(long applicationId, Kind kind) {
        Applications.ApplicationDetails d = applications.details(applicationId);
        ApplicationView app = d.application();
        String body = organisations.all().stream().filter(o -> o.kind() == Organisation.Kind.BODY).findFirst()
                .map(Organisation::name).orElse("认证机构");
        String applicant = organisations.find(app.applicantOrgId()).map(Organisation::name).orElse("");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"申请编号 Application", app.reference()});
        rows.add(new String[] {"认证方案 Scheme", d.scheme().documentNumber() + " " + d.scheme().name().zh()});
        rows.add(new String[] {"产品 Products", String.join("；", app.products().stream().map(p -> p.productName() + " " + p.model()).toList())});
        List<String> paragraphs = new ArrayList<>();
        Applications.Event last;
        switch (kind) {
            case ACCEPTANCE -> {
                require(app.acceptedOn() != null, app, kind);
                CertificationCase cc = cases.require(applicationId);
                CaseClock c = cc.clock(app.acceptedOn());
                rows.add(new String[] {"受理日期 Accepted on", String.valueOf(app.acceptedOn())});
                rows.add(new String[] {"合同签订 Contract signed", String.valueOf(d.contractSignedOn())});
                rows.add(new String[] {"收费约定 Fee", d.contractFee()});
                rows.add(new String[] {"认证时限 Time limit", c.baseLimitDays() + " 日，不含委托人原因延误（" + c.baseLimitDays()
                        + " days excluding client-caused delays） [" + c.cite() + "]"});
                for (Stage waived : cc.waived()) {
                    rows.add(new String[] {"免除环节 Waived", waived.label(java.util.Locale.SIMPLIFIED_CHINESE) + "（"
                            + waived.label(java.util.Locale.ENGLISH) + "）"});
                }
                paragraphs.add("经合同评审，贵单位的认证委托资料齐全、符合要求，本机构决定予以受理。认证时限自受理之日起计算。");
                paragraphs.add("Following the contract review, your application is complete and accepted. The time limit runs from the acceptance date.");
            }
            case REFUSAL -> {
                require(app.status() == ApplicationStatus.REFUSED, app, kind);
                rows.add(new String[] {"不予受理理由 Reasons", d.refusalReason()});
                paragraphs.add("经评审，贵单位的认证委托不予受理，理由如上。贵单位可在纠正后重新提出认证委托。");
                paragraphs.add("Your application is not accepted for the reasons above. You may apply again after correcting them.");
            }
            case SUPPLEMENT -> {
                last = lastOf(d, "SUPPLEMENT_REQUESTED");
                require(last != null, app, kind);
                rows.add(new String[] {"需补充内容 To supplement", last.note()});
                rows.add(new String[] {"补充期限 Due", last.dueOn() == null ? "—" : last.dueOn().toString()});
                paragraphs.add("请按上述要求补充资料。补充所用时间属于委托人原因，不计入认证时限；资料齐全后本机构将在规定工作日内发出受理或不予受理通知。");
                paragraphs.add("Please supplement the items above. The time this takes is the client's and does not count toward the time limit; "
                        + "once the file is complete the body issues its acceptance decision within the scheme's working days.");
            }
            case TERMINATION -> {
                CertificationCase.End end = cases.ofApplication(applicationId).flatMap(CertificationCase::end)
                        .filter(e -> e.outcome() == CertificationCase.Outcome.TERMINATED).orElse(null);
                require(end != null, app, kind);
                rows.add(new String[] {"终止日期 Terminated on", end.on().toString()});
                rows.add(new String[] {"终止理由 Reasons", end.reason()});
                paragraphs.add("本次认证终止。贵单位可在纠正后重新提出认证委托。");
                paragraphs.add("This certification is terminated. You may apply again after correcting the issues.");
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        String[] titles = switch (kind) {
            case ACCEPTANCE -> new String[] {"认证受理通知书", "Notice of Acceptance"};
            case REFUSAL -> new String[] {"不予受理通知书", "Notice of Refusal"};
            case SUPPLEMENT -> new String[] {"资料补充通知书", "Request for Supplementary Documents"};
            case TERMINATION -> new String[] {"认证终止通知书", "Notice of Termination"};
        };
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        boolean english = "en".equals(locale.getLanguage());
        return new Notice(english ? titles[1] : titles[0], locale, app.reference() + "-" + kind.name(), body, applicant,
                d.history().isEmpty() ? null : d.history().get(d.history().size() - 1).on(), rows, paragraphs);
    }

    private static Applications.Event lastOf(Applications.ApplicationDetails d, String kind) {
        Applications.Event found = null;
        for (Applications.Event e : d.history()) {
            if (e.kind().equals(kind)) {
                found = e;
            }
        }
        return found;
    }

    private static void require(boolean ok, ApplicationView app, Kind kind) {
        if (!ok) {
            throw Refusal.conflict("application.notice.none", app.reference(), kind.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
