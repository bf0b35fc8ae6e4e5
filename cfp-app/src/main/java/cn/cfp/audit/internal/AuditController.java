package cn.cfp.audit.internal;

import cn.cfp.audit.AuditTrail;
import cn.cfp.audit.ChainVerdict;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Admin page and API to read and verify the audit trail (R-REC-1). */
@Controller
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String page(Model model) {
        model.addAttribute("records", trail.latest(200));
        return "audit/index";
    }

    @PostMapping("/admin/audit/verify")
    String verify(Model model) {
        model.addAttribute("verdict", trail.verify());
        model.addAttribute("records", trail.latest(200));
        return "audit/index";
    }

    @GetMapping("/api/audit/verify")
    @ResponseBody
    ChainVerdict verifyApi() {
        return trail.verify();
    }
}
