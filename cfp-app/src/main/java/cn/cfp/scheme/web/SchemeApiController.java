package cn.cfp.scheme.web;

import cn.cfp.scheme.SchemeCatalog;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON: every scheme with every parameter, value and citation (R-X-1). */
@RestController
@RequestMapping("/api/schemes")
class SchemeApiController {

    private final SchemeCatalog catalog;

    SchemeApiController(SchemeCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<Map<String, Object>> all() {
        return catalog.all().stream().map(SchemeView::json).toList();
    }

    @GetMapping("/{code}")
    ResponseEntity<Map<String, Object>> one(@PathVariable String code) {
        return catalog.find(code)
                .map(s -> ResponseEntity.ok(SchemeView.json(s)))
                .orElseGet(() -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("status", 404);
                    error.put("error", "Unknown certification scheme '" + code + "'");
                    error.put("code", code);
                    error.put("known", catalog.codes());
                    return ResponseEntity.status(404).body(error);
                });
    }
}
