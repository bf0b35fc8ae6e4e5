package cn.cfp.review.internal;

import cn.cfp.access.PersonNames;
import cn.cfp.body.BodyIdentity;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.document.Notice;
import cn.cfp.document.NoticePdf;
import cn.cfp.party.Organisations;
import cn.cfp.review.ReviewView;
import cn.cfp.review.Reviews;
import cn.cfp.scheme.DecisionPolicy;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.shared.DateTexts;
import cn.cfp.shared.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The notices of the decision [R-REV-2] as PDF, in the reader's language: the decision notice (认证决定通知书) for every
 * outcome and, for a negative one, the written notice with its reasons — CEC 书面通知并说明理由 [002 §5.7.1, §5.7.3],
 * CGC 书面告知委托方终止认证的决定和理由 [003 ¶79], CICC 书面报告终止理由 [004 §9.8.4].
 */
@Component
class ReviewNoticePdf {

    private final Reviews reviews;
    private final Cases cases;
    private final SchemeCatalog schemes;
    private final Organisations organisations;
    private final BodyIdentity body;
    private final PersonNames people;
    private final NoticePdf pdf;
    private final MessageSource messages;

    ReviewNoticePdf(Reviews reviews, Cases cases, SchemeCatalog schemes, Organisations organisations, BodyIdentity body,
                    PersonNames people, NoticePdf pdf, MessageSource messages) {
        this.reviews = reviews;
        this.cases = cases;
        this.schemes = schemes;
        this.organisations = organisations;
        this.body = body;
        this.people = people;
        this.pdf = pdf;
        this.messages = messages;
    }

    ResponseEntity<byte[]> decision(long applicationId, Locale locale) {
        ReviewView v = decided(applicationId);
        CertificationCase c = cases.require(applicationId);
        return pdf.response(notice(c, v, false, locale), c.reference() + "-decision.pdf");
    }

    ResponseEntity<byte[]> negative(long applicationId, Locale locale) {
        ReviewView v = decided(applicationId);
        if (v.decision().positive()) {
            throw Refusal.notFound("review.noNegativeNotice", v.reference());
        }
        CertificationCase c = cases.require(applicationId);
        return pdf.response(notice(c, v, true, locale), c.reference() + "-" + v.decision().result().toLowerCase(Locale.ROOT) + ".pdf");
    }

    private ReviewView decided(long applicationId) {
        ReviewView v = reviews.view(applicationId);
        if (v.decision() == null) {
            throw Refusal.notFound("review.noDecision", v.reference());
        }
        return v;
    }

    Notice notice(CertificationCase c, ReviewView v, boolean negative, Locale locale) {
        Scheme scheme = schemes.get(c.schemeCode());
        ReviewView.Decision d = v.decision();
        String outcome = v.outcomes().stream().filter(o -> o.key().equals(d.outcome())).findFirst()
                .map(o -> o.name().in(locale)).orElse(d.outcome());
        String company = organisations.find(c.parties().applicantOrgId())
                .map(o -> english(locale) && o.nameEn() != null && !o.nameEn().isBlank() ? o.nameEn() : o.name())
                .orElse(c.reference());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {text("case", locale), c.reference()});
        rows.add(new String[] {text("scheme", locale), scheme.name().in(locale) + " (" + scheme.documentNumber() + ")"});
        rows.add(new String[] {text("outcome", locale), outcome});
        rows.add(new String[] {text("result", locale), text("result." + d.result(), locale)});
        rows.add(new String[] {text("decidedOn", locale), DateTexts.date(d.decidedOn(), locale)});
        rows.add(new String[] {text("decider", locale), people.name(d.decidedBy())});
        rows.add(new String[] {text("reviewers", locale),
                v.reviewers().stream().map(r -> people.name(r.username())).collect(Collectors.joining(", "))});
        if (d.reasons() != null) {
            rows.add(new String[] {text("reasons", locale), d.reasons()});
        }
        List<String> paragraphs = new ArrayList<>();
        if (negative) {
            paragraphs.add(text("negative." + d.result(), locale));
            DecisionPolicy policy = scheme.decision().value();
            if (policy != null && policy.description() != null) {
                paragraphs.add(policy.description().in(locale));
            }
        } else {
            paragraphs.add(text(d.positive() ? "positive" : "negative.see", locale));
        }
        String title = negative ? text("title." + d.result(), locale) : text("title", locale);
        return new Notice(title, locale, c.reference() + (negative ? "-" + d.result() : "-DECISION"), body.name(locale), company,
                d.decidedOn(), rows, paragraphs);
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage("review.pdf." + key, null, locale);
    }
}
