package cn.cfp.evidence.internal;

import cn.cfp.access.Actor;
import cn.cfp.evidence.EvidenceFile;
import cn.cfp.evidence.EvidenceStore;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.shared.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Upload and download of evidence, as pages and as API (R-APP-2). */
@Controller
class EvidenceController {

    private final EvidenceStore store;
    private final Organisations organisations;

    EvidenceController(EvidenceStore store, Organisations organisations) {
        this.store = store;
        this.organisations = organisations;
    }

    @GetMapping("/evidence")
    String page(Actor me, @RequestParam(required = false) Long org, Model model) {
        List<Organisation> visible = organisations.all().stream()
                .filter(o -> o.kind() == Organisation.Kind.CLIENT && EvidenceStore.maySee(me, o.id())).toList();
        Long selected = org != null ? org : (me.organisationId() != null && me.isClient() ? me.organisationId()
                : visible.stream().findFirst().map(Organisation::id).orElse(null));
        model.addAttribute("organisations", visible);
        model.addAttribute("selected", selected);
        model.addAttribute("files", selected == null ? List.of() : store.list(me, selected));
        model.addAttribute("maxMb", store.maxBytes() / 1048576);
        return "evidence/index";
    }

    @PostMapping("/evidence")
    String upload(Actor me, @RequestParam long org, @RequestParam String caseRef,
                  @RequestParam String name, @RequestParam MultipartFile file, RedirectAttributes redirect) throws IOException {
        requireOrganisation(org);
        EvidenceFile stored = store.store(me, org, caseRef, name, file.getOriginalFilename(), file.getInputStream());
        redirect.addFlashAttribute("uploaded", stored);
        return "redirect:/evidence?org=" + org;
    }

    @PostMapping("/api/evidence")
    @ResponseBody
    ResponseEntity<EvidenceFile> uploadApi(Actor me, @RequestParam long org,
                                           @RequestParam String caseRef, @RequestParam String name,
                                           @RequestParam MultipartFile file) throws IOException {
        requireOrganisation(org);
        EvidenceFile stored = store.store(me, org, caseRef, name, file.getOriginalFilename(), file.getInputStream());
        return ResponseEntity.status(201).body(stored);
    }

    @GetMapping("/api/evidence")
    @ResponseBody
    List<EvidenceFile> listApi(Actor me, @RequestParam long org) {
        requireOrganisation(org);
        return store.list(me, org);
    }

    /** An upload to (or a list of) an organisation that does not exist is a 404 in words, not a constraint failure. */
    private void requireOrganisation(long org) {
        if (organisations.find(org).isEmpty()) {
            throw Refusal.notFound("evidence.organisation.notFound", org);
        }
    }

    @GetMapping({"/evidence/{id}/content", "/api/evidence/{id}/content"})
    ResponseEntity<InputStreamResource> download(@PathVariable long id) {
        EvidenceFile file = store.get(id); // the access table's evidence guard has checked who may read it
        InputStream in = store.open(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.originalFilename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", file.sha256())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(in));
    }
}
