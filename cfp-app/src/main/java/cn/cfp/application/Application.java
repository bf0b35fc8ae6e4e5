package cn.cfp.application;

import cn.cfp.access.Actor;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The application aggregate (认证委托 → 受理): the client's form, products, checklist documents and eligibility
 * declarations, then the body's review. One guarded method per transition; an illegal one throws a {@link Refusal}
 * and changes nothing; each appends to the application's history and registers an event. Once accepted, the
 * certification is carried by its case (module {@code cases}); the application keeps the file as accepted.
 *
 * <pre>
 * DRAFT --submit--> SUBMITTED --accept--> ACCEPTED
 *                    |   ^  \--refuse--> REFUSED
 *      requestSupplement  submit (client answers)
 *                    v   |
 *              SUPPLEMENT_REQUESTED --refuse--> REFUSED
 * </pre>
 */
final class Application {

    /** A checklist item's state: the answer to a conditional item's question and the uploaded document. */
    record Document(boolean applies, Long evidenceId) {
    }

    /** An eligibility declaration [000 §7.1.1]. */
    record Declaration(boolean declared, String note) {
    }

    /** One entry of the application's history. */
    record Entry(LocalDate on, Instant at, String actor, String kind, String note, LocalDate dueOn) {
    }

    private final Long id;
    private final String reference;
    private final String schemeCode;
    private final long applicantOrgId;
    private final long manufacturerOrgId;
    private final long factoryOrgId;
    private final String createdBy;
    private final Instant createdAt;
    private final int version;
    private ApplicationStatus status;
    private final Map<String, String> form;
    private LocalDate submittedOn;
    private LocalDate fileCompleteOn;
    private LocalDate acceptanceDueOn;
    private LocalDate acceptedOn;
    private LocalDate contractSignedOn;
    private String contractFee;
    private String decidedBy;
    private String refusalReason;
    private final List<ApplicationView.Product> products;
    private final List<Long> removedProducts = new ArrayList<>();
    private final Map<String, Document> documents;
    private final Map<Eligibility, Declaration> eligibility;
    private final List<ApplicationView.Unit> units;
    private final List<Entry> history;
    private final int persistedEntries;
    private boolean documentsChanged;
    private boolean eligibilityChanged;
    private boolean unitsChanged;
    private final List<Object> events = new ArrayList<>();

    Application(Long id, String reference, String schemeCode, long applicantOrgId, long manufacturerOrgId, long factoryOrgId,
                String createdBy, Instant createdAt, int version, ApplicationStatus status, Map<String, String> form,
                LocalDate submittedOn, LocalDate fileCompleteOn, LocalDate acceptanceDueOn, LocalDate acceptedOn,
                LocalDate contractSignedOn, String contractFee, String decidedBy, String refusalReason,
                List<ApplicationView.Product> products, Map<String, Document> documents, Map<Eligibility, Declaration> eligibility,
                List<ApplicationView.Unit> units, List<Entry> history) {
        this.id = id;
        this.reference = reference;
        this.schemeCode = schemeCode;
        this.applicantOrgId = applicantOrgId;
        this.manufacturerOrgId = manufacturerOrgId;
        this.factoryOrgId = factoryOrgId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.version = version;
        this.status = status;
        this.form = new TreeMap<>(form);
        this.submittedOn = submittedOn;
        this.fileCompleteOn = fileCompleteOn;
        this.acceptanceDueOn = acceptanceDueOn;
        this.acceptedOn = acceptedOn;
        this.contractSignedOn = contractSignedOn;
        this.contractFee = contractFee;
        this.decidedBy = decidedBy;
        this.refusalReason = refusalReason;
        this.products = new ArrayList<>(products);
        this.documents = new LinkedHashMap<>(documents);
        this.eligibility = new EnumMap<>(Eligibility.class);
        this.eligibility.putAll(eligibility);
        this.units = new ArrayList<>(units);
        this.history = new ArrayList<>(history);
        this.persistedEntries = history.size();
    }

    /** A new draft of the client's organisation (as applicant); the reference comes from the repository's sequence. */
    static Application draft(String schemeCode, long applicant, long manufacturer, long factory, Map<String, String> form,
                             Actor client, Clock clock) {
        return new Application(null, null, schemeCode, applicant, manufacturer, factory, client.username(), Instant.now(clock), 0,
                ApplicationStatus.DRAFT, form, null, null, null, null, null, null, null, null, List.of(), Map.of(), Map.of(),
                List.of(), List.of());
    }

    // ------------------------------------------------------------------ the client fills in

    void answerForm(Map<String, String> answers) {
        requireEditable();
        answers.forEach((k, v) -> form.put(k, v == null ? "" : v.strip()));
    }

    void addProduct(ApplicationView.Product p) {
        requireEditable();
        products.add(p);
    }

    void removeProduct(long productId) {
        requireEditable();
        if (!products.removeIf(p -> p.id() == productId)) {
            throw Refusal.notFound("application.product.notFound", productId, reference);
        }
        removedProducts.add(productId);
    }

    void answerCondition(String itemId, boolean applies) {
        requireEditable();
        Document d = documents.get(itemId);
        documents.put(itemId, new Document(applies, d == null ? null : d.evidenceId()));
        documentsChanged = true;
    }

    void attachDocument(String itemId, long evidenceId) {
        requireEditable();
        documents.put(itemId, new Document(true, evidenceId));
        documentsChanged = true;
    }

    /**
     * A new version of a checklist document uploaded after acceptance, as the document review asked
     * ({@link DocumentReviewLoop#requireRequested}); it becomes the item's current document, which the next round reviews.
     */
    void supplementDocument(String itemId, long evidenceId) {
        requireStatus(ApplicationStatus.ACCEPTED);
        documents.put(itemId, new Document(true, evidenceId));
        documentsChanged = true;
    }

    void declare(Eligibility condition, boolean declared, String note) {
        requireEditable();
        eligibility.put(condition, new Declaration(declared, note));
        eligibilityChanged = true;
    }

    /**
     * Submits (or re-submits after a supplement request) when the file is complete ({@code completeness} lists
     * everything missing otherwise); a complete file starts the scheme's acceptance-notice deadline [R-APP-3].
     */
    void submit(Verdict completeness, LocalDate dueOn, Actor client, Clock clock) {
        requireStatus(ApplicationStatus.DRAFT, ApplicationStatus.SUPPLEMENT_REQUESTED);
        completeness.orRefuse(400);
        LocalDate today = LocalDate.now(clock);
        String kind = status == ApplicationStatus.DRAFT ? "SUBMITTED" : "SUPPLEMENT_PROVIDED";
        status = ApplicationStatus.SUBMITTED;
        if (submittedOn == null) {
            submittedOn = today;
        }
        fileCompleteOn = today;
        acceptanceDueOn = dueOn;
        record(kind, null, dueOn, client, clock);
        events.add(new ApplicationEvents.Submitted(idOrZero(), reference, schemeCode, dueOn));
    }

    // ------------------------------------------------------------------ the body reviews

    /** Asks the client for supplements (R-APP-3). The time until the client answers is the client's. */
    void requestSupplement(String whatIsMissing, LocalDate dueOn, Actor staff, Clock clock) {
        requireStatus(ApplicationStatus.SUBMITTED);
        List<Reason> problems = new ArrayList<>();
        if (whatIsMissing == null || whatIsMissing.isBlank()) {
            problems.add(Reason.of("application.supplement.noteRequired").at("note"));
        }
        if (dueOn != null && dueOn.isBefore(LocalDate.now(clock))) {
            problems.add(Reason.of("application.supplement.dueInPast", dueOn).at("dueOn"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        status = ApplicationStatus.SUPPLEMENT_REQUESTED;
        fileCompleteOn = null;
        acceptanceDueOn = null;
        record("SUPPLEMENT_REQUESTED", whatIsMissing.strip(), dueOn, staff, clock);
        events.add(new ApplicationEvents.SupplementRequested(idOrZero(), reference, whatIsMissing.strip(), dueOn));
    }

    /**
     * Accepts (R-APP-3, R-APP-4) once {@code rules} (contract review, contract, fee, exemptions) allow it; the case is
     * opened by the caller in the same transaction and the 90-day clock starts today.
     */
    void accept(Verdict rules, LocalDate contractSigned, String fee, Map<String, String> exemptionNotes, Actor staff, Clock clock) {
        requireStatus(ApplicationStatus.SUBMITTED);
        rules.orRefuse(400);
        LocalDate today = LocalDate.now(clock);
        status = ApplicationStatus.ACCEPTED;
        acceptedOn = today;
        contractSignedOn = contractSigned;
        contractFee = fee.strip();
        decidedBy = staff.username();
        exemptionNotes.forEach((kind, note) -> record(kind, note, null, staff, clock));
        record("ACCEPTED", contractFee, null, staff, clock);
        events.add(new ApplicationAccepted(idOrZero(), reference, schemeCode, today));
    }

    void refuse(String reasons, Actor staff, Clock clock) {
        requireStatus(ApplicationStatus.SUBMITTED, ApplicationStatus.SUPPLEMENT_REQUESTED);
        if (reasons == null || reasons.isBlank()) {
            throw Refusal.badRequest(List.of(Reason.of("application.refuse.reasonRequired").at("reasons")));
        }
        status = ApplicationStatus.REFUSED;
        refusalReason = reasons.strip();
        decidedBy = staff.username();
        record("REFUSED", refusalReason, null, staff, clock);
        events.add(new ApplicationEvents.Refused(idOrZero(), reference, refusalReason));
    }

    /** Records the agreed certification units (R-UNIT), which become contract content; {@code rules} must allow them. */
    void agreeUnits(List<ApplicationView.Unit> agreed, Verdict rules) {
        requireStatus(ApplicationStatus.SUBMITTED, ApplicationStatus.ACCEPTED);
        rules.orRefuse(400);
        units.clear();
        units.addAll(agreed);
        unitsChanged = true;
    }

    /** A fact recorded on the application's history by another step of the case (document review, clock). */
    void note(String kind, String note, Actor actor, Clock clock) {
        record(kind, note, null, actor, clock);
    }

    // ------------------------------------------------------------------ guards

    void requireEditable() {
        if (status != ApplicationStatus.DRAFT && status != ApplicationStatus.SUPPLEMENT_REQUESTED) {
            throw Refusal.conflict("application.notEditable", reference, status);
        }
    }

    void requireStatus(ApplicationStatus... allowed) {
        if (Arrays.stream(allowed).noneMatch(s -> s == status)) {
            throw Refusal.conflict("application.wrongStatus", reference, Reason.of("app.status." + status),
                    Arrays.stream(allowed).map(a -> Reason.of("app.status." + a)).toList());
        }
    }

    // ------------------------------------------------------------------ state

    Long id() {
        return id;
    }

    String reference() {
        return reference;
    }

    String schemeCode() {
        return schemeCode;
    }

    long applicantOrgId() {
        return applicantOrgId;
    }

    long manufacturerOrgId() {
        return manufacturerOrgId;
    }

    long factoryOrgId() {
        return factoryOrgId;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    int version() {
        return version;
    }

    ApplicationStatus status() {
        return status;
    }

    Map<String, String> form() {
        return Map.copyOf(form);
    }

    LocalDate submittedOn() {
        return submittedOn;
    }

    LocalDate fileCompleteOn() {
        return fileCompleteOn;
    }

    LocalDate acceptanceDueOn() {
        return acceptanceDueOn;
    }

    LocalDate acceptedOn() {
        return acceptedOn;
    }

    LocalDate contractSignedOn() {
        return contractSignedOn;
    }

    String contractFee() {
        return contractFee;
    }

    String decidedBy() {
        return decidedBy;
    }

    String refusalReason() {
        return refusalReason;
    }

    List<ApplicationView.Product> products() {
        return List.copyOf(products);
    }

    Map<String, Document> documents() {
        return Map.copyOf(documents);
    }

    Map<Eligibility, Declaration> eligibility() {
        return Map.copyOf(eligibility);
    }

    List<ApplicationView.Unit> units() {
        return List.copyOf(units);
    }

    List<Entry> history() {
        return List.copyOf(history);
    }

    /** Whether applicant, manufacturer and factory are not one and the same (entrustment proof needed, R-PTY-3). */
    boolean partiesDiffer() {
        return applicantOrgId != manufacturerOrgId || applicantOrgId != factoryOrgId;
    }

    // ------------------------------------------------------------------ persistence support

    List<Long> removedProducts() {
        return List.copyOf(removedProducts);
    }

    boolean documentsChanged() {
        return documentsChanged;
    }

    boolean eligibilityChanged() {
        return eligibilityChanged;
    }

    boolean unitsChanged() {
        return unitsChanged;
    }

    List<Entry> newEntries() {
        return List.copyOf(history.subList(persistedEntries, history.size()));
    }

    List<Object> drainEvents() {
        List<Object> out = List.copyOf(events);
        events.clear();
        return out;
    }

    private long idOrZero() {
        return id == null ? 0 : id;
    }

    private void record(String kind, String note, LocalDate dueOn, Actor actor, Clock clock) {
        history.add(new Entry(LocalDate.now(clock), Instant.now(clock), actor.username(), kind, note, dueOn));
    }
}
