package cn.cfp.certificate.internal;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.certificate.Certificate;
import cn.cfp.certificate.CertificateDraft;
import cn.cfp.certificate.CertificateView;
import cn.cfp.certificate.Certificates;
import cn.cfp.scheme.CertificateContent;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.shared.Paging;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The certificate pages: the list (staff: all; a client: its own issued certificates) and one case's certificate. */
@Controller
class CertificatePagesController {

    private final Certificates certificates;
    private final SchemeCatalog schemes;

    CertificatePagesController(Certificates certificates, SchemeCatalog schemes) {
        this.certificates = certificates;
        this.schemes = schemes;
    }

    @GetMapping("/certificates")
    String list(Actor me, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        Paging paging = Paging.of(page, size == null ? 20 : size);
        model.addAttribute("result", certificates.page(me, paging));
        model.addAttribute("paging", paging);
        model.addAttribute("staff", me.isStaff());
        return "certificate/list";
    }

    @GetMapping("/certificates/{applicationId}")
    String page(Actor me, @PathVariable long applicationId, Model model) {
        CertificateView v = certificates.view(applicationId);
        Certificate c = certificates.require(applicationId);
        CertificateContent content = certificates.content(schemes.get(v.schemeCode()));
        boolean open = v.stage() != Certificate.Stage.ISSUED;
        model.addAttribute("c", v);
        model.addAttribute("certificateContent", content); // not "content": the layout fragment's parameter of that name hides it
        model.addAttribute("preparer", open && v.stage() == Certificate.Stage.DRAFT && c.preparer(me, content).allowed());
        model.addAttribute("preparerVerdict", c.preparer(me, content));
        model.addAttribute("checker", open && v.stage() == Certificate.Stage.CONFIRMED
                && (me.has(Role.REVIEWER) || me.has(Role.DECISION_MAKER)));
        model.addAttribute("issuer", open && v.stage() == Certificate.Stage.CHECKED
                && (me.has(Role.PREPARER) || me.has(Role.REVIEWER) || me.has(Role.DECISION_MAKER)));
        model.addAttribute("fields", content.checkedFields());
        return "certificate/certificate";
    }

    @PostMapping("/certificates/{applicationId}/draft")
    String draft(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String issuerName,
                 @RequestParam(required = false) String basis, @RequestParam(required = false) String productCode,
                 @RequestParam(required = false) String unit, @RequestParam(required = false) String trademark,
                 @RequestParam(required = false) String assuranceLevel, @RequestParam(required = false) String surveillanceRecord,
                 @RequestParam(required = false) String reportPeriod) {
        certificates.edit(me, applicationId, new CertificateDraft(issuerName, basis, productCode, unit, trademark, assuranceLevel,
                surveillanceRecord, reportPeriod));
        return "redirect:/certificates/" + applicationId;
    }

    @PostMapping("/certificates/{applicationId}/confirmation")
    String confirm(Actor me, @PathVariable long applicationId) {
        certificates.confirm(me, applicationId);
        return "redirect:/certificates/" + applicationId;
    }

    @PostMapping("/certificates/{applicationId}/checks")
    String check(Actor me, @PathVariable long applicationId, @RequestParam(name = "field", required = false) List<String> fields) {
        Set<String> ticked = fields == null ? Set.of() : new HashSet<>(fields);
        certificates.check(me, applicationId, ticked);
        return "redirect:/certificates/" + applicationId;
    }

    @PostMapping("/certificates/{applicationId}/issue")
    String issue(Actor me, @PathVariable long applicationId) {
        certificates.issue(me, applicationId);
        return "redirect:/certificates/" + applicationId;
    }
}
