package cn.cfp.audit.internal;

import cn.cfp.audit.AuditRecord;
import cn.cfp.audit.AuditSearch;
import cn.cfp.audit.AuditTrail;
import cn.cfp.audit.ChainVerdict;
import cn.cfp.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Admin page and API to read and verify the audit trail (R-REC-1): searched, filtered, sorted and paged like every
 * list (issue 8 item 15), the total shown.
 */
@Controller
class AuditController {

    private static final String PAGE = "/admin/audit";

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping(PAGE)
    String page(@RequestParam(required = false) String q, @RequestParam(required = false) String actor,
                @RequestParam(required = false) String action, @RequestParam(required = false) String target,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) AuditSearch.Order sort,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        list(new AuditSearch(q, actor, action, target, from, to, sort), Paging.of(page, size), model);
        return "audit/index";
    }

    @PostMapping(PAGE + "/verify")
    String verify(Model model) {
        model.addAttribute("verdict", trail.verify());
        list(AuditSearch.all(), Paging.of(null, null), model);
        return "audit/index";
    }

    private void list(AuditSearch search, Paging paging, Model model) {
        Paging.Page<AuditRecord> result = trail.search(search, paging);
        model.addAttribute("search", search);
        model.addAttribute("records", result.items());
        model.addAttribute("result", result);
        model.addAttribute("paging", paging);
        model.addAttribute("actions", trail.actions());
        model.addAttribute("orders", AuditSearch.Order.values());
        model.addAttribute("listPath", path(search));
    }

    /** This list's address with its search, for the page links (which add page and size). */
    private static String path(AuditSearch s) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(PAGE);
        add(b, "q", s.text());
        add(b, "actor", s.actor());
        add(b, "action", s.action());
        add(b, "target", s.target());
        add(b, "from", s.from());
        add(b, "to", s.to());
        if (s.order() != AuditSearch.Order.NEWEST) {
            b.queryParam("sort", s.order().name());
        }
        return b.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null) {
            b.queryParam(name, value.toString());
        }
    }

    @GetMapping("/api/audit")
    @ResponseBody
    @Operation(summary = "Audit records, a page at a time (page from 0, size 1-200, default 50; the total in X-Total-Count): "
            + "q anywhere in actor, action, target or details; actor and action exactly; target containing; from/to days "
            + "(yyyy-mm-dd, both included); sort NEWEST (default), OLDEST, ACTOR, ACTION or TARGET")
    ResponseEntity<List<AuditRecord>> listApi(@RequestParam(required = false) String q, @RequestParam(required = false) String actor,
                                              @RequestParam(required = false) String action, @RequestParam(required = false) String target,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                              @RequestParam(required = false) AuditSearch.Order sort,
                                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging.Page<AuditRecord> p = trail.search(new AuditSearch(q, actor, action, target, from, to, sort), Paging.of(page, size));
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(p.total())).body(p.items());
    }

    @GetMapping("/api/audit/verify")
    @ResponseBody
    @Operation(summary = "Verify the hash chain and its latest checkpoint; the verdict names the first broken record")
    ChainVerdict verifyApi() {
        return trail.verify();
    }
}
