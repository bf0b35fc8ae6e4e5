package cn.cfp.application;

import cn.cfp.cases.CaseClock;
import cn.cfp.cases.CertificationCase;
import cn.cfp.cases.Cases;
import cn.cfp.document.Notice;
import cn.cfp.scheme.Stage;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.shared.DateTexts;
import cn.cfp.shared.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/** Builds the formal notices of the application phase (R-APP-3, R-DOC-1) for PDF and UI. */
@Service
public class ApplicationNotices {

    public enum Kind { ACCEPTANCE, REFUSAL, SUPPLEMENT, TERMINATION }

    private final Applications applications;
    private final Cases cases;
    private final Organisations organisations;
    private final MessageSource messages;

    ApplicationNotices(Applications applications, Cases cases, Organisations organisations, MessageSource messages) {
        this.applications = applications;
        this.cases = cases;
        this.organisations = organisations;
        this.messages = messages;
    }

    /**
     * The notice of this kind in the reader's language (one language per notice), or a refusal when the application has
     * not reached the state it notifies.
     */
    public Notice notice(long applicationId, Kind kind) {
        Locale locale = LocaleContextHolder.getLocale();
        Applications.ApplicationDetails d = applications.details(applicationId);
        ApplicationView app = d.application();
        String body = organisations.all().stream().filter(o -> o.kind() == Organisation.Kind.BODY).findFirst()
                .map(Organisation::name).orElse(text("notice.body", locale));
        String applicant = organisations.find(app.applicantOrgId()).map(Organisation::name).orElse("");
        List<String[]> rows = new ArrayList<>();
        rows.add(row("application", app.reference(), locale));
        rows.add(row("scheme", d.scheme().documentNumber() + " " + d.scheme().name().in(locale), locale));
        rows.add(row("products", String.join("; ", app.products().stream().map(p -> p.productName() + " " + p.model()).toList()), locale));
        Applications.Event last;
        switch (kind) {
            case ACCEPTANCE -> {
                require(app.acceptedOn() != null, app, kind);
                CertificationCase cc = cases.require(applicationId);
                CaseClock c = cc.clock(app.acceptedOn());
                rows.add(row("acceptedOn", DateTexts.date(app.acceptedOn(), locale), locale));
                rows.add(row("contractSigned", DateTexts.date(d.contractSignedOn(), locale), locale));
                rows.add(row("fee", d.contractFee(), locale));
                rows.add(row("timeLimit", text("notice.row.timeLimit.value", locale, c.baseLimitDays(), c.cite()), locale));
                for (Stage waived : cc.waived()) {
                    rows.add(row("waived", waived.label(locale), locale));
                }
                for (Stage simplified : cc.simplified()) {
                    rows.add(row("simplified", text("notice.row.simplified.value", locale, simplified.label(locale)), locale));
                }
            }
            case REFUSAL -> {
                require(app.status() == ApplicationStatus.REFUSED, app, kind);
                rows.add(row("refusalReasons", d.refusalReason(), locale));
            }
            case SUPPLEMENT -> {
                last = lastOf(d, "SUPPLEMENT_REQUESTED");
                require(last != null, app, kind);
                rows.add(row("toSupplement", last.note(), locale));
                rows.add(row("due", last.dueOn() == null ? "—" : DateTexts.date(last.dueOn(), locale), locale));
            }
            case TERMINATION -> {
                CertificationCase.End end = cases.ofApplication(applicationId).flatMap(CertificationCase::end)
                        .filter(e -> e.outcome() == CertificationCase.Outcome.TERMINATED).orElse(null);
                require(end != null, app, kind);
                rows.add(row("terminatedOn", DateTexts.date(end.on(), locale), locale));
                rows.add(row("terminationReasons", end.reason(), locale));
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        return new Notice(text("notice." + kind.name() + ".title", locale), locale, app.reference() + "-" + kind.name(), body,
                applicant, d.history().isEmpty() ? null : d.history().get(d.history().size() - 1).on(), rows,
                List.of(text("notice." + kind.name() + ".text", locale)));
    }

    private String[] row(String key, String value, Locale locale) {
        return new String[] {text("notice.row." + key, locale), value};
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
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
            throw Refusal.conflict("application.notice.none", app.reference(), kind.name().toLowerCase(Locale.ROOT));
        }
    }
}
