package cn.cfp.scheme.web;

import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.SchemeParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Locale;

/** The scheme comparison page (like spec/schemes.md) and a detail page per scheme. */
@Controller
class SchemePageController {

    private final SchemeCatalog catalog;

    SchemePageController(SchemeCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/schemes")
    String compare(Model model, Locale locale) {
        List<Scheme> schemes = catalog.all();
        model.addAttribute("schemes", schemes);
        model.addAttribute("rows", SchemeView.rows(schemes, locale));
        model.addAttribute("en", "en".equals(locale.getLanguage()));
        return "scheme/compare";
    }

    @GetMapping("/schemes/{code}")
    String detail(@PathVariable String code, Model model, Locale locale) {
        Scheme s = catalog.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Unknown certification scheme '" + code + "'. Known schemes: " + String.join(", ", catalog.codes())));
        model.addAttribute("scheme", s);
        model.addAttribute("en", "en".equals(locale.getLanguage()));
        model.addAttribute("locale", locale);
        model.addAttribute("checklist", s.documentChecklist());
        model.addAttribute("manDays", s.manDayTable());
        model.addAttribute("team", s.teamPolicy());
        model.addAttribute("rows", SchemeView.rows(List.of(s), locale));
        model.addAttribute("checklistParam", SchemeParameter.DOCUMENT_CHECKLIST);
        return "scheme/detail";
    }
}
