package cn.cfp.application.web;

import cn.cfp.access.Actor;
import cn.cfp.application.AcceptCommand;
import cn.cfp.application.ApplicationView;
import cn.cfp.application.Applications;
import cn.cfp.application.CertificationUnits;
import cn.cfp.application.DocumentReviewConclusion;
import cn.cfp.application.DocumentReviews;
import cn.cfp.application.Eligibility;
import cn.cfp.calendar.WorkingDays;
import cn.cfp.evidence.EvidenceFile;
import cn.cfp.party.ClientRegistration;
import cn.cfp.party.Organisations;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the application phase: every step a person does in the pages, another system can do
 * here (R-APP, R-UNIT, R-DOC). Documented at /v3/api-docs. Every step is audited by the service; who may call
 * each endpoint is the access table's ({@code access/actions.yaml}).
 */
@RestController
@Tag(name = "applications", description = "Client parties, applications, acceptance, units, 90-day clock, document review")
class ApplicationApi {

    private final Applications applications;
    private final CertificationUnits units;
    private final DocumentReviews reviews;
    private final Organisations organisations;

    ApplicationApi(Applications applications, CertificationUnits units, DocumentReviews reviews, Organisations organisations) {
        this.applications = applications;
        this.units = units;
        this.reviews = reviews;
        this.organisations = organisations;
    }

    // ---- client parties (R-PTY-1, R-PTY-3)

    record PartyRequest(String name, String nameEn, String creditCode, String address, String legalRepresentative,
                        String contactName, String contactPhone) {
    }

    @PostMapping("/api/parties")
    @Operation(summary = "Register a manufacturer or factory (a different legal person) for the client's applications")
    ResponseEntity<Map<String, Object>> registerParty(Actor me, @RequestBody PartyRequest r) {
        long id = organisations.registerClient(me.username(), new ClientRegistration(r.name(), r.nameEn(), r.creditCode(), r.address(),
                r.legalRepresentative(), r.contactName(), r.contactPhone()), me.organisationId());
        return ResponseEntity.status(201).body(Map.of("id", id));
    }

    record SiteRequest(String name, String address) {
    }

    @PostMapping("/api/parties/{orgId}/sites")
    @Operation(summary = "Add a production site to the client's company or a party it registered")
    ResponseEntity<Map<String, Object>> addSite(Actor me, @PathVariable long orgId, @RequestBody SiteRequest r) {
        requireOwnParty(me, orgId);
        return ResponseEntity.status(201).body(Map.of("id", organisations.addSite(me.username(), orgId, r.name(), r.address())));
    }

    @GetMapping("/api/parties")
    @Operation(summary = "The client's company and the parties it registered, with their sites")
    List<Map<String, Object>> parties(Actor me) {
        return organisations.partiesOf(me.organisationId()).stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("organisation", o);
            m.put("sites", organisations.sites(o.id()));
            return m;
        }).toList();
    }

    private void requireOwnParty(Actor me, long orgId) {
        if (me.organisationId() == null || organisations.partiesOf(me.organisationId()).stream().noneMatch(o -> o.id() == orgId)) {
            throw Refusal.forbidden("party.notYours", orgId);
        }
    }

    // ---- application (R-APP-1, R-PTY-2)

    record CreateRequest(String scheme, Long manufacturerOrgId, Long factoryOrgId, Map<String, String> form) {
    }

    @PostMapping("/api/applications")
    @Operation(summary = "Start an application (refused while a revocation ban runs)")
    ResponseEntity<ApplicationView> create(Actor me, @RequestBody CreateRequest r) {
        long own = me.organisationId() == null ? -1 : me.organisationId();
        long id = applications.create(me, r.scheme(), r.manufacturerOrgId() == null ? own : r.manufacturerOrgId(),
                r.factoryOrgId() == null ? own : r.factoryOrgId(), r.form());
        return ResponseEntity.status(201).body(applications.get(id));
    }

    @GetMapping("/api/applications")
    @Operation(summary = "Applications visible to the caller (staff: all; client: its own), newest first, a page at a time "
            + "(page from 0, size 1-200, default 50; the total in X-Total-Count)")
    ResponseEntity<List<ApplicationView>> list(Actor me, @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        Paging.Page<ApplicationView> p = applications.visibleTo(me, Paging.of(page, size));
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(p.total())).body(p.items());
    }

    @GetMapping("/api/applications/{id}")
    @Operation(summary = "An application with its checklist status, eligibility and history")
    Map<String, Object> get(Actor me, @PathVariable long id) {
        Applications.ApplicationDetails d = applications.details(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("application", d.application());
        m.put("form", d.form());
        m.put("documents", d.documents().stream().map(s -> Map.of("item", s.item().id(), "kind", s.item().kind(),
                "applies", String.valueOf(s.applies()), "evidenceId", String.valueOf(s.evidenceId()), "missing", s.missing())).toList());
        m.put("eligibility", d.eligibility());
        m.put("history", d.history());
        m.put("fileCompleteOn", d.fileCompleteOn());
        m.put("acceptanceDueOn", d.acceptanceDueOn());
        return m;
    }

    @PostMapping("/api/applications/{id}/form")
    @Operation(summary = "Answer the scheme's application form: {\"field-id\": \"answer\", ...}")
    Map<String, String> form(Actor me, @PathVariable long id, @RequestBody Map<String, String> answers) {
        applications.answerForm(me, id, answers);
        return applications.details(id).form();
    }

    record ProductRequest(String productName, String model, String category, Long siteId, Integer bomItems, Integer ghgSources) {
    }

    @PostMapping("/api/applications/{id}/products")
    @Operation(summary = "Add a product/model line")
    ResponseEntity<Map<String, Object>> addProduct(Actor me, @PathVariable long id, @RequestBody ProductRequest r) {
        return ResponseEntity.status(201).body(Map.of("id",
                applications.addProduct(me, id, r.productName(), r.model(), r.category(), r.siteId(), r.bomItems(), r.ghgSources())));
    }

    @PostMapping("/api/applications/{id}/documents/{item}")
    @Operation(summary = "Upload the document of a checklist item (multipart field 'file')")
    ResponseEntity<EvidenceFile> attach(Actor me, @PathVariable long id, @PathVariable String item,
                                        @RequestParam MultipartFile file) throws IOException {
        return ResponseEntity.status(201).body(applications.attachDocument(me, id, item, file.getOriginalFilename(), file.getInputStream()));
    }

    @PostMapping("/api/applications/{id}/documents/{item}/answer")
    @Operation(summary = "Answer the deciding question of a conditional checklist item")
    Map<String, Object> answer(Actor me, @PathVariable long id, @PathVariable String item,
                               @RequestParam boolean applies) {
        applications.answerCondition(me, id, item, applies);
        return Map.of("item", item, "applies", applies);
    }

    @PostMapping("/api/applications/{id}/eligibility")
    @Operation(summary = "Declare eligibility conditions: {\"LEGAL_PERSON\": true, ...}")
    Map<Eligibility, Boolean> eligibility(Actor me, @PathVariable long id,
                                          @RequestBody Map<Eligibility, Boolean> declared) {
        applications.declareEligibility(me, id, declared);
        return applications.details(id).eligibility();
    }

    @PostMapping("/api/applications/{id}/submit")
    @Operation(summary = "Submit (or re-submit after a supplement request); refused listing everything missing")
    Map<String, Object> submit(Actor me, @PathVariable long id) {
        WorkingDays due = applications.submit(me, id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", applications.get(id).status());
        m.put("acceptanceDueOn", due == null ? null : due.date());
        m.put("calendarExact", due == null || due.exact());
        return m;
    }

    // ---- review and acceptance (R-APP-3..5)

    record SupplementRequest(String note, LocalDate dueOn) {
    }

    @PostMapping("/api/applications/{id}/supplement")
    @Operation(summary = "Ask the client for supplements")
    ApplicationView supplement(Actor me, @PathVariable long id, @RequestBody SupplementRequest r) {
        applications.requestSupplement(me, id, r.note(), r.dueOn());
        return applications.get(id);
    }

    @PostMapping("/api/applications/{id}/accept")
    @Operation(summary = "Accept: contract review confirmed, contract recorded, 90-day clock starts")
    ApplicationView accept(Actor me, @PathVariable long id, @RequestBody AcceptCommand command) {
        applications.accept(me, id, command);
        return applications.get(id);
    }

    record ReasonRequest(String reasons) {
    }

    @PostMapping("/api/applications/{id}/refuse")
    @Operation(summary = "Refuse with reasons")
    ApplicationView refuse(Actor me, @PathVariable long id, @RequestBody ReasonRequest r) {
        applications.refuse(me, id, r.reasons());
        return applications.get(id);
    }

    record RevocationRequest(long organisationId, String certificateNo, LocalDate revokedOn) {
    }

    @PostMapping("/api/revocations")
    @Operation(summary = "Record a CFP certificate revocation of a client (R-PTY-2 ban)")
    ResponseEntity<Void> revocation(Actor me, @RequestBody RevocationRequest r) {
        applications.recordRevocation(me, r.organisationId(), r.certificateNo(), r.revokedOn());
        return ResponseEntity.status(201).build();
    }

    // ---- units (R-UNIT)

    @GetMapping("/api/applications/{id}/units/proposal")
    @Operation(summary = "Units proposed by the scheme's division rule, with violations")
    List<CertificationUnits.UnitProposal> proposal(Actor me, @PathVariable long id) {
        return units.propose(id);
    }

    @PostMapping("/api/applications/{id}/units")
    @Operation(summary = "Record the agreed units with their functional/declared unit")
    ApplicationView agreeUnits(Actor me, @PathVariable long id,
                               @RequestBody List<CertificationUnits.AgreedUnit> agreed) {
        units.agree(me, id, agreed);
        return applications.get(id);
    }

    // ---- document review (R-DOC-1)

    record ReviewRequest(DocumentReviewConclusion conclusion, String findings, String staffNote, Map<String, String> requests) {
    }

    @PostMapping("/api/applications/{id}/document-review")
    @Operation(summary = "Record the next document-review round: conclusion, findings (shown to the client), staffNote (staff only) "
            + "and, when it does not conform, requests: {\"checklist-item-id\": \"what the client must supplement\"}")
    DocumentReviews.Review review(Actor me, @PathVariable long id, @RequestBody ReviewRequest r) {
        return reviews.conclude(me, id, r.conclusion(), r.findings(), r.staffNote(), r.requests());
    }

    @GetMapping("/api/applications/{id}/document-review")
    @Operation(summary = "Document-review rounds with the versions each reviewed, its supplement requests and the client's supplement "
            + "(staff notes only for staff)")
    List<DocumentReviews.Review> reviews(Actor me, @PathVariable long id) {
        return reviews.of(me, id);
    }

    @PostMapping("/api/applications/{id}/document-review/supplement/{item}")
    @Operation(summary = "Upload a new version of a document the open supplement request names (multipart field 'file')")
    ResponseEntity<EvidenceFile> supplementDocument(Actor me, @PathVariable long id, @PathVariable String item,
                                                    @RequestParam MultipartFile file) throws IOException {
        return ResponseEntity.status(201).body(reviews.supplementDocument(me, id, item, file.getOriginalFilename(), file.getInputStream()));
    }

    record SupplementSubmission(String note) {
    }

    @PostMapping("/api/applications/{id}/document-review/supplement")
    @Operation(summary = "Submit the supplement once every requested document has a new version; the next round may then start")
    DocumentReviews.Review submitSupplement(Actor me, @PathVariable long id, @RequestBody(required = false) SupplementSubmission r) {
        return reviews.submitSupplement(me, id, r == null ? null : r.note()).forClient();
    }
}
