package cn.cfp.application;

import cn.cfp.access.Actor;
import cn.cfp.audit.AuditTrail;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.calendar.WorkingDays;
import cn.cfp.cases.CertificationCase;
import cn.cfp.cases.Cases;
import cn.cfp.cases.Parties;
import cn.cfp.evidence.EvidenceFile;
import cn.cfp.evidence.EvidenceStore;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.scheme.ChecklistItem;
import cn.cfp.scheme.LocalizedText;
import cn.cfp.scheme.PriorVerificationAdoption;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application phase as use cases (R-APP, R-PTY-2/3): each loads the {@link Application} aggregate, lets it (and the
 * named policies) decide, saves it and audits in one transaction. Acceptance opens the certification case in the same
 * transaction. Runs no SQL itself: {@link ApplicationRepository} writes, {@link ApplicationQueries} reads.
 */
@Service
public class Applications {

    /** Pseudo checklist item: proof of entrustment when applicant, manufacturer and factory differ [R-PTY-3, 000 §7.1.2]. */
    public static final String ENTRUSTMENT_ITEM = "entrustment-proof";

    private final ApplicationRepository repository;
    private final ApplicationQueries queries;
    private final AuditTrail audit;
    private final Clock clock;
    private final SchemeCatalog schemes;
    private final Organisations organisations;
    private final EvidenceStore evidence;
    private final WorkingDayCalendar calendar;
    private final Cases cases;

    Applications(ApplicationRepository repository, ApplicationQueries queries, AuditTrail audit, Clock clock, SchemeCatalog schemes,
                 Organisations organisations, EvidenceStore evidence, WorkingDayCalendar calendar, Cases cases) {
        this.repository = repository;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
        this.schemes = schemes;
        this.organisations = organisations;
        this.evidence = evidence;
        this.calendar = calendar;
        this.cases = cases;
    }

    // ------------------------------------------------------------------ queries

    @Transactional(readOnly = true)
    public ApplicationView get(long id) {
        return queries.view(id).orElseThrow(() -> Refusal.notFound("application.notFound", id));
    }

    @Transactional(readOnly = true)
    public Optional<ApplicationView> find(long id) {
        return queries.view(id);
    }

    /** A page of the applications the actor may see (staff: all; a client: its company's as any party), newest first. */
    @Transactional(readOnly = true)
    public Paging.Page<ApplicationView> visibleTo(Actor who, Paging paging) {
        return page(who, false, paging);
    }

    /** A page of the accepted applications the actor may see (the ones with a case), newest first. */
    @Transactional(readOnly = true)
    public Paging.Page<ApplicationView> acceptedVisibleTo(Actor who, Paging paging) {
        return page(who, true, paging);
    }

    private Paging.Page<ApplicationView> page(Actor who, boolean acceptedOnly, Paging paging) {
        if (who.isStaff()) {
            return queries.page(null, acceptedOnly, paging);
        }
        return who.isClient() ? queries.page(who.organisationId(), acceptedOnly, paging) : new Paging.Page<>(List.of(), 0);
    }

    @Transactional(readOnly = true)
    public List<ApplicationView> byIds(Collection<Long> ids) {
        return queries.byIds(ids);
    }

    /** Everything the application's page shows: the file as the client filled it and its history. */
    @Transactional(readOnly = true)
    public ApplicationDetails details(long id) {
        Application a = load(id);
        Scheme scheme = schemes.get(a.schemeCode());
        List<DocumentStatus> docs = new ArrayList<>();
        for (ChecklistItem item : checklist(scheme, a)) {
            Application.Document d = a.documents().get(item.id());
            docs.add(new DocumentStatus(item, d == null ? null : d.applies(), d == null ? null : d.evidenceId(),
                    FileCompletenessPolicy.blocks(item, d)));
        }
        Map<Eligibility, Boolean> eligibility = new LinkedHashMap<>();
        for (Eligibility e : Eligibility.values()) {
            Application.Declaration d = a.eligibility().get(e);
            eligibility.put(e, d == null ? null : d.declared());
        }
        List<Event> history = a.history().stream().map(e -> new Event(e.on(), e.actor(), e.kind(), e.note(), e.dueOn())).toList();
        ApplicationView view = new ApplicationView(a.id(), a.reference(), a.schemeCode(), a.applicantOrgId(), a.manufacturerOrgId(),
                a.factoryOrgId(), a.status(), organisations.sites(a.factoryOrgId()).stream()
                .map(x -> new ApplicationView.Site(x.id(), x.name(), x.address())).toList(), a.products(), a.units(), a.acceptedOn());
        return new ApplicationDetails(view, scheme, a.form(), docs, eligibility, history, a.submittedOn(), a.fileCompleteOn(),
                a.acceptanceDueOn(), a.contractSignedOn(), a.contractFee(), a.refusalReason());
    }

    /** A checklist item with the client's answer, the uploaded document and whether it still blocks submission. */
    public record DocumentStatus(ChecklistItem item, Boolean applies, Long evidenceId, boolean missing) {
    }

    public record Event(LocalDate on, String actor, String kind, String note, LocalDate dueOn) {
    }

    public record ApplicationDetails(ApplicationView application, Scheme scheme, Map<String, String> form,
                                     List<DocumentStatus> documents, Map<Eligibility, Boolean> eligibility,
                                     List<Event> history, LocalDate submittedOn, LocalDate fileCompleteOn,
                                     LocalDate acceptanceDueOn, LocalDate contractSignedOn, String contractFee,
                                     String refusalReason) {
    }

    // ------------------------------------------------------------------ client: filling in

    /**
     * Starts an application for the client's own organisation as applicant (R-APP-1). Refused when the
     * applicant, manufacturer or factory had a CFP certificate revoked within the scheme's ban [R-PTY-2].
     */
    @Transactional
    public long create(Actor client, String schemeCode, long manufacturerOrgId, long factoryOrgId, Map<String, String> form) {
        requireClient(client);
        Scheme scheme = schemes.find(schemeCode).orElseThrow(() -> Refusal.badRequest(List.of(
                Reason.of("application.scheme.unknown", String.valueOf(schemeCode), schemes.codes()).at("scheme"))));
        long applicant = client.organisationId();
        List<Long> allowed = organisations.partiesOf(applicant).stream().map(Organisation::id).toList();
        List<Reason> problems = new ArrayList<>();
        if (!allowed.contains(manufacturerOrgId)) {
            problems.add(Reason.of("application.party.manufacturer").at("manufacturer"));
        }
        if (!allowed.contains(factoryOrgId)) {
            problems.add(Reason.of("application.party.factory").at("factory"));
        }
        Verdict.of(problems).and(form == null ? Verdict.allow() : ApplicationFormPolicy.check(scheme, form)).orRefuse(400);
        revocationBan(scheme, applicant, manufacturerOrgId, factoryOrgId).orRefuse(409);
        Application draft = Application.draft(scheme.code(), applicant, manufacturerOrgId, factoryOrgId,
                form == null ? Map.of() : new TreeMap<>(form), client, clock);
        Application saved = repository.insert(draft, LocalDate.now(clock).getYear());
        audit.record(client.username(), "APPLICATION_CREATED", target(saved.reference()),
                Map.of("scheme", scheme.code(), "manufacturer", manufacturerOrgId, "factory", factoryOrgId));
        return saved.id();
    }

    /** R-PTY-2: the ban after a revocation of any of the three parties [000 §9.1.6; 003 ¶27]. */
    @Transactional(readOnly = true)
    public Verdict revocationBan(Scheme scheme, long... orgIds) {
        List<Long> ids = Arrays.stream(orgIds).boxed().toList();
        return RevocationBanPolicy.check(scheme, repository.latestRevocations(ids,
                org -> organisations.find(org).map(Organisation::name).orElse("#" + org)), LocalDate.now(clock));
    }

    /** Staff record a revocation issued before the platform (the certificate lifecycle writes its own). */
    @Transactional
    public void recordRevocation(Actor staff, long orgId, String certificateNo, LocalDate revokedOn) {
        List<Reason> problems = new ArrayList<>();
        if (certificateNo == null || certificateNo.isBlank()) {
            problems.add(Reason.of("application.revocation.numberRequired").at("certificateNo"));
        }
        if (revokedOn == null || revokedOn.isAfter(LocalDate.now(clock))) {
            problems.add(Reason.of("application.revocation.dateInvalid").at("revokedOn"));
        }
        Verdict.of(problems).orRefuse(400);
        organisations.find(orgId).orElseThrow(() -> Refusal.notFound("party.organisation.notFound", orgId));
        repository.insertRevocation(orgId, certificateNo.strip(), revokedOn, staff.username(), OffsetDateTime.now(clock));
        audit.record(staff.username(), "REVOCATION_RECORDED", "organisation:" + orgId,
                Map.of("certificateNo", certificateNo.strip(), "revokedOn", revokedOn.toString()));
    }

    @Transactional
    public long addProduct(Actor client, long id, String productName, String model, String category, Long siteId,
                           Integer bomItems, Integer ghgSources) {
        Application a = editableBy(client, id);
        Scheme scheme = schemes.get(a.schemeCode());
        ProductPolicy.check(productName, model, siteId, siteId == null ? Optional.empty() : organisations.site(siteId),
                a.factoryOrgId(), bomItems, ghgSources, scheme, category).orRefuse(400);
        a.addProduct(new ApplicationView.Product(0, productName.strip(), model.strip(),
                ProductPolicy.recordedClass(scheme, category), siteId, bomItems, ghgSources));
        repository.save(a);
        long productId = repository.lastProductId(id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("product", productName.strip());
        details.put("model", model.strip());
        details.put("site", siteId);
        audit.record(client.username(), "PRODUCT_ADDED", target(a.reference()), details);
        return productId;
    }

    @Transactional
    public void removeProduct(Actor client, long id, long productId) {
        Application a = editableBy(client, id);
        a.removeProduct(productId);
        repository.save(a);
        audit.record(client.username(), "PRODUCT_REMOVED", target(a.reference()), Map.of("productId", productId));
    }

    /** Saves answers to the scheme's application form (R-APP-1); answers merge with earlier ones. */
    @Transactional
    public void answerForm(Actor client, long id, Map<String, String> answers) {
        Application a = editableBy(client, id);
        ApplicationFormPolicy.check(schemes.get(a.schemeCode()), answers).orRefuse(400);
        a.answerForm(answers);
        repository.save(a);
        audit.record(client.username(), "APPLICATION_FORM_SAVED", target(a.reference()), new TreeMap<>(answers));
    }

    /** Answers the deciding question of a conditional checklist item (适用时). */
    @Transactional
    public void answerCondition(Actor client, long id, String itemId, boolean applies) {
        Application a = editableBy(client, id);
        ChecklistItem item = item(a, itemId);
        if (item.kind() != ChecklistItem.Kind.CONDITIONAL) {
            throw Refusal.badRequest("application.checklist.notConditional", itemId, item.kind());
        }
        a.answerCondition(itemId, applies);
        repository.save(a);
        audit.record(client.username(), "CHECKLIST_ANSWERED", target(a.reference()), Map.of("item", itemId, "applies", applies));
    }

    /** Uploads the document for a checklist item: stored in the evidence store as a new version (R-APP-2). */
    @Transactional
    public EvidenceFile attachDocument(Actor client, long id, String itemId, String filename, InputStream content) {
        Application a = editableBy(client, id);
        ChecklistItem item = item(a, itemId);
        EvidenceFile file = evidence.store(client, a.applicantOrgId(), a.reference(), logicalName(item), filename, content);
        a.attachDocument(itemId, file.id());
        repository.save(a);
        audit.record(client.username(), "CHECKLIST_DOCUMENT_ATTACHED", target(a.reference()),
                Map.of("item", itemId, "evidenceId", file.id(), "sha256", file.sha256()));
        return file;
    }

    @Transactional
    public void declareEligibility(Actor client, long id, Map<Eligibility, Boolean> declared) {
        Application a = editableBy(client, id);
        declared.forEach((c, v) -> a.declare(c, Boolean.TRUE.equals(v), null));
        repository.save(a);
        Map<String, Object> details = new TreeMap<>();
        declared.forEach((c, v) -> details.put(c.name(), Boolean.TRUE.equals(v)));
        audit.record(client.username(), "ELIGIBILITY_DECLARED", target(a.reference()), details);
    }

    /**
     * Submits (or re-submits after a supplement request), refused listing everything missing unless the file is
     * complete ({@link FileCompletenessPolicy}); a complete file starts the scheme's acceptance-notice deadline in
     * working days [R-APP-3].
     */
    @Transactional
    public WorkingDays submit(Actor client, long id) {
        Application a = editableBy(client, id);
        Scheme scheme = schemes.get(a.schemeCode());
        Integer days = scheme.acceptanceNoticeWorkingDays().value();
        WorkingDays due = days == null ? null : calendar.plusWorkingDays(LocalDate.now(clock), days);
        a.submit(FileCompletenessPolicy.check(scheme, a, checklist(scheme, a)), due == null ? null : due.date(), client, clock);
        Application saved = repository.save(a);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileCompleteOn", String.valueOf(saved.fileCompleteOn()));
        details.put("acceptanceDueOn", due == null ? null : due.date().toString());
        audit.record(client.username(), "APPLICATION_SUBMITTED", target(a.reference()), details);
        return due;
    }

    // ------------------------------------------------------------------ body: review and acceptance

    /** Asks the client for supplements (R-APP-3). The time until the client answers is the client's. */
    @Transactional
    public void requestSupplement(Actor staff, long id, String whatIsMissing, LocalDate dueOn) {
        Application a = load(id);
        a.requestSupplement(whatIsMissing, dueOn, staff, clock);
        repository.save(a);
        audit.record(staff.username(), "SUPPLEMENT_REQUESTED", target(a.reference()),
                Map.of("note", whatIsMissing.strip(), "dueOn", String.valueOf(dueOn)));
    }

    /**
     * Accepts (R-APP-3..5): the contract review confirmed, the contract recorded, any exemption checked against the
     * scheme; then opens the certification case in the same transaction — its route is the scheme's flow less the
     * waived stages, its manager the accepting project manager, and its 90-day clock starts today.
     */
    @Transactional
    public void accept(Actor staff, long id, AcceptCommand cmd) {
        Application a = load(id);
        a.requireStatus(ApplicationStatus.SUBMITTED);
        Scheme scheme = schemes.get(a.schemeCode());
        LocalDate today = LocalDate.now(clock);
        Verdict rules = ContractReviewPolicy.check(cmd.contractReview(), cmd.contractSignedOn(), cmd.fee(), today);
        Map<Stage, String> waived = new LinkedHashMap<>();
        Map<Stage, String> simplified = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        if (cmd.waiver().isPresent()) {
            Exemptions.OnsiteWaiver w = cmd.waiver().get();
            Verdict v = ExemptionPolicy.onsiteWaiver(scheme, w, a.submittedOn());
            rules = rules.and(v);
            if (v.allowed()) {
                String note = w.previousInspectionReference() + " " + w.previousInspectionPassedOn() + " ["
                        + scheme.onsiteInspectionExemption().cite() + "]";
                waived.put(scheme.onsiteInspectionExemption().value().waives(), note);
                notes.put("ONSITE_WAIVED", note);
            }
        }
        if (cmd.prior().isPresent()) {
            Exemptions.PriorVerification p = cmd.prior().get();
            Verdict v = ExemptionPolicy.priorVerification(scheme, p, a.submittedOn());
            rules = rules.and(v);
            if (v.allowed()) {
                String note = p.statementReference() + " " + p.issuingBody() + " " + p.statementIssuedOn() + " ["
                        + scheme.priorVerificationAdoption().cite() + "]";
                PriorVerificationAdoption adoption = scheme.priorVerificationAdoption().value();
                (adoption.waives() != null ? waived : simplified).put(adoption.stage(), note);
                notes.put("PRIOR_VERIFICATION_ADOPTED", note);
            }
        }
        a.accept(rules, cmd.contractSignedOn(), cmd.fee(), notes, staff, clock);
        Application saved = repository.save(a);
        cases.open(new CertificationCase.Opening(saved.id(), saved.reference(),
                new Parties(saved.applicantOrgId(), saved.manufacturerOrgId(), saved.factoryOrgId()), today, staff.id(), waived,
                simplified),
                saved.schemeCode(), staff);
        audit.record(staff.username(), "APPLICATION_ACCEPTED", target(a.reference()),
                Map.of("acceptedOn", today.toString(), "contractSignedOn", cmd.contractSignedOn().toString(), "fee", cmd.fee().strip(),
                        "waived", waived.keySet().toString(), "simplified", simplified.keySet().toString()));
    }

    @Transactional
    public void refuse(Actor staff, long id, String reasons) {
        Application a = load(id);
        a.refuse(reasons, staff, clock);
        repository.save(a);
        audit.record(staff.username(), "APPLICATION_REFUSED", target(a.reference()), Map.of("reasons", reasons.strip()));
    }

    // ------------------------------------------------------------------ within the module

    Application load(long id) {
        return repository.find(id).orElseThrow(() -> Refusal.notFound("application.notFound", id));
    }

    Application save(Application a) {
        return repository.save(a);
    }

    /**
     * The scheme's checklist as it applies to this application. A conditional item the parties decide
     * ({@code answeredBy: PARTIES_DIFFER}) is never asked: it is required when applicant, manufacturer and factory are
     * not one organisation and left out otherwise [000 §7.1.2(3); R-PTY-3; corrections B-6]. A scheme without such an
     * item still gets the platform's entrustment proof when the parties differ (R-PTY-3), under an id of its own.
     */
    static List<ChecklistItem> checklist(Scheme scheme, Application a) {
        List<ChecklistItem> items = new ArrayList<>();
        boolean covered = false;
        for (ChecklistItem i : scheme.documentChecklist().optional().map(c -> c.items()).orElse(List.of())) {
            if (i.answeredBy() == ChecklistItem.AnsweredBy.PARTIES_DIFFER) {
                covered = true;
                if (a.partiesDiffer()) {
                    items.add(i.asRequired());
                }
            } else {
                items.add(i);
            }
        }
        if (!covered && a.partiesDiffer() && items.stream().noneMatch(i -> i.id().equals(ENTRUSTMENT_ITEM))) {
            items.add(new ChecklistItem(ENTRUSTMENT_ITEM,
                    new LocalizedText("委托人、生产者、生产企业不同时的委托关系证明（如委托合同、OEM/ODM 协议）",
                            "Proof of entrustment between applicant, manufacturer and factory (contract, OEM/ODM agreement)"),
                    ChecklistItem.Kind.REQUIRED, null, "R-PTY-3; 000 §7.1.2(3)"));
        }
        return items;
    }

    /** The evidence store's name of a checklist item's document: every upload for the item is a new version of it. */
    static String logicalName(ChecklistItem item) {
        return item.id() + " " + item.name().zh();
    }

    ChecklistItem item(Application a, String itemId) {
        return checklist(schemes.get(a.schemeCode()), a).stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> Refusal.notFound("application.checklist.noSuchItem", itemId, a.schemeCode()));
    }

    /** The applicant's client user edits its draft (or answers a supplement request). */
    private Application editableBy(Actor client, long id) {
        requireClient(client);
        Application a = load(id);
        if (client.organisationId() != a.applicantOrgId()) {
            throw Refusal.forbidden("application.onlyApplicant", a.reference());
        }
        a.requireEditable();
        return a;
    }

    private static void requireClient(Actor who) {
        if (!who.isClient()) {
            throw Refusal.forbidden("application.clientOnly");
        }
    }

    static String target(String reference) {
        return "application:" + reference;
    }
}
