package cn.cfp.nonconformity.internal;

import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.document.Notice;
import cn.cfp.document.NoticePdf;
import cn.cfp.nonconformity.NonconformityDetail;
import cn.cfp.nonconformity.NonconformityView;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.DateTexts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The list of nonconformities issued to the client (R-NC-1): titled from the scheme (CNEX 现场检查问题清单 for the
 * inspection, 核查问题清单 for the verification [001 §9.5.4, §9.6.5]; otherwise a generic 不符合项清单), one row per NC with
 * its number, clause, description, class and due date; addressed to the applicant, signed by the body, in one language.
 */
@Component
class NonconformityPdf {

    private final Nonconformities ncs;
    private final Cases cases;
    private final Organisations organisations;
    private final NoticePdf pdf;
    private final MessageSource messages;
    private final cn.cfp.scheme.SchemeCatalog schemes;

    NonconformityPdf(Nonconformities ncs, Cases cases, Organisations organisations, NoticePdf pdf, MessageSource messages,
                     cn.cfp.scheme.SchemeCatalog schemes) {
        this.schemes = schemes;
        this.ncs = ncs;
        this.cases = cases;
        this.organisations = organisations;
        this.pdf = pdf;
        this.messages = messages;
    }

    ResponseEntity<byte[]> response(long applicationId, Stage source, Locale locale) {
        Nonconformities.IssuedList list = ncs.issuedList(applicationId, source);
        CertificationCase c = cases.require(applicationId);
        return pdf.response(notice(c, list, locale), c.reference() + "-nc-" + source.name().toLowerCase(Locale.ROOT) + ".pdf");
    }

    Notice notice(CertificationCase c, Nonconformities.IssuedList list, Locale locale) {
        String title = ncs.listTitle(c.applicationId(), list.source()).map(t -> t.in(locale)).orElse(text("generic", locale));
        String company = organisations.find(c.parties().applicantOrgId()).map(Organisation::name).orElse(c.reference());
        String body = organisations.all().stream().filter(o -> o.kind() == Organisation.Kind.BODY).findFirst()
                .map(Organisation::name).orElse(text("body", locale));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {text("case", locale), c.reference()});
        rows.add(new String[] {text("source", locale), list.source().label(locale)});
        LocalDate issuedOn = null;
        for (NonconformityDetail d : list.nonconformities()) {
            NonconformityView n = d.nc();
            issuedOn = issuedOn == null || (d.issuedOn() != null && d.issuedOn().isAfter(issuedOn)) ? d.issuedOn() : issuedOn;
            String cls = n.ncClass() == null ? "" : " · " + text("class", locale) + " " + className(c, n.ncClass(), locale)
                    + (n.effectPercent() == null ? "" : " (" + n.effectPercent().stripTrailingZeros().toPlainString() + " %)");
            rows.add(new String[] {text("number", locale) + " " + n.number() + "\n" + n.clause(),
                    n.description() + cls + "\n" + text("dueOn", locale) + " " + DateTexts.date(n.dueOn(), locale)});
        }
        return new Notice(title, locale, c.reference() + "-NC-" + list.source().name(), body, company,
                issuedOn, rows, List.of(text("answer", locale)));
    }

    /** The scheme's name of a class (CGC 一般不符合 / 严重不符合 / 观察项), not its key. */
    private String className(CertificationCase c, String key, Locale locale) {
        cn.cfp.scheme.NonconformityPolicy policy = schemes.get(c.schemeCode()).nonconformities().value();
        return policy == null ? key : policy.classes().stream().filter(k -> k.key().equals(key)).findFirst()
                .map(k -> k.name().in(locale)).orElse(key);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage("nonconformity.pdf." + key, null, locale);
    }
}
