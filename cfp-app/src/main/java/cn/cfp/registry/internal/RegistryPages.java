package cn.cfp.registry.internal;

import cn.cfp.body.BodyIdentity;
import cn.cfp.certificate.CertificateStatus;
import cn.cfp.registry.OpenData;
import cn.cfp.registry.Registry;
import cn.cfp.registry.RegistryEntry;
import cn.cfp.registry.RegistrySearch;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The public registry's pages [R-PUB-1, decision D4], anonymous: the certificate page a label's QR code opens (its URL
 * never changes), the search, the open-data files.
 */
@Controller
class RegistryPages {

    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
    static final int MAX_PAGE_SIZE = 100;

    private final Registry registry;
    private final OpenData openData;
    private final BodyIdentity body;
    private final PageRenderer renderer;

    RegistryPages(Registry registry, OpenData openData, BodyIdentity body, PageRenderer renderer) {
        this.registry = registry;
        this.openData = openData;
        this.body = body;
        this.renderer = renderer;
    }

    /**
     * The certificate's public page: served from memory once rendered; another spelling of a number (without hyphens,
     * lower case) is sent on to the number as issued (301); an unknown number gets a 404 page in words.
     */
    @GetMapping("/c/{number}")
    ResponseEntity<byte[]> certificate(@PathVariable String number, @RequestParam(required = false) String lang,
                                       Locale locale, HttpServletRequest request, HttpServletResponse response) {
        Locale pageLocale = pageLocale(locale);
        Optional<byte[]> page = registry.rendered(number, "html-" + pageLocale.getLanguage(),
                entry -> renderer.render("registry/certificate", certificateModel(entry, pageLocale), pageLocale, request, response));
        if (page.isPresent()) {
            return ResponseEntity.ok().contentType(HTML).header(HttpHeaders.CONTENT_LANGUAGE, pageLocale.toLanguageTag())
                    .body(page.get());
        }
        Optional<String> canonical = registry.canonical(number).filter(n -> !n.equals(number));
        if (canonical.isPresent()) {
            String to = "/c/" + UriUtils.encodePathSegment(canonical.get(), java.nio.charset.StandardCharsets.UTF_8)
                    + (lang == null ? "" : "?lang=" + UriUtils.encodeQueryParam(lang, java.nio.charset.StandardCharsets.UTF_8));
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, request.getContextPath() + to)
                    .build();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("number", number.length() > 80 ? number.substring(0, 80) + "…" : number);
        model.put("querySite", body.querySite());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML)
                .body(renderer.render("registry/notfound", model, pageLocale, request, response));
    }

    private Map<String, Object> certificateModel(RegistryEntry entry, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("entry", entry);
        model.put("c", entry.certificate());
        model.put("bodyName", body.name(locale));
        model.put("bodyAddress", body.address(locale));
        model.put("querySite", body.querySite());
        model.put("pageUrl", body.certificateUrl(entry.number()));
        return model;
    }

    /** The search [R-PUB-1]: number, company, product, scheme, status; 20 a page, at most 100. */
    @GetMapping("/registry")
    String search(@RequestParam(required = false) String number, @RequestParam(required = false) String company,
                  @RequestParam(required = false) String product, @RequestParam(required = false) String scheme,
                  @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                  @RequestParam(required = false) Integer size, Model model) {
        Paging paging = paging(page, size, 20);
        RegistrySearch search = new RegistrySearch(number, company, product, scheme, status(status));
        Paging.Page<RegistryEntry> result = registry.search(search, paging);
        model.addAttribute("q", search);
        model.addAttribute("result", result);
        model.addAttribute("paging", paging);
        model.addAttribute("schemes", registry.schemes());
        model.addAttribute("statuses", List.of(CertificateStatus.values()));
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/registry");
        Map.of("number", blankToEmpty(number), "company", blankToEmpty(company), "product", blankToEmpty(product),
                        "scheme", blankToEmpty(scheme), "status", search.status() == null ? "" : search.status().name())
                .forEach((k, v) -> {
                    if (v != null && !v.isEmpty()) {
                        link.queryParam(k, v);
                    }
                });
        link.queryParam("size", paging.size());
        model.addAttribute("prevHref", paging.page() > 0 ? link.cloneBuilder().queryParam("page", paging.page() - 1).encode().toUriString() : null);
        model.addAttribute("nextHref", paging.offset() + result.items().size() < result.total()
                ? link.cloneBuilder().queryParam("page", paging.page() + 1).encode().toUriString() : null);
        return "registry/search";
    }

    @GetMapping("/open-data/certificates.csv")
    ResponseEntity<Resource> csv() {
        return file(OpenData.CSV, MediaType.valueOf("text/csv;charset=UTF-8"));
    }

    @GetMapping("/open-data/certificates.json")
    ResponseEntity<Resource> json() {
        return file(OpenData.JSON, MediaType.APPLICATION_JSON);
    }

    private ResponseEntity<Resource> file(String name, MediaType type) {
        Path file = openData.file(name).orElseThrow(() -> Refusal.notFound("registry.openData.unknown", name));
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
                .body(new FileSystemResource(file));
    }

    static Locale pageLocale(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** A page of at most {@value #MAX_PAGE_SIZE}. */
    static Paging paging(Integer page, Integer size, int defaultSize) {
        int s = size == null ? defaultSize : size;
        if (s > MAX_PAGE_SIZE || s < 1) {
            throw Refusal.badRequest(List.of(cn.cfp.shared.Reason.of("registry.pageSize", MAX_PAGE_SIZE).at("size")));
        }
        return new Paging(page == null ? 0 : page, s);
    }

    /** A status by its code (case-insensitive); blank: any. */
    static CertificateStatus status(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return Arrays.stream(CertificateStatus.values()).filter(s -> s.name().equalsIgnoreCase(code.strip())).findFirst()
                .orElseThrow(() -> Refusal.badRequest(List.of(cn.cfp.shared.Reason.of("registry.status", code.strip(),
                        String.join(", ", Arrays.stream(CertificateStatus.values()).map(Enum::name).toList())).at("status"))));
    }

    private static String blankToEmpty(String s) {
        return s == null || s.isBlank() ? "" : s.strip();
    }
}
