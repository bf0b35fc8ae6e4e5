package cn.cfp.evidence.internal;

import cn.cfp.access.Actor;
import cn.cfp.evidence.EvidenceFile;
import cn.cfp.evidence.EvidenceSearch;
import cn.cfp.evidence.EvidenceStore;
import cn.cfp.evidence.FileType;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Refusal;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.util.UriComponentsBuilder;

/** Upload and download of evidence, as pages and as API (R-APP-2). */
@Controller
class EvidenceController {

    private static final String PAGE = "/evidence";

    private final EvidenceStore store;
    private final Organisations organisations;

    EvidenceController(EvidenceStore store, Organisations organisations) {
        this.store = store;
        this.organisations = organisations;
    }

    /**
     * An organisation's evidence, searched, filtered, sorted and a page at a time (issue 8 item 15): {@code org} (the
     * client user's own by default, else the first the person may see), {@code q}, {@code type}, {@code caseRef},
     * {@code sort}, {@code page} from 0 and {@code size} 1-200. Who may see which organisation is unchanged
     * ({@link EvidenceStore#maySee}).
     */
    @GetMapping(PAGE)
    String page(Actor me, @RequestParam(required = false) Long org, @RequestParam(required = false) String q,
                @RequestParam(required = false) FileType type, @RequestParam(required = false) String caseRef,
                @RequestParam(required = false) EvidenceSearch.Order sort, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, Model model) {
        EvidenceSearch search = new EvidenceSearch(q, type, caseRef, sort);
        Paging paging = Paging.of(page, size);
        List<Organisation> visible = organisations.all().stream()
                .filter(o -> o.kind() == Organisation.Kind.CLIENT && EvidenceStore.maySee(me, o.id())).toList();
        Long selected = org != null ? org : (me.organisationId() != null && me.isClient() ? me.organisationId()
                : visible.stream().findFirst().map(Organisation::id).orElse(null));
        Paging.Page<EvidenceFile> result = selected == null ? new Paging.Page<>(List.of(), 0)
                : store.search(me, selected, search, paging);
        model.addAttribute("organisations", visible);
        model.addAttribute("selected", selected);
        model.addAttribute("search", search);
        model.addAttribute("files", result.items());
        model.addAttribute("result", result);
        model.addAttribute("paging", paging);
        model.addAttribute("listPath", path(selected, search, search.order(), null));
        model.addAttribute("nameColumn", column(selected, search, EvidenceSearch.Order.NAME, true, paging.size()));
        model.addAttribute("sizeColumn", column(selected, search, EvidenceSearch.Order.LARGEST, false, paging.size()));
        model.addAttribute("atColumn", column(selected, search, EvidenceSearch.Order.NEWEST, false, paging.size()));
        model.addAttribute("orders", EvidenceSearch.Order.values());
        model.addAttribute("types", FileType.values());
        model.addAttribute("maxMb", store.maxBytes() / 1048576);
        return "evidence/index";
    }

    /**
     * A sortable column head: the link that sorts by it ({@code first} order, or the other direction when the list is
     * sorted by it already), how the list is sorted by it now as aria-sort says it ({@code ascending},
     * {@code descending} or {@code none}) and the arrow shown for that.
     */
    record Column(String href, String sorted, String arrow) {
    }

    private static Column column(Long org, EvidenceSearch s, EvidenceSearch.Order first, boolean firstAscending, int size) {
        EvidenceSearch.Order second = first.reversed();
        boolean ascending = s.order() == first ? firstAscending : !firstAscending;
        String href = path(org, s, s.order() == first ? second : first, size);
        if (s.order() != first && s.order() != second) {
            return new Column(href, "none", "");
        }
        return new Column(href, ascending ? "ascending" : "descending", ascending ? " ▲" : " ▼");
    }

    /** This list's address with its organisation, search and the given order (page links add page and size). */
    private static String path(Long org, EvidenceSearch s, EvidenceSearch.Order order, Integer size) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(PAGE);
        add(b, "org", org);
        add(b, "q", s.text());
        add(b, "type", s.type());
        add(b, "caseRef", s.caseRef());
        if (order != EvidenceSearch.Order.NEWEST) {
            b.queryParam("sort", order.name());
        }
        if (size != null && size != Paging.DEFAULT_SIZE) {
            b.queryParam("size", size);
        }
        return b.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null) {
            b.queryParam(name, value.toString());
        }
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
    @Operation(summary = "An organisation's evidence files, a page at a time (page from 0, size 1-200, default 50; the total in "
            + "X-Total-Count): q in the document or file name, caseRef containing, type one of PDF, PNG, JPEG, XLSX, DOCX, CSV, "
            + "TXT; sort NEWEST (default), OLDEST, NAME, NAME_DESC, LARGEST or SMALLEST")
    ResponseEntity<List<EvidenceFile>> listApi(Actor me, @RequestParam long org, @RequestParam(required = false) String q,
                                               @RequestParam(required = false) FileType type,
                                               @RequestParam(required = false) String caseRef,
                                               @RequestParam(required = false) EvidenceSearch.Order sort,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        EvidenceSearch search = new EvidenceSearch(q, type, caseRef, sort);
        Paging paging = Paging.of(page, size);
        requireOrganisation(org);
        Paging.Page<EvidenceFile> p = store.search(me, org, search, paging);
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(p.total())).body(p.items());
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
