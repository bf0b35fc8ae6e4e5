package cn.cfp.application;

import cn.cfp.document.Notice;
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
    private final NinetyDayClock clock;
    private final Organisations organisations;

    ApplicationNotices(Applications applications, NinetyDayClock clock, Organisations organisations) {
        this.applications = applications;
        this.clock = clock;
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
                require(app.status() == ApplicationStatus.ACCEPTED || app.acceptedOn() != null, app, kind);
                ClockView c = clock.of(applicationId);
                rows.add(new String[] {"受理日期 Accepted on", String.valueOf(app.acceptedOn())});
                rows.add(new String[] {"合同签订 Contract signed", String.valueOf(d.contractSignedOn())});
                rows.add(new String[] {"收费约定 Fee", d.contractFee()});
                rows.add(new String[] {"认证时限 Time limit", c.limitDays() + " 日（不含委托人原因延误） / days excluding client-caused delays [" + c.cite() + "]"});
                if (app.onsiteInspectionExempt()) {
                    rows.add(new String[] {"现场检查 On-site inspection", "免于现场检查 / waived"});
                }
                if (app.priorVerificationAdopted()) {
                    rows.add(new String[] {"已有核查 Prior verification", "采信 / adopted"});
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
                require(app.status() == ApplicationStatus.TERMINATED, app, kind);
                rows.add(new String[] {"终止理由 Reasons", d.refusalReason()});
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
        return new Notice(titles[0], titles[1], app.reference() + "-" + kind.name(), body, applicant,
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
            throw new Refusal(409, "Application " + app.reference() + " (" + app.status() + ") has no " + kind.name().toLowerCase()
                    + " notice / 该申请当前没有此类通知");
        }
    }
}
