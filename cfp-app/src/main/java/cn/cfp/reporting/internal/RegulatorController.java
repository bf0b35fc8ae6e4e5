package cn.cfp.reporting.internal;

import cn.cfp.reporting.CncaReporting;
import cn.cfp.reporting.ItemFilter;
import cn.cfp.reporting.ReportItem;
import cn.cfp.reporting.ReportKind;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The regulator's view (role REGULATOR, read only): the certificates issued and the status changes, reported and
 * unreported, with their dates — the public data and the reporting data only (not who in the body reported), filtered
 * by scheme, kind and event period, with an Excel export.
 */
@Controller
@Tag(name = "regulator", description = "The regulator's read-only view of issues and status changes and their reporting to CNCA")
class RegulatorController {

    private final CncaReporting reporting;
    private final ReportPackages packages;
    private final SchemeCatalog schemes;

    RegulatorController(CncaReporting reporting, ReportPackages packages, SchemeCatalog schemes) {
        this.reporting = reporting;
        this.packages = packages;
        this.schemes = schemes;
    }

    @GetMapping("/regulator")
    String page(@RequestParam(required = false) String scheme, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String state, Model model) {
        ItemFilter filter = ItemQuery.filter(scheme, kind, from, to, state, null);
        LocalDate today = reporting.today();
        model.addAttribute("rows", ItemRow.of(reporting.items(filter), reporting, today, Set.of()));
        model.addAttribute("filter", filter);
        model.addAttribute("state", ItemQuery.stateName(filter.reported()));
        model.addAttribute("schemeCodes", schemes.all().stream().map(Scheme::code).toList());
        model.addAttribute("kinds", List.of(ReportKind.values()));
        return "reporting/regulator";
    }

    @GetMapping("/api/regulator/items")
    @ResponseBody
    @Operation(summary = "Issues and status changes with their reporting (state all (default) | reported | unreported), "
            + "by scheme, kind and event period from/to (yyyy-MM-dd); public and reporting data only")
    List<ItemJson> items(@RequestParam(required = false) String scheme, @RequestParam(required = false) String kind,
                         @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String state) {
        LocalDate today = reporting.today();
        return reporting.items(ItemQuery.filter(scheme, kind, from, to, state, null)).stream()
                .map(i -> ItemJson.of(i, reporting, today, false)).toList();
    }

    @GetMapping("/api/regulator/export.xlsx")
    @Operation(summary = "The same list as an Excel sheet with Chinese headers, with whether, when, how and under which "
            + "receipt each item was reported")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String scheme, @RequestParam(required = false) String kind,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String state) {
        List<ReportItem> items = reporting.items(ItemQuery.filter(scheme, kind, from, to, state, null));
        return Downloads.file(packages.xlsx(items, true), Downloads.XLSX, "cfp-regulator-" + reporting.today() + ".xlsx");
    }
}
