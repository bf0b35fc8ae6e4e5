package cn.cfp.certificate;

import cn.cfp.access.Actor;
import cn.cfp.access.RecordGuard;
import cn.cfp.access.Relation;
import cn.cfp.application.ApplicationView;
import cn.cfp.application.Applications;
import cn.cfp.audit.AuditTrail;
import cn.cfp.body.BodyIdentity;
import cn.cfp.body.PdfSigner;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.calendar.WorkingDays;
import cn.cfp.label.LabelContent;
import cn.cfp.label.Labels;
import cn.cfp.numbering.CertificateNumbers;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.review.ReviewEvents;
import cn.cfp.scheme.CertificateContent;
import cn.cfp.scheme.DecisionPolicy;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Step;
import cn.cfp.scheme.Term;
import cn.cfp.shared.Hashes;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Refusal;
import cn.cfp.verification.RecalculationView;
import cn.cfp.verification.Verifications;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The certificate [R-CERT-1, R-CERT-3]: a draft when a case is decided "certify", the preparer's draft and confirmation,
 * the checked fields, the number (asked of {@link CertificateNumbers} at confirmation; issue waits for it) and the
 * issue — the PDF rendered, signed with the body's key, stored once and never overwritten, and
 * {@link CertificateEvents.Issued} published with exactly the public record.
 */
@Service
public class Certificates {

    /** The unit printed with every footprint of a national CFP label (000 §9.2 "单位为 kgCO2e"). */
    static final String FOOTPRINT_UNIT = "kgCO2e";

    private final CertificateRepository repository;
    private final Applications applications;
    private final Organisations organisations;
    private final Verifications verifications;
    private final SchemeCatalog schemes;
    private final BodyIdentity body;
    private final PdfSigner signer;
    private final CertificatePdf pdf;
    private final ObjectProvider<CertificateNumbers> numbers;
    private final Labels labels;
    private final List<RecordGuard> guards;
    private final WorkingDayCalendar calendar;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Certificates(CertificateRepository repository, Applications applications, Organisations organisations,
                 Verifications verifications, SchemeCatalog schemes, BodyIdentity body, PdfSigner signer, CertificatePdf pdf,
                 ObjectProvider<CertificateNumbers> numbers, Labels labels, List<RecordGuard> guards,
                 WorkingDayCalendar calendar, MessageSource messages, AuditTrail audit, ApplicationEventPublisher events,
                 Clock clock) {
        this.repository = repository;
        this.applications = applications;
        this.organisations = organisations;
        this.verifications = verifications;
        this.schemes = schemes;
        this.body = body;
        this.signer = signer;
        this.pdf = pdf;
        this.numbers = numbers;
        this.labels = labels;
        this.guards = guards;
        this.calendar = calendar;
        this.messages = messages;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- the decision: a draft (idempotent — a redelivered event finds the certificate there)

    @ApplicationModuleListener
    void on(ReviewEvents.Decided decided) {
        draftFor(decided);
    }

    /** Creates the draft certificate of a case decided "certify"; nothing for other outcomes or a second delivery. */
    @Transactional
    public void draftFor(ReviewEvents.Decided d) {
        if (!d.certify()) {
            return;
        }
        boolean created = repository.create(d.applicationId(), d.caseId(), d.reference(), d.schemeCode(), d.on(), d.outcome(),
                d.deciderUserId(), d.reviewerUserIds(), clock.instant());
        if (!created) {
            return;
        }
        Scheme scheme = schemes.get(d.schemeCode());
        CertificateContent content = content(scheme);
        ApplicationView app = applications.get(d.applicationId());
        String unit = app.units().stream().map(ApplicationView.Unit::label).collect(Collectors.joining("；"));
        CertificateDraft draft = new CertificateDraft(null, content.basis().zh(), null, unit.isBlank() ? null : unit, null,
                null, null, null);
        repository.append(d.applicationId(), 1, Certificate.Kind.DRAFTED, Actor.SYSTEM.id(), Actor.SYSTEM.username(),
                clock.instant(), CertificateJson.INSTANCE.write(draft));
        audit.record(Actor.SYSTEM.username(), "CERTIFICATE_DRAFTED", target(d.applicationId()),
                Map.of("reference", d.reference(), "scheme", d.schemeCode(), "outcome", d.outcome()));
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Optional<Certificate> find(long applicationId) {
        return repository.find(applicationId);
    }

    @Transactional(readOnly = true)
    public Certificate require(long applicationId) {
        return repository.find(applicationId).orElseThrow(() -> Refusal.notFound("certificate.none", applicationId));
    }

    @Transactional(readOnly = true)
    public CertificateView view(long applicationId) {
        return view(applicationId, true);
    }

    /** The view; without the data preview for lists (the preview reads the verification of each case). */
    private CertificateView view(long applicationId, boolean withPreview) {
        Certificate c = require(applicationId);
        LocalDate today = LocalDate.now(clock);
        CertificateData preview = null;
        cn.cfp.shared.Reason problem = null;
        Optional<Certificate.Confirmed> confirmed = c.confirmed();
        if (confirmed.isPresent()) {
            preview = confirmed.get().data();
        } else if (withPreview && c.stage() != Certificate.Stage.ISSUED) {
            try {
                preview = gather(c);
            } catch (Refusal r) {
                problem = r.reasons().isEmpty() ? null : r.reasons().get(0);
            }
        }
        Set<String> ticks = c.checked().map(e -> CertificateJson.INSTANCE.ticks(e.data())).orElse(Set.of());
        Optional<WorkingDays> due = c.current().isPresent() ? Optional.empty() : dueOn(c);
        PublicCertificate record = c.current().flatMap(i -> repository.publicJson(i.number(), i.version()))
                .map(CertificateJson.INSTANCE::publicCertificate).orElse(null);
        return new CertificateView(c.applicationId(), c.reference(), c.schemeCode(), c.stage(), c.decidedOn(), c.draft(), preview,
                problem, confirmed.map(Certificate.Confirmed::byName).orElse(null), ticks,
                c.checked().map(Certificate.Entry::actorName).orElse(null), numberOf(c.applicationId()),
                due.map(WorkingDays::date).orElse(null), due.map(WorkingDays::exact).orElse(true), c.issues(),
                c.status(today).orElse(null), record);
    }

    /** Certificates, newest first: all of them for staff, a client's own cases' for a client. */
    @Transactional(readOnly = true)
    public Paging.Page<CertificateView> page(Actor actor, Paging paging) {
        List<Long> scope = null;
        if (!actor.isStaff()) {
            if (actor.organisationId() == null) {
                return new Paging.Page<>(List.of(), 0);
            }
            scope = applications.visibleTo(actor, Paging.of(0, Paging.MAX_SIZE)).items().stream().map(ApplicationView::id).toList();
        }
        List<CertificateView> items = repository.page(scope, !actor.isStaff(), paging.offset(), paging.size()).stream()
                .map(id -> view(id, false)).toList();
        return new Paging.Page<>(items, repository.count(scope, !actor.isStaff()));
    }

    /** The scheme's certificate content; a scheme must state one. */
    public CertificateContent content(Scheme scheme) {
        return scheme.certificateContent().require("certificateContent");
    }

    /**
     * The due date of the issue: the scheme's {@code decision.certificateIssueLimit} counted from the decision (CEC 30
     * days [002 §5.7]; CGC 30 working days on the working-day calendar [003 ¶81]); empty where the scheme sets none.
     */
    public Optional<WorkingDays> dueOn(Certificate c) {
        DecisionPolicy policy = schemes.get(c.schemeCode()).decision().value();
        Term limit = policy == null ? null : policy.certificateIssueLimit();
        if (limit == null) {
            return Optional.empty();
        }
        return Optional.of(switch (limit.unit()) {
            case WORKING_DAYS -> calendar.plusWorkingDays(c.decidedOn(), limit.amount());
            case DAYS -> new WorkingDays(c.decidedOn().plusDays(limit.amount()), new java.util.TreeSet<>());
            case MONTHS -> new WorkingDays(c.decidedOn().plusMonths(limit.amount()), new java.util.TreeSet<>());
            case YEARS -> new WorkingDays(c.decidedOn().plusYears(limit.amount()), new java.util.TreeSet<>());
        });
    }

    /** Not issued yet, oldest decision first (the preparers' and checkers' work). */
    @Transactional(readOnly = true)
    public List<Certificate> notIssued() {
        return repository.notIssued().stream().map(repository::find).flatMap(Optional::stream).toList();
    }

    // ---- preparation

    @Transactional
    public CertificateView edit(Actor actor, long applicationId, CertificateDraft draft) {
        Certificate c = require(applicationId);
        CertificateContent content = content(schemes.get(c.schemeCode()));
        tooLong(draft);
        String data = c.edit(actor, draft, content);
        append(c, Certificate.Kind.EDITED, actor, data);
        audit.record(actor.username(), "CERTIFICATE_EDITED", target(applicationId), Map.of("reference", c.reference()));
        return view(applicationId);
    }

    /** The preparer confirms the data fields; the number is asked for (CNCA: the report package; others: allocated). */
    @Transactional
    public CertificateView confirm(Actor actor, long applicationId) {
        Certificate c = require(applicationId);
        Scheme scheme = schemes.get(c.schemeCode());
        CertificateContent content = content(scheme);
        CertificateData data = gather(c);
        String json = c.confirm(actor, data, content);
        append(c, Certificate.Kind.CONFIRMED, actor, json);
        CertificateDraft d = c.draft();
        CertificateNumbers n = numbers.getIfAvailable();
        if (n != null) {
            n.prepare(new CertificateNumbers.NumberRequest(applicationId, c.reference(), c.schemeCode(), d.productCode(),
                    LocalDate.now(clock), requestFields(data, d)));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reference", c.reference());
        details.put("recalculation", data.recalculationId());
        details.put("inventorySha256", data.inventorySha256());
        details.put("footprintKgCo2e", data.footprintKgCo2e());
        audit.record(actor.username(), "CERTIFICATE_CONFIRMED", target(applicationId), details);
        return view(applicationId);
    }

    @Transactional
    public CertificateView check(Actor actor, long applicationId, Set<String> ticked) {
        Certificate c = require(applicationId);
        String json = c.check(actor, ticked, content(schemes.get(c.schemeCode())));
        append(c, Certificate.Kind.CHECKED, actor, json);
        audit.record(actor.username(), "CERTIFICATE_CHECKED", target(applicationId), Map.of("reference", c.reference(), "fields", json));
        return view(applicationId);
    }

    /**
     * Issues the checked certificate: refused until the number is there (CNCA schemes: confirmed by CNCA [000 §9.1.2,
     * decision D2]), refused a second time. Renders, signs and stores the PDF (version 1), publishes the public record.
     */
    @Transactional
    public CertificateView issue(Actor actor, long applicationId) {
        Certificate c = require(applicationId);
        c.requireIssuable();
        CertificateNumbers n = numbers.getIfAvailable();
        Optional<String> number = n == null ? Optional.empty() : n.number(applicationId);
        if (number.isEmpty()) {
            CertificateNumbers.State state = n == null ? CertificateNumbers.State.NONE : n.of(applicationId).state();
            throw Refusal.conflict("certificate.numberMissing", c.reference(), state.name());
        }
        Scheme scheme = schemes.get(c.schemeCode());
        CertificateContent content = content(scheme);
        Certificate.Confirmed confirmed = c.confirmed().orElseThrow(() -> Refusal.conflict("certificate.notConfirmed", c.reference()));
        LocalDate issuedOn = LocalDate.now(clock);
        int years = scheme.validityYears().require("validityYears");
        // valid through the day before the anniversary: issued 2026-12-04, 2 years → 有效期至 2028-12-03 [000 §9.1.1, decision D1]
        LocalDate validUntil = issuedOn.plusYears(years).minusDays(1);
        PublicCertificate record = publicRecord(number.get(), scheme, content, confirmed, issuedOn, validUntil);
        byte[] labelPng = labelPng(record);
        byte[] unsigned = pdf.render(new CertificatePdf.Content(record, content, confirmed.data(), confirmed.draft(),
                scheme.certificationMode().value() == null ? List.of() : scheme.certificationMode().value().steps(), body,
                labelPng));
        byte[] signed = signer.sign(unsigned, messages.getMessage("certificate.pdf.signReason", null, java.util.Locale.CHINESE));
        String sha = Hashes.sha256Hex(signed);
        try {
            repository.insertIssue(applicationId, record.number(), 1, issuedOn, validUntil, CertificateJson.INSTANCE.write(record),
                    signed, sha, actor.username(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("certificate.alreadyIssued", c.reference(), record.number());
        }
        append(c, Certificate.Kind.ISSUED, actor, CertificateJson.INSTANCE.write(Map.of("number", record.number(), "version", 1,
                "pdfSha256", sha)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", record.number());
        details.put("version", 1);
        details.put("validUntil", validUntil.toString());
        details.put("pdfSha256", sha);
        details.put("inventorySha256", confirmed.data().inventorySha256());
        audit.record(actor.username(), "CERTIFICATE_ISSUED", target(applicationId), details);
        events.publishEvent(new CertificateEvents.Issued(applicationId, record, clock.instant()));
        return view(applicationId);
    }

    // ---- downloads (staff and the case's client parties)

    /** The signed PDF of the current version, exactly as stored. */
    @Transactional(readOnly = true)
    public byte[] pdf(Actor actor, String number) {
        Certificate c = byNumber(actor, number);
        Certificate.Issue i = c.current().orElseThrow();
        return repository.pdf(i.number(), i.version()).orElseThrow();
    }

    /** Label width and resolution of the label printed on the certificate (scaled to about 39 mm on the page). */
    static final double PDF_LABEL_WIDTH_MM = 40;
    static final int PDF_LABEL_DPI = 600;

    /**
     * The label (svg or png {@code widthMm} wide at {@code dpi}) — only while the certificate is valid [R-LBL-2; 000
     * §9.1.7]; drawn by the label module from the certificate's public record.
     */
    @Transactional(readOnly = true)
    public byte[] label(Actor actor, String number, String format, Double widthMm, int dpi) {
        Certificate c = byNumber(actor, number);
        CertificateStatus status = c.status(LocalDate.now(clock)).orElseThrow();
        Certificate.Issue i = c.current().orElseThrow();
        if (status != CertificateStatus.VALID) {
            throw Refusal.conflict("certificate.labelNotValid", number, status, i.validUntil());
        }
        PublicCertificate record = repository.publicJson(i.number(), i.version()).map(CertificateJson.INSTANCE::publicCertificate)
                .orElseThrow();
        LabelContent content = labelContent(record);
        return "svg".equals(format) ? labels.svg(content).getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : labels.png(content, widthMm == null ? Labels.DEFAULT_WIDTH_MM : widthMm, dpi);
    }

    /** What the label shows: the first product's footprint as printed, its unit and functional unit, the validity date. */
    private LabelContent labelContent(PublicCertificate r) {
        PublicCertificate.Product p = r.products().get(0);
        return labels.content(r.schemeCode(), r.number(), p.footprint(), p.footprintUnit(), p.functionalUnit(), r.validUntil());
    }

    /** The public record of the current version of a number (for other modules). */
    @Transactional(readOnly = true)
    public Optional<PublicCertificate> publicRecord(String number) {
        return repository.applicationOf(number).flatMap(repository::find).flatMap(Certificate::current)
                .flatMap(i -> repository.publicJson(i.number(), i.version())).map(CertificateJson.INSTANCE::publicCertificate);
    }

    private Certificate byNumber(Actor actor, String number) {
        long app = repository.applicationOf(number).orElseThrow(() -> Refusal.notFound("certificate.unknownNumber", number));
        RecordGuard guard = guards.stream().filter(g -> "application".equals(g.kind())).findFirst().orElseThrow();
        guard.check(actor, app, Set.of(Relation.STAFF, Relation.PARTY)).orRefuse(403);
        return require(app);
    }

    // ---- the content

    /** The data fields as they stand in the case now: parties, products, the verified result. */
    CertificateData gather(Certificate c) {
        ApplicationView app = applications.get(c.applicationId());
        Organisation holder = organisations.find(app.applicantOrgId()).orElseThrow();
        Organisation maker = organisations.find(app.manufacturerOrgId()).orElseThrow();
        Organisation factory = organisations.find(app.factoryOrgId()).orElseThrow();
        List<RecalculationView> results = verifications.view(c.applicationId()).recalculations();
        if (results.isEmpty()) {
            throw Refusal.conflict("certificate.noVerifiedResult", c.reference());
        }
        RecalculationView last = verifications.recalculation(c.applicationId(), results.get(results.size() - 1).id());
        JsonNode r = CertificateJson.INSTANCE.tree(last.resultJson()).path("result");
        String functionalUnit = app.units().stream().map(ApplicationView.Unit::functionalUnit).filter(s -> s != null && !s.isBlank())
                .findFirst().orElseGet(() -> r.path("functionalUnit").asString(""));
        BigDecimal printed = printed(last.totalKgCo2e());
        List<PublicCertificate.Product> products = app.products().stream().map(p -> new PublicCertificate.Product(p.productName(),
                p.model(), printed, FOOTPRINT_UNIT, functionalUnit)).toList();
        List<CertificateData.StageShare> shares = new ArrayList<>();
        for (JsonNode s : r.path("stages")) {
            shares.add(new CertificateData.StageShare(s.path("stage").asString(""),
                    BigDecimal.valueOf(s.path("percent").asDouble()).setScale(1, RoundingMode.HALF_UP)));
        }
        String boundary = r.path("boundary").asString("");
        String boundaryText = boundary.isEmpty() ? "" : messages.getMessage("certificate.boundary." + boundary, null, boundary,
                java.util.Locale.CHINESE);
        String mode = schemes.get(c.schemeCode()).certificationMode().value() == null ? ""
                : schemes.get(c.schemeCode()).certificationMode().value().steps().stream().map(s -> s.name().zh())
                .collect(Collectors.joining("+"));
        String unit = c.draft().unit() != null ? c.draft().unit()
                : app.units().stream().map(ApplicationView.Unit::label).collect(Collectors.joining("；"));
        return new CertificateData(holder.name(), holder.address(), maker.name(), maker.address(), factory.name(),
                factoryAddress(app, factory), unit, products, functionalUnit, boundaryText, date(r.path("periodFrom").asString(null)),
                date(r.path("periodTo").asString(null)), mode, last.id(), last.sha256(), last.totalKgCo2e(), shares);
    }

    /** The footprint as printed: three decimals at most, trailing zeros dropped (18.5, 0.123). */
    static BigDecimal printed(double kg) {
        BigDecimal b = BigDecimal.valueOf(kg).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    private static String factoryAddress(ApplicationView app, Organisation factory) {
        if (factory.address() != null && !factory.address().isBlank()) {
            return factory.address();
        }
        return app.sites().stream().map(ApplicationView.Site::address).filter(a -> a != null && !a.isBlank()).findFirst().orElse("");
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private PublicCertificate publicRecord(String number, Scheme scheme, CertificateContent content, Certificate.Confirmed c,
                                           LocalDate issuedOn, LocalDate validUntil) {
        CertificateData d = c.data();
        CertificateDraft f = c.draft();
        return new PublicCertificate(number, scheme.code(), 1, d.holderName(), d.holderAddress(), d.manufacturerName(),
                d.manufacturerAddress(), d.factoryName(), d.factoryAddress(), d.unit(), d.products(), d.functionalUnit(),
                d.systemBoundary(), d.dataFrom(), d.dataTo(), f.basis(), d.mode(), issuedOn, issuedOn, null, validUntil,
                body.name(), body.address(), body.certificateUrl(number),
                content.adds(CertificateContent.Addition.ASSURANCE_LEVEL) ? f.assuranceLevel() : null,
                content.adds(CertificateContent.Addition.TRADEMARK) ? f.trademark() : null);
    }

    private byte[] labelPng(PublicCertificate record) {
        return labels.png(labelContent(record), PDF_LABEL_WIDTH_MM, PDF_LABEL_DPI);
    }

    /** The certificate's data for the CNCA number request, in the order of 000 Annex 3. */
    private static Map<String, String> requestFields(CertificateData d, CertificateDraft f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("holderName", d.holderName());
        m.put("holderAddress", d.holderAddress());
        m.put("manufacturerName", d.manufacturerName());
        m.put("manufacturerAddress", d.manufacturerAddress());
        m.put("factoryName", d.factoryName());
        m.put("factoryAddress", d.factoryAddress());
        m.put("unit", d.unit());
        m.put("products", d.products().stream().map(p -> p.name() + " " + nz(p.model())).collect(Collectors.joining("；")));
        m.put("functionalUnit", d.functionalUnit());
        m.put("systemBoundary", d.systemBoundary());
        m.put("dataFrom", String.valueOf(d.dataFrom()));
        m.put("dataTo", String.valueOf(d.dataTo()));
        m.put("footprint", d.products().isEmpty() ? printed(d.footprintKgCo2e()).toPlainString()
                : d.products().get(0).footprint().toPlainString());
        m.put("footprintUnit", FOOTPRINT_UNIT);
        m.put("mode", d.mode());
        m.put("basis", f.basis());
        m.put("issuerName", f.issuerName());
        m.put("inventorySha256", d.inventorySha256());
        return m;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private CertificateNumbers.NumberView numberOf(long applicationId) {
        CertificateNumbers n = numbers.getIfAvailable();
        return n == null ? new CertificateNumbers.NumberView(applicationId, CertificateNumbers.State.NONE, null, null) : n.of(applicationId);
    }

    private void append(Certificate c, Certificate.Kind kind, Actor actor, String data) {
        try {
            repository.append(c.applicationId(), c.nextSeq(), kind, actor.id(), actor.username(), clock.instant(), data);
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("certificate.concurrent", c.reference());
        }
    }

    private static void tooLong(CertificateDraft d) {
        List<cn.cfp.shared.Reason> problems = new ArrayList<>();
        check(d.issuerName(), "issuerName", problems);
        check(d.basis(), "basis", problems);
        check(d.productCode(), "productCode", problems);
        check(d.unit(), "unit", problems);
        check(d.trademark(), "trademark", problems);
        check(d.assuranceLevel(), "assuranceLevel", problems);
        check(d.surveillanceRecord(), "surveillanceRecord", problems);
        check(d.reportPeriod(), "reportPeriod", problems);
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
    }

    private static void check(String s, String field, List<cn.cfp.shared.Reason> problems) {
        if (s != null && s.length() > CertificateDraft.MAX) {
            problems.add(cn.cfp.shared.Reason.of("certificate.tooLong", CertificateDraft.MAX).at(field));
        }
    }

    private static String target(long applicationId) {
        return "application:" + applicationId;
    }

    /** The checked fields of a scheme (for the page). */
    public List<Step> checkedFields(String schemeCode) {
        return content(schemes.get(schemeCode)).checkedFields();
    }
}
