package cn.cfp.application.web;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.application.ApplicationStatus;
import cn.cfp.application.ApplicationView;
import cn.cfp.application.Applications;
import cn.cfp.application.CertificationUnits;
import cn.cfp.application.ContractReview;
import cn.cfp.application.DocumentReviewConclusion;
import cn.cfp.application.DocumentReviews;
import cn.cfp.application.Eligibility;
import cn.cfp.application.Exemptions;
import cn.cfp.application.NinetyDayClock;
import cn.cfp.party.ClientRegistration;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.shared.Refusal;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
    private final NinetyDayClock clock;
    private final DocumentReviews reviews;
    private final Organisations organisations;
    private final SchemeCatalog schemes;

    ApplicationPages(Applications applications, CertificationUnits units, NinetyDayClock clock, DocumentReviews reviews,
                     Organisations organisations, SchemeCatalog schemes) {
        this.applications = applications;
        this.units = units;
        this.clock = clock;
        this.reviews = reviews;
        this.organisations = organisations;
        this.schemes = schemes;
    }

    // ---------------------------------------------------------------- client portal

    @GetMapping("/portal")
    @PreAuthorize("hasRole('CLIENT')")
    String portal(@AuthenticationPrincipal CfpPrincipal me, Model model) {
        List<Map<String, Object>> parties = new ArrayList<>();
        for (Organisation o : organisations.partiesOf(me.organisationId())) {
            parties.add(Map.of("org", o, "sites", organisations.sites(o.id())));
        }
        model.addAttribute("parties", parties);
        return "application/portal";
    }

    @PostMapping("/portal/parties")
    @PreAuthorize("hasRole('CLIENT')")
    String registerParty(@AuthenticationPrincipal CfpPrincipal me, @RequestParam String name, @RequestParam(required = false) String nameEn,
                         @RequestParam String creditCode, @RequestParam String address, @RequestParam String legalRepresentative,
                         @RequestParam String contactName, @RequestParam String contactPhone, RedirectAttributes redirect) {
        organisations.registerClient(me.username(), new ClientRegistration(name, nameEn, creditCode, address, legalRepresentative,
                contactName, contactPhone), me.organisationId());
        redirect.addFlashAttribute("ok", name);
        return "redirect:/portal";
    }

    @PostMapping("/portal/sites")
    @PreAuthorize("hasRole('CLIENT')")
    String addSite(@AuthenticationPrincipal CfpPrincipal me, @RequestParam long org, @RequestParam String name,
                   @RequestParam String address, RedirectAttributes redirect) {
        if (organisations.partiesOf(me.organisationId()).stream().noneMatch(o -> o.id() == org)) {
            throw Refusal.forbidden("Organisation " + org + " is neither your company nor one you registered / 无权操作该企业");
        }
        organisations.addSite(me.username(), org, name, address);
        redirect.addFlashAttribute("ok", name);
        return "redirect:/portal";
    }

    // ---------------------------------------------------------------- applications

    @GetMapping("/applications")
    @PreAuthorize("isAuthenticated()")
    String list(@AuthenticationPrincipal CfpPrincipal me, Model model) {
        model.addAttribute("applications", applications.visibleTo(me));
        model.addAttribute("schemes", schemes.all());
        if (me.isClient()) {
            model.addAttribute("parties", organisations.partiesOf(me.organisationId()));
        }
        return "application/list";
    }

    @PostMapping("/applications")
    @PreAuthorize("hasRole('CLIENT')")
    String create(@AuthenticationPrincipal CfpPrincipal me, @RequestParam String scheme, @RequestParam long manufacturer,
                  @RequestParam long factory) {
        long id = applications.create(me, scheme, manufacturer, factory, Map.of());
        return "redirect:/applications/" + id;
    }

    @GetMapping("/applications/{id}")
    @PreAuthorize("isAuthenticated()")
    String detail(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id, Model model) {
        ApplicationView app = applications.getFor(me, id);
        Applications.ApplicationDetails d = applications.details(id);
        model.addAttribute("d", d);
        model.addAttribute("app", app);
        model.addAttribute("applicant", organisations.find(app.applicantOrgId()).orElse(null));
        model.addAttribute("manufacturer", organisations.find(app.manufacturerOrgId()).orElse(null));
        model.addAttribute("factory", organisations.find(app.factoryOrgId()).orElse(null));
        model.addAttribute("editable", me.isClient() && me.organisationId() != null && me.organisationId() == app.applicantOrgId()
                && (app.status() == ApplicationStatus.DRAFT || app.status() == ApplicationStatus.SUPPLEMENT_REQUESTED));
        model.addAttribute("reviewer", me.has(cn.cfp.access.Role.PROJECT_MANAGER) || me.has(cn.cfp.access.Role.ADMIN));
        model.addAttribute("docReviewer", me.has(cn.cfp.access.Role.PROJECT_MANAGER) || me.has(cn.cfp.access.Role.INSPECTOR)
                || me.has(cn.cfp.access.Role.VERIFIER));
        model.addAttribute("eligibilityConditions", Eligibility.values());
        model.addAttribute("contractReview", ContractReview.values());
        model.addAttribute("conclusions", DocumentReviewConclusion.values());
        model.addAttribute("proposal", units.propose(id));
        model.addAttribute("clock", app.acceptedOn() == null ? null : clock.of(id));
        model.addAttribute("reviews", reviews.of(id));
        model.addAttribute("terminationDue", app.acceptedOn() != null && reviews.terminationDue(id));
        model.addAttribute("form", d.scheme().applicationForm().value());
        return "application/detail";
    }

    @PostMapping("/applications/{id}/form")
    @PreAuthorize("hasRole('CLIENT')")
    String form(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id, @RequestParam Map<String, String> params) {
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
    @PreAuthorize("hasRole('CLIENT')")
    String addProduct(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id, @RequestParam String productName,
                      @RequestParam String model, @RequestParam(required = false) String category,
                      @RequestParam(required = false) Long siteId, @RequestParam(required = false) Integer bomItems,
                      @RequestParam(required = false) Integer ghgSources) {
        applications.addProduct(me, id, productName, model, category, siteId, bomItems, ghgSources);
        return back(id);
    }

    @PostMapping("/applications/{id}/products/{productId}/remove")
    @PreAuthorize("hasRole('CLIENT')")
    String removeProduct(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id, @PathVariable long productId) {
        applications.removeProduct(me, id, productId);
        return back(id);
    }

    @PostMapping("/applications/{id}/documents/{item}")
    @PreAuthorize("hasRole('CLIENT')")
    String attach(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id, @PathVariable String item,
                  @RequestParam MultipartFile file) throws IOException {
        applications.attachDocument(me, id, item, file.getOriginalFilename(), file.getInputStream());
        return back(id);
    }

    @PostMapping("/applications/{id}/documents/{item}/answer")
    @PreAuthorize("hasRole('CLIENT')")
    String answer(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id, @PathVariable String item, @RequestParam boolean applies) {
        applications.answerCondition(me, id, item, applies);
        return back(id);
    }

    @PostMapping("/applications/{id}/eligibility")
    @PreAuthorize("hasRole('CLIENT')")
    String eligibility(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id,
                       @RequestParam(required = false) List<Eligibility> declared) {
        Set<Eligibility> yes = declared == null ? Set.of() : EnumSet.copyOf(declared);
        for (Eligibility e : Eligibility.values()) {
            applications.declareEligibility(me, id, e, yes.contains(e), null);
        }
        return back(id);
    }

    @PostMapping("/applications/{id}/submit")
    @PreAuthorize("hasRole('CLIENT')")
    String submit(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id) {
        applications.submit(me, id);
        return back(id);
    }

    @PostMapping("/applications/{id}/supplement")
    @PreAuthorize("hasAnyRole('PROJECT_MANAGER','ADMIN')")
    String supplement(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id, @RequestParam String note,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {
        applications.requestSupplement(me, id, note, dueOn);
        return back(id);
    }

    @PostMapping("/applications/{id}/accept")
    @PreAuthorize("hasAnyRole('PROJECT_MANAGER','ADMIN')")
    String accept(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id,
                  @RequestParam(required = false) List<ContractReview> review,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate contractSignedOn,
                  @RequestParam(required = false) String fee,
                  @RequestParam(required = false) String waiverReference,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate waiverPassedOn,
                  @RequestParam(defaultValue = "false") boolean waiverSameFactory,
                  @RequestParam(defaultValue = "false") boolean waiverSameType) {
        Exemptions.OnsiteWaiver waiver = waiverReference == null || waiverReference.isBlank() ? null
                : new Exemptions.OnsiteWaiver(waiverReference, waiverPassedOn, waiverSameFactory, waiverSameType);
        applications.accept(me, id, review == null ? Set.of() : EnumSet.copyOf(review), contractSignedOn, fee, waiver, null);
        return back(id);
    }

    @PostMapping("/applications/{id}/refuse")
    @PreAuthorize("hasAnyRole('PROJECT_MANAGER','ADMIN')")
    String refuse(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id, @RequestParam String reasons) {
        applications.refuse(me, id, reasons);
        return back(id);
    }

    @PostMapping("/applications/{id}/terminate")
    @PreAuthorize("hasAnyRole('PROJECT_MANAGER','ADMIN')")
    String terminate(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id, @RequestParam String reasons) {
        applications.terminate(me, id, reasons);
        return back(id);
    }

    @PostMapping("/applications/{id}/units")
    @PreAuthorize("hasAnyRole('PROJECT_MANAGER','ADMIN')")
    String agreeUnits(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id, @RequestParam List<String> label,
                      @RequestParam List<String> models, @RequestParam List<String> functionalUnit,
                      @RequestParam(required = false) List<String> category) {
        List<CertificationUnits.AgreedUnit> agreed = new ArrayList<>();
        for (int i = 0; i < label.size(); i++) {
            agreed.add(new CertificationUnits.AgreedUnit(label.get(i), category == null || category.size() <= i ? null : category.get(i),
                    List.of(models.get(i).split("\\s*,\\s*")), functionalUnit.get(i)));
        }
        units.agree(me, id, agreed);
        return back(id);
    }

    @PostMapping("/applications/{id}/clock/pause")
    @PreAuthorize("hasAnyRole('PROJECT_MANAGER','ADMIN')")
    String pause(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam String reason) {
        clock.pause(me, id, date, reason);
        return back(id);
    }

    @PostMapping("/applications/{id}/clock/resume")
    @PreAuthorize("hasAnyRole('PROJECT_MANAGER','ADMIN')")
    String resume(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        clock.resume(me, id, date);
        return back(id);
    }

    @PostMapping("/applications/{id}/document-review")
    @PreAuthorize("hasAnyRole('PROJECT_MANAGER','INSPECTOR','VERIFIER')")
    String review(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id, @RequestParam DocumentReviewConclusion conclusion,
                  @RequestParam(required = false) String findings) {
        reviews.conclude(me, id, conclusion, findings);
        return back(id);
    }

    @GetMapping("/dashboard")
    @PreAuthorize("hasAnyRole('ADMIN','PROJECT_MANAGER','INSPECTOR','VERIFIER','TECHNICAL_EXPERT','REVIEWER','DECISION_MAKER',"
            + "'PREPARER','COMPETENCE_EVALUATOR','SCHEME_MANAGER','ARCHIVIST')")
    String dashboard(Model model) {
        model.addAttribute("rows", clock.dashboard());
        return "application/dashboard";
    }

    private static String back(long id) {
        return "redirect:/applications/" + id;
    }
}
