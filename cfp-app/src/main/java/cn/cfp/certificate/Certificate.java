package cn.cfp.certificate;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.scheme.CertificateContent;
import cn.cfp.scheme.Step;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The certificate of one decided case [R-CERT-1, R-CERT-3]: created as a draft when the decision says "certify", then
 * drafted by a preparer, its data confirmed, its checked fields ticked by someone who is not the preparer, and issued.
 * Where it stands is derived from its history (append-only {@link Entry}s); each method guards its transition and
 * returns the entry to append, so an illegal step throws and nothing changes. Issue 11 adds suspension and the rest as
 * further entry kinds.
 */
public final class Certificate {

    /** Where the preparation stands (before issue); after issue the status is {@link #status(LocalDate)}. */
    public enum Stage { DRAFT, CONFIRMED, CHECKED, ISSUED }

    /** What happened to the certificate. */
    public enum Kind { DRAFTED, EDITED, CONFIRMED, CHECKED, ISSUED }

    /** One step of the history; {@code data} is the step's JSON (the draft, the confirmed data, the ticks, the issue). */
    public record Entry(int seq, Kind kind, long actorId, String actorName, Instant at, String data) {
    }

    /** One issued version. */
    public record Issue(String number, int version, LocalDate issuedOn, LocalDate validUntil, String issuedBy, Instant at) {
    }

    /** The confirmed content (data and draft together, frozen at confirmation). */
    public record Confirmed(CertificateData data, CertificateDraft draft, long by, String byName) {
    }

    private final long applicationId;
    private final long caseId;
    private final String reference;
    private final String schemeCode;
    private final LocalDate decidedOn;
    private final long deciderUserId;
    private final List<Long> reviewerUserIds;
    private final List<Entry> history;
    private final List<Issue> issues;
    private final CertificateJson json;

    Certificate(long applicationId, long caseId, String reference, String schemeCode, LocalDate decidedOn, long deciderUserId,
                List<Long> reviewerUserIds, List<Entry> history, List<Issue> issues, CertificateJson json) {
        this.applicationId = applicationId;
        this.caseId = caseId;
        this.reference = reference;
        this.schemeCode = schemeCode;
        this.decidedOn = decidedOn;
        this.deciderUserId = deciderUserId;
        this.reviewerUserIds = List.copyOf(reviewerUserIds);
        this.history = List.copyOf(history);
        this.issues = List.copyOf(issues);
        this.json = json;
    }

    // ---- derived state

    public Stage stage() {
        Stage s = Stage.DRAFT;
        for (Entry e : history) {
            s = switch (e.kind()) {
                case DRAFTED, EDITED -> Stage.DRAFT;
                case CONFIRMED -> Stage.CONFIRMED;
                case CHECKED -> Stage.CHECKED;
                case ISSUED -> Stage.ISSUED;
            };
        }
        return s;
    }

    /** The draft's free fields as last written. */
    public CertificateDraft draft() {
        CertificateDraft d = new CertificateDraft(null, null, null, null, null, null, null, null);
        for (Entry e : history) {
            if (e.kind() == Kind.DRAFTED || e.kind() == Kind.EDITED) {
                d = json.draft(e.data());
            }
        }
        return d;
    }

    /** The confirmed content, while it stands (an edit after confirmation withdraws it). */
    public Optional<Confirmed> confirmed() {
        Confirmed c = null;
        for (Entry e : history) {
            switch (e.kind()) {
                case DRAFTED, EDITED -> c = null;
                case CONFIRMED -> c = new Confirmed(json.confirmedData(e.data()), json.confirmedDraft(e.data()), e.actorId(), e.actorName());
                default -> { }
            }
        }
        return Optional.ofNullable(c);
    }

    /** Who checked the fields of the standing confirmation, if anyone did. */
    public Optional<Entry> checked() {
        Entry c = null;
        for (Entry e : history) {
            switch (e.kind()) {
                case DRAFTED, EDITED, CONFIRMED -> c = null;
                case CHECKED -> c = e;
                default -> { }
            }
        }
        return Optional.ofNullable(c);
    }

    public Optional<Issue> current() {
        return issues.isEmpty() ? Optional.empty() : Optional.of(issues.get(issues.size() - 1));
    }

    /**
     * VALID or EXPIRED by the validity date of the current version (valid through {@code validUntil}, the date printed
     * as 有效期至); empty before issue. Issue 11 adds the states that follow from suspension, revocation and the rest.
     */
    public Optional<CertificateStatus> status(LocalDate today) {
        return current().map(i -> today.isAfter(i.validUntil()) ? CertificateStatus.EXPIRED : CertificateStatus.VALID);
    }

    // ---- transitions (each returns the entry data to append)

    /** The preparer writes the free fields [R-CERT-3]. Withdraws a standing confirmation and its checks. */
    String edit(Actor actor, CertificateDraft draft, CertificateContent content) {
        requireNotIssued();
        preparer(actor, content).orRefuse(403);
        return json.write(draft);
    }

    /** The preparer confirms the data fields as taken from the case, with the draft as it stands. */
    String confirm(Actor actor, CertificateData data, CertificateContent content) {
        requireNotIssued();
        preparer(actor, content).orRefuse(403);
        if (stage() != Stage.DRAFT) {
            throw Refusal.conflict("certificate.alreadyConfirmed", reference);
        }
        CertificateDraft d = draft();
        List<Reason> missing = new ArrayList<>();
        if (d.issuerName() == null) {
            missing.add(Reason.of("certificate.fieldRequired", Reason.of("certificate.field.issuerName")).at("issuerName"));
        }
        if (d.basis() == null) {
            missing.add(Reason.of("certificate.fieldRequired", Reason.of("certificate.field.basis")).at("basis"));
        }
        if (content.productCodeRequired() && (d.productCode() == null || !d.productCode().matches("\\d{3}"))) {
            missing.add(Reason.of("certificate.productCode", d.productCode() == null ? "" : d.productCode()).at("productCode"));
        }
        if (content.adds(CertificateContent.Addition.TRADEMARK) && d.trademark() == null) {
            missing.add(Reason.of("certificate.fieldRequired", Reason.of("certificate.field.trademark")).at("trademark"));
        }
        if (content.adds(CertificateContent.Addition.ASSURANCE_LEVEL) && d.assuranceLevel() == null) {
            missing.add(Reason.of("certificate.fieldRequired", Reason.of("certificate.field.assuranceLevel")).at("assuranceLevel"));
        }
        if (content.adds(CertificateContent.Addition.REPORT_PERIOD) && d.reportPeriod() == null) {
            missing.add(Reason.of("certificate.fieldRequired", Reason.of("certificate.field.reportPeriod")).at("reportPeriod"));
        }
        if (!missing.isEmpty()) {
            throw Refusal.badRequest(missing);
        }
        return json.confirmation(data, d);
    }

    /**
     * A reviewer or decision maker who is not the preparer ticks every checked field of the scheme (CNEX a–o
     * [001 §9.9]; otherwise 000 Annex 3's list) [R-CERT-3].
     */
    String check(Actor actor, Set<String> ticked, CertificateContent content) {
        requireNotIssued();
        if (!actor.has(Role.REVIEWER) && !actor.has(Role.DECISION_MAKER)) {
            throw Refusal.forbidden("certificate.notChecker", reference);
        }
        Confirmed c = confirmed().orElseThrow(() -> Refusal.conflict("certificate.notConfirmed", reference));
        if (c.by() == actor.id()) {
            throw Refusal.forbidden("certificate.checkerIsPreparer", reference);
        }
        if (stage() == Stage.CHECKED) {
            throw Refusal.conflict("certificate.alreadyChecked", reference);
        }
        Set<String> given = ticked == null ? Set.of() : ticked;
        List<Reason> unticked = new ArrayList<>();
        for (Step f : content.checkedFields()) {
            if (!given.contains(f.key())) {
                unticked.add(Reason.of("certificate.fieldUnchecked", f.name())
                        .at("field-" + f.key()));
            }
        }
        if (!unticked.isEmpty()) {
            throw Refusal.badRequest(unticked);
        }
        return json.write(new LinkedHashSet<>(content.checkedFields().stream().map(Step::key).toList()));
    }

    /** Whether the certificate may be issued now: its fields checked, not issued before. The number is checked by the caller. */
    void requireIssuable() {
        if (!issues.isEmpty()) {
            throw Refusal.conflict("certificate.alreadyIssued", reference, issues.get(0).number());
        }
        if (stage() != Stage.CHECKED) {
            throw Refusal.conflict("certificate.notChecked", reference);
        }
    }

    /**
     * Who may prepare: a certificate preparer (role PREPARER); where the scheme says so (CNEX 001 §9.9), not the
     * decider nor a reviewer of the case.
     */
    public Verdict preparer(Actor actor, CertificateContent content) {
        if (!actor.has(Role.PREPARER)) {
            return Verdict.refuse(Reason.of("certificate.notPreparer", reference));
        }
        if (content.preparerMayNotDecide() && (actor.id() == deciderUserId || reviewerUserIds.contains(actor.id()))) {
            return Verdict.refuse(Reason.of("certificate.preparerDecided", reference));
        }
        return Verdict.allow();
    }

    private void requireNotIssued() {
        if (!issues.isEmpty()) {
            throw Refusal.conflict("certificate.alreadyIssued", reference, issues.get(0).number());
        }
    }

    int nextSeq() {
        return history.isEmpty() ? 1 : history.get(history.size() - 1).seq() + 1;
    }

    public long applicationId() { return applicationId; }

    public long caseId() { return caseId; }

    public String reference() { return reference; }

    public String schemeCode() { return schemeCode; }

    public LocalDate decidedOn() { return decidedOn; }

    public long deciderUserId() { return deciderUserId; }

    public List<Long> reviewerUserIds() { return reviewerUserIds; }

    public List<Entry> history() { return history; }

    public List<Issue> issues() { return issues; }
}
