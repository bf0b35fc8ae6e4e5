package cn.cfp.application.web;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.application.AcceptCommand;
import cn.cfp.application.ApplicationStatus;
import cn.cfp.application.ApplicationView;
import cn.cfp.application.Applications;
import cn.cfp.application.CertificationUnits;
import cn.cfp.application.ContractReview;
import cn.cfp.application.DocumentReviewConclusion;
import cn.cfp.application.DocumentReviews;
import cn.cfp.application.Eligibility;
import cn.cfp.cases.CaseView;
import cn.cfp.cases.Cases;
import cn.cfp.party.ClientRegistration;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.shared.FormValues;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Refusal;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the client portal and the staff's application review (R-PTY, R-APP, R-UNIT, R-PLAN-5, R-DOC). */
@Controller
class ApplicationPages {

    private final Applications applications;
    private final CertificationUnits units;
    private final Cases cases;
    private final DocumentReviews reviews;
    private final Organisations organisations;
    private final SchemeCatalog schemes;

    ApplicationPages(Applications applications, CertificationUnits units, Cases cases, DocumentReviews reviews,
                     Organisations organisations, SchemeCatalog schemes) {
        this.applications = applications;
        this.units = units;
        this.cases = cases;
        this.reviews = reviews;
        this.organisations = organisations;
        this.schemes = schemes;
    }

    // ---------------------------------------------------------------- client portal

    @GetMapping("/portal")
    String portal(Actor me, Model model) {
        List<Map<String, Object>> parties = new ArrayList<>();
        for (Organisation o : organisations.partiesOf(me.organisationId())) {
            parties.add(Map.of("org", o, "sites", organisations.sites(o.id())));
        }
        model.addAttribute("parties", parties);
        return "application/portal";
    }

    @PostMapping("/portal/parties")
    String registerParty(Actor me, @RequestParam String name, @RequestParam(required = false) String nameEn,
                         @RequestParam String creditCode, @RequestParam String address, @RequestParam String legalRepresentative,
                         @RequestParam String contactName, @RequestParam String contactPhone, RedirectAttributes redirect) {
        organisations.registerClient(me.username(), new ClientRegistration(name, nameEn, creditCode, address, legalRepresentative,
                contactName, contactPhone), me.organisationId());
        redirect.addFlashAttribute("ok", name);
        return "redirect:/portal";
    }

    @PostMapping("/portal/sites")
    String addSite(Actor me, @RequestParam long org, @RequestParam String name,
                   @RequestParam String address, RedirectAttributes redirect) {
        if (organisations.partiesOf(me.organisationId()).stream().noneMatch(o -> o.id() == org)) {
            throw Refusal.forbidden("party.notYours", org);
        }
        organisations.addSite(me.username(), org, name, address);
        redirect.addFlashAttribute("ok", name);
        return "redirect:/portal";
    }

    // ---------------------------------------------------------------- applications

    @GetMapping("/applications")
    String list(Actor me, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        Paging paging = Paging.of(page, size);
        Paging.Page<ApplicationView> result = applications.visibleTo(me, paging);
        model.addAttribute("applications", result.items());
        model.addAttribute("result", result);
        model.addAttribute("paging", paging);
        model.addAttribute("schemes", schemes.all());
        if (me.isClient()) {
            model.addAttribute("parties", organisations.partiesOf(me.organisationId()));
        }
        return "application/list";
    }

    @PostMapping("/applications")
    String create(Actor me, @RequestParam String scheme, @RequestParam long manufacturer,
                  @RequestParam long factory) {
        long id = applications.create(me, scheme, manufacturer, factory, Map.of());
        return "redirect:/applications/" + id;
    }

    @GetMapping("/applications/{id}")
    String detail(Actor me, @PathVariable long id, Model model) {
        Applications.ApplicationDetails d = applications.details(id);
        ApplicationView app = d.application();
        Optional<CaseView> caseView = cases.view(id);
        model.addAttribute("d", d);
        model.addAttribute("app", app);
        model.addAttribute("caseView", caseView.orElse(null));
        model.addAttribute("applicant", organisations.find(app.applicantOrgId()).orElse(null));
        model.addAttribute("manufacturer", organisations.find(app.manufacturerOrgId()).orElse(null));
        model.addAttribute("factory", organisations.find(app.factoryOrgId()).orElse(null));
        model.addAttribute("editable", me.isClient() && me.organisationId() == app.applicantOrgId()
                && (app.status() == ApplicationStatus.DRAFT || app.status() == ApplicationStatus.SUPPLEMENT_REQUESTED));
        boolean open = caseView.map(CaseView::isOpen).orElse(false);
        boolean manager = caseView.map(c -> c.managerUserId() == me.id()).orElse(me.has(Role.PROJECT_MANAGER));
        boolean team = caseView.map(c -> c.team().stream().anyMatch(m -> m.userId() == me.id())).orElse(false);
        model.addAttribute("reviewer", me.has(Role.PROJECT_MANAGER) && manager);
        model.addAttribute("staffViewer", me.isStaff());
        model.addAttribute("caseManager", open && manager && me.has(Role.PROJECT_MANAGER));
        model.addAttribute("docReviewer", open && (manager || team)
                && caseView.map(c -> c.currentStages().contains(cn.cfp.scheme.Stage.DOCUMENT_REVIEW)).orElse(false));
        model.addAttribute("eligibilityConditions", Eligibility.values());
        model.addAttribute("contractReview", ContractReview.values());
        model.addAttribute("conclusions", DocumentReviewConclusion.values());
        model.addAttribute("proposal", units.propose(id));
        model.addAttribute("clock", caseView.map(CaseView::clock).orElse(null));
        DocumentReviews.Status review = reviews.status(me, id);
        model.addAttribute("reviews", review.rounds());
        model.addAttribute("maxRounds", review.maxRounds());
        model.addAttribute("terminationDue", review.terminationDue());
        model.addAttribute("awaitingSupplement", review.awaitingSupplement().orElse(null));
        // the applicant answers the open supplement request of the document review (issue 8 item 11)
        model.addAttribute("supplementer", review.awaitingSupplement().isPresent() && me.isClient()
                && me.organisationId() == app.applicantOrgId());
        Map<String, Object> items = new LinkedHashMap<>();
        d.documents().forEach(s -> items.put(s.item().id(), s));
        model.addAttribute("items", items);
        model.addAttribute("form", d.scheme().applicationForm().value());
        return "application/detail";
    }

    @PostMapping("/applications/{id}/form")
    String form(Actor me, @PathVariable long id, @RequestParam Map<String, String> params) {
        Map<String, String> answers = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("f.")) {
                answers.put(k.substring(2), v);
            }
        });
        applications.answerForm(me, id, answers);
        return back(id);
    }

    @PostMapping("/applications/{id}/products")
    String addProduct(Actor me, @PathVariable long id, @RequestParam String productName,
                      @RequestParam String model, @RequestParam(required = false) String category,
                      @RequestParam(required = false) Long siteId, @RequestParam(required = false) Integer bomItems,
                      @RequestParam(required = false) Integer ghgSources) {
        applications.addProduct(me, id, productName, model, category, siteId, bomItems, ghgSources);
        return back(id);
    }

    @PostMapping("/applications/{id}/products/{productId}/remove")
    String removeProduct(Actor me, @PathVariable long id, @PathVariable long productId) {
        applications.removeProduct(me, id, productId);
        return back(id);
    }

    @PostMapping("/applications/{id}/documents/{item}")
    String attach(Actor me, @PathVariable long id, @PathVariable String item,
                  @RequestParam MultipartFile file) throws IOException {
        applications.attachDocument(me, id, item, file.getOriginalFilename(), file.getInputStream());
        return back(id);
    }

    @PostMapping("/applications/{id}/documents/{item}/answer")
    String answer(Actor me, @PathVariable long id, @PathVariable String item, @RequestParam boolean applies) {
        applications.answerCondition(me, id, item, applies);
        return back(id);
    }

    @PostMapping("/applications/{id}/eligibility")
    String eligibility(Actor me, @PathVariable long id,
                       @RequestParam(required = false) List<Eligibility> declared) {
        Set<Eligibility> yes = declared == null ? Set.of() : EnumSet.copyOf(declared);
        Map<Eligibility, Boolean> all = new LinkedHashMap<>();
        for (Eligibility e : Eligibility.values()) {
            all.put(e, yes.contains(e));
        }
        applications.declareEligibility(me, id, all);
        return back(id);
    }

    @PostMapping("/applications/{id}/submit")
    String submit(Actor me, @PathVariable long id) {
        applications.submit(me, id);
        return back(id);
    }

    @PostMapping("/applications/{id}/supplement")
    String supplement(Actor me, @PathVariable long id, @RequestParam String note,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {
        applications.requestSupplement(me, id, note, dueOn);
        return back(id);
    }

    /** Binds the same {@link AcceptCommand} as the API (form fields named after its components). */
    @PostMapping("/applications/{id}/accept")
    String accept(Actor me, @PathVariable long id, @ModelAttribute AcceptCommand command) {
        applications.accept(me, id, command);
        return back(id);
    }

    @PostMapping("/applications/{id}/refuse")
    String refuse(Actor me, @PathVariable long id, @RequestParam String reasons) {
        applications.refuse(me, id, reasons);
        return back(id);
    }

    @PostMapping("/applications/{id}/units")
    String agreeUnits(Actor me, @PathVariable long id, @RequestParam List<String> label,
                      @RequestParam List<String> models, @RequestParam List<String> functionalUnit,
                      @RequestParam(required = false) List<String> category,
                      @RequestParam(required = false) List<String> divisionReason) {
        List<CertificationUnits.AgreedUnit> agreed = new ArrayList<>();
        for (int i = 0; i < label.size(); i++) {
            agreed.add(new CertificationUnits.AgreedUnit(label.get(i), category == null || category.size() <= i ? null : category.get(i),
                    List.of(models.get(i).split("\\s*,\\s*")), functionalUnit.get(i),
                    divisionReason == null || divisionReason.size() <= i ? null : divisionReason.get(i)));
        }
        units.agree(me, id, agreed);
        return back(id);
    }

    /** The round's form: conclusion, findings, staff note and one "what to supplement" field per checklist item ({@code request.<item>}). */
    @PostMapping("/applications/{id}/document-review")
    String review(Actor me, @PathVariable long id, @RequestParam Map<String, String> params) {
        Map<String, String> requests = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("request.") && v != null && !v.isBlank()) {
                requests.put(k.substring("request.".length()), v);
            }
        });
        String conclusion = params.get("conclusion");
        reviews.conclude(me, id, conclusion == null || conclusion.isBlank() ? null
                        : FormValues.choice(DocumentReviewConclusion.class, "conclusion", conclusion),
                params.get("findings"), params.get("staffNote"), requests);
        return back(id);
    }

    @PostMapping("/applications/{id}/document-review/supplement/{item}")
    String supplementDocument(Actor me, @PathVariable long id, @PathVariable String item,
                              @RequestParam MultipartFile file) throws IOException {
        reviews.supplementDocument(me, id, item, file.getOriginalFilename(), file.getInputStream());
        return back(id);
    }

    @PostMapping("/applications/{id}/document-review/supplement")
    String submitSupplement(Actor me, @PathVariable long id, @RequestParam(required = false) String note) {
        reviews.submitSupplement(me, id, note);
        return back(id);
    }

    private static String back(long id) {
        return "redirect:/applications/" + id;
    }
}
